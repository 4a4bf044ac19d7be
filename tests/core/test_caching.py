"""No-store everywhere: every URL of the URL configuration, for those who see the most."""

from __future__ import annotations

import re

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from samen.core.caching import NoStoreMiddleware, may_be_stored, public_page
from tests.cases.conftest import build_table, sign_in

pytestmark = pytest.mark.django_db

# Views whose answers to an anonymous visitor may be kept (samen.core.caching.public_page):
# none today. Marking one public is a decision for review, so it is listed here too.
PUBLIC_PAGES: set[str] = set()
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\)")
_CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")


def _sample_group(match: re.Match) -> str:
    """A value for a regex group: its first alternative when it lists words, else "1"."""
    words = match["body"].split("|")
    return words[0] if all(re.fullmatch(r"\w+", w) for w in words) else "1"


def _part(pattern) -> str:
    text = str(pattern)
    if text.startswith("^") or text.endswith("$"):
        text = _GROUP.sub(_sample_group, text).lstrip("^").rstrip("$").replace("\\", "")
    return _CONVERTER.sub("1", text)


def every_url() -> list[tuple[str, URLPattern]]:
    """(URL, pattern) for every pattern, with 1 (or a plausible word) for each parameter."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + _part(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append(("/" + prefix + _part(pattern.pattern), pattern))

    walk(get_resolver().url_patterns, "")
    return found


def test_every_pattern_gets_a_url_that_reaches_it():
    urls = every_url()
    assert len(urls) > 200
    for url, pattern in urls:
        assert resolve(url).func == pattern.callback, (url, str(pattern.pattern))
    marked = {p.callback.__name__ for _url, p in urls if getattr(p.callback, "public_page", 0)}
    assert marked == PUBLIC_PAGES


@pytest.fixture
def readers(personas):
    """Those who see the most: the mayor (case list), an administrator (admin, staff), the
    data-protection officer (audit trail), a coordinator (signals, mediation, exports)."""
    table = build_table(personas)
    return {
        "mayor": table.mayor,
        "admin": personas.admin,
        "dpo": personas.dpo,
        "coordinator": personas.coordinator,
        "anonymous": None,
    }


def _is_no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("who", ["mayor", "admin", "dpo", "coordinator", "anonymous"])
def test_every_response_of_every_url_is_no_store(readers, who):
    client = Client(raise_request_exception=False)
    person = readers[who]
    kept = []
    for url, _pattern in every_url():
        sign_in(client, person)  # again each time: a GET of the sign-out page may sign out
        response = client.get(url)
        view = resolve(url).func
        if person is None and view.__name__ in PUBLIC_PAGES:
            continue
        if not _is_no_store(response):
            kept.append((url, response.status_code, response.get("Cache-Control")))
    assert kept == []


@pytest.mark.parametrize(
    "url",
    ["/nothing-here/", "/cases/999999/", "/api/cases/999999/", "/mediation/999999/"],
)
def test_a_404_is_no_store_too(client, personas, url):
    client.force_login(personas.coordinator)
    response = client.get(url)
    assert response.status_code in (404, 403)
    assert _is_no_store(response)


def test_confidential_pages_that_answer_are_no_store(client, personas):
    table = build_table(personas)
    sign_in(client, table.mayor)
    for url in [reverse("cases:list"), reverse("cases:detail", args=[table.case.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _is_no_store(response), url
    sign_in(client, personas.dpo)
    for url in [reverse("audit:trail"), reverse("people:staff_member", args=[personas.dpo.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _is_no_store(response), url
    client.force_login(personas.coordinator)
    for url in [reverse("signal_exchange:export_signals_csv"), reverse("mediation:export_csv")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _is_no_store(response), url


# --- The rule itself -------------------------------------------------------------------------


def _answer(request, view, response=None):
    request.user = getattr(request, "user", None) or _anonymous()
    middleware = NoStoreMiddleware(lambda r: response or HttpResponse("ok"))
    middleware.process_view(request, view, (), {})
    return middleware(request)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_only_a_public_page_read_anonymously_without_cookies_may_be_kept(personas):
    factory = RequestFactory()

    @public_page
    def about(request):
        return HttpResponse("over Samen")

    def private(request):
        return HttpResponse("private")

    assert not _is_no_store(_answer(factory.get("/about/"), about))
    assert _is_no_store(_answer(factory.get("/private/"), private))
    assert _is_no_store(_answer(factory.post("/about/"), about))
    signed_in = factory.get("/about/")
    signed_in.user = personas.frontline
    assert _is_no_store(_answer(signed_in, about))
    with_cookie = HttpResponse("over Samen")
    with_cookie.set_cookie("sessionid", "x")
    assert _is_no_store(_answer(factory.get("/about/"), about, with_cookie))
    # No view at all (a 404 from the resolver, or a middleware that answered first).
    assert not may_be_stored(factory.get("/"), None, HttpResponse())
