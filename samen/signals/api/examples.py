"""Examples of what the signals API takes and answers, for its OpenAPI description."""

from drf_spectacular.utils import OpenApiExample

TOKEN = {"token": "samen_4f1c9a0d2b7e4c1f8a3b6d5e0f9c2a7b", "expiry": "2026-03-01T10:15:00+01:00"}
SIGNAL_IN = {
    "occurred_at": "2026-02-20T21:30:00+01:00",
    "district": "11002S",
    "neighbourhood": "11002S01",
    "categories": ["youth-groups"],
    "severity": 2,
    "source_type": "resident",
    "information_class": "experienced",
    "confidence": 3,
    "text": "Spanning tussen jongeren op het plein in de avond.",
}
SIGNAL = {
    "id": 4711,
    "occurred_at": "2026-02-20T21:30:00+01:00",
    "week": "2026-02-16",
    "district": "11002S",
    "neighbourhood": "11002S01",
    "categories": ["youth-groups"],
    "severity": 2,
    "source_type": "resident",
    "information_class": "experienced",
    "confidence": 3,
    "text": "Spanning tussen jongeren op het plein in de avond.",
    "text_removed": False,
    "status": "new",
    "created_at": "2026-02-21T08:02:11+01:00",
}


def answer(name: str, value, status: str = "200") -> OpenApiExample:
    return OpenApiExample(name, value=value, response_only=True, status_codes=[status])


def request(name: str, value) -> OpenApiExample:
    return OpenApiExample(name, value=value, request_only=True)


LOGIN = [
    request("E-mail and password", {"email": "analist@samen.test", "password": "••••••••"}),
    answer("A password token", TOKEN),
    answer(
        "A role with a second factor",
        {"detail": "Your role signs in with a second factor ...", "code": "two_factor_required"},
        "403",
    ),
]
SESSION_TOKEN = [
    answer(
        "A two-factor token",
        {"token": "samen2f_9b2e...", "expiry": "2026-02-21T17:00:00+01:00"},
    ),
    answer("No second factor in this session", {"detail": "Sign in again ..."}, "403"),
]
SIGNALS = [answer("A signal", SIGNAL), answer("A bad filter", {"period": ["..."]}, "400")]
FILE_SIGNAL = [
    request("A signal", SIGNAL_IN),
    answer("Filed", SIGNAL, "201"),
    answer(
        "Personal data in the text",
        {
            "detail": "The text holds personal identifiers. ...",
            "personal_data": [
                {
                    "field": "text",
                    "kind": "phone",
                    "label": "phone number",
                    "start": 12,
                    "end": 24,
                }
            ],
        },
        "422",
    ),
]
ONE_SIGNAL = [answer("A signal", SIGNAL), answer("Absent or not yours", {"detail": "..."}, "404")]
CATEGORIES = [
    answer(
        "A category",
        {
            "code": "youth-groups",
            "group": "polarisation",
            "parent": "polarisation",
            "name": "Jongerengroepen",
            "selectable": True,
        },
    )
]
