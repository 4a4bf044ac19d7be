"""The CSV import page: upload, every row checked, all or nothing (see csv_import)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samen.signals.csv_import import COLUMNS, check_may_import, import_file

# A page waits for its answer: larger files go through `samen import_signals`.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UPLOAD_ROWS = 50_000
SHOWN_PROBLEMS = 500


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file (UTF-8)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    again = forms.BooleanField(
        label=gettext_lazy("Import it even though a file with this name was imported before"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s: ask an administrator to import it.")
                % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        return upload


@require_http_methods(["GET", "POST"])
@login_required
def signal_import(request: HttpRequest) -> HttpResponse:
    """Check an uploaded file and import it when every row is good; else list the bad rows."""
    check_may_import(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = import_file(
            upload.read(),
            by=request.user,
            file_name=upload.name,
            again=form.cleaned_data["again"],
            max_rows=MAX_UPLOAD_ROWS,
        )
        if outcome.batch is not None:
            messages.success(
                request,
                _("Imported %(rows)s signals from %(file)s.")
                % {"rows": outcome.batch.rows, "file": outcome.batch.file_name},
            )
            return redirect("signal_exchange:import")
    problems = outcome.checked.problems if outcome else []
    return render(
        request,
        "signals/imports/import.html",
        {
            "form": form,
            "outcome": outcome,
            "problems": problems[:SHOWN_PROBLEMS],
            "hidden_problems": max(len(problems) - SHOWN_PROBLEMS, 0),
            "bad_lines": len({p.line for p in problems}),
            "columns": COLUMNS,
            "max_rows": MAX_UPLOAD_ROWS,
        },
    )
