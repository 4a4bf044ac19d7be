"""How case pages answer the two refusals that are not a 404."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from samen.cases.access import AcknowledgementRequiredError, SecondFactorRequiredError


def case_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a case view: signed in, never cached, and sent to pass the second factor or to
    acknowledge the rules when the access functions say so. Everything else (the 404 for
    outsiders included) is the access functions' answer, unchanged."""

    @functools.wraps(view)
    def run(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except SecondFactorRequiredError:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        except AcknowledgementRequiredError:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('cases:acknowledge')}?{query}")

    return never_cache(login_required(run))


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` parameter when it is a path of this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return target
    return default
