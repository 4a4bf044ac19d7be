"""How case pages answer the refusals that are not a 404, and where `next` may lead."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from samen.cases.access import AcknowledgementRequiredError, SecondFactorRequiredError
from samen.cases.views.guards import case_page, safe_next

pytestmark = pytest.mark.django_db

PAGE = "/cases/17/?tab=work"


def page_raising(error: type[Exception] | None):
    @case_page
    def page(request, pk):
        if error is not None:
            raise error
        return HttpResponse(f"case {pk}")

    return page


def request_by(user, path: str = PAGE):
    request = RequestFactory().get(path)
    request.user = user
    return request


def redirect_parts(response) -> tuple[str, dict]:
    target = urlsplit(response["Location"])
    return target.path, parse_qs(target.query)


def test_a_passing_view_answers_unchanged_and_is_never_cached(personas):
    response = page_raising(None)(request_by(personas.analyst), pk=17)
    assert response.status_code == 200 and response.content == b"case 17"
    assert "no-store" in response["Cache-Control"]


def test_the_anonymous_are_sent_to_sign_in_first():
    response = page_raising(None)(request_by(AnonymousUser()), pk=17)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_missing_second_factor_sends_the_person_to_pass_it_and_back(personas):
    response = page_raising(SecondFactorRequiredError)(request_by(personas.analyst), pk=17)
    path, query = redirect_parts(response)
    assert response.status_code == 302
    assert path == reverse("mfa_reauthenticate")
    assert query["next"] == [PAGE]


def test_missing_acknowledgement_sends_the_person_to_acknowledge_and_back(personas):
    response = page_raising(AcknowledgementRequiredError)(request_by(personas.analyst), pk=17)
    path, query = redirect_parts(response)
    assert path == reverse("cases:acknowledge")
    assert query["next"] == [PAGE]


def test_the_404_of_the_access_functions_passes_through(personas):
    with pytest.raises(Http404):
        page_raising(Http404)(request_by(personas.analyst), pk=17)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/cases/3/", "/cases/3/"),
        ("", "/cases/"),
        ("https://elders.example.org/", "/cases/"),
        ("//elders.example.org/cases/", "/cases/"),
    ],
)
def test_next_is_followed_only_within_this_site(target, expected):
    factory = RequestFactory()
    assert safe_next(factory.get("/", {"next": target}), "/cases/") == expected
    assert safe_next(factory.post("/", {"next": target}), "/cases/") == expected
