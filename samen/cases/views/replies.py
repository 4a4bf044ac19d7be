"""How a write posted from a case's or a meeting's page answers: back to that page, with its
messages. The views get the object through the access functions first; this only replies."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from samen.cases.forms.cases import first_error


def case_url(case) -> str:
    return reverse("cases:detail", args=[case.pk])


def form_problems(form: forms.Form) -> list[str]:
    """Every message of an invalid form, each prefixed with its field's label (if it has one)."""
    problems = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        problems += [f"{label}: {error}" if label else str(error) for error in errors]
    return problems


def back(
    request: HttpRequest, to: str, problems: list[str] | None = None, anchor: str = ""
) -> HttpResponse:
    """Redirect to the page `to` (a path), at `anchor`, each problem shown as an error."""
    for message in problems or []:
        messages.error(request, message)
    return redirect(f"{to}#{anchor}" if anchor else to)


def submit(
    request: HttpRequest,
    to: str,
    form: forms.Form | None,
    write: Callable[[], object],
    done: str,
    anchor: str = "",
) -> HttpResponse:
    """Validate `form` (if any), call `write()` and go back to `to`: with the form's or the
    action's problems, or with `done`."""
    if form is not None and not form.is_valid():
        return back(request, to, form_problems(form), anchor)
    try:
        write()
    except ValidationError as error:
        return back(request, to, first_error(error), anchor)
    messages.success(request, done)
    return back(request, to, anchor=anchor)
