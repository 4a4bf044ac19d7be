"""Which answers a browser, proxy or shared computer may keep: none that could show anything.

Default deny: `NoStoreMiddleware` sends every response of Samen's views with
``Cache-Control: no-store`` (and ``private``, ``no-cache``, ``max-age=0``), including 404s,
redirects and error pages, so a page added tomorrow cannot forget it. A view shows nothing
confidential only when it says so with `public_page`, and even then only its answers to an
anonymous visitor that set no cookie may be kept. Static files never reach this: WhiteNoise
answers them before.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

SAFE_METHODS = frozenset({"GET", "HEAD"})


def public_page(view: Callable) -> Callable:
    """Mark a view whose answers to anonymous visitors show nothing confidential."""
    view.public_page = True
    return view


def may_be_stored(request: HttpRequest, view: Callable | None, response: HttpResponse) -> bool:
    """Whether this response may be kept by a browser or a proxy.

    Security-critical: the one rule for every response of Samen. Only a `public_page` view,
    read (GET or HEAD) by someone not signed in, answering without setting a cookie (a session
    or CSRF cookie makes the answer that visitor's own). Everything else, whoever asks and
    whatever the status, is no-store.
    """
    user = getattr(request, "user", None)
    return (
        view is not None
        and getattr(view, "public_page", False)
        and request.method in SAFE_METHODS
        and not (user is not None and user.is_authenticated)
        and not response.cookies
    )


class NoStoreMiddleware:
    """Apply `may_be_stored` to every response that passes through Django."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not may_be_stored(request, getattr(request, "samen_view", None), response):
            add_never_cache_headers(response)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        request.samen_view = view_func
