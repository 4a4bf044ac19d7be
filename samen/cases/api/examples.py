"""Examples of what the case API takes and answers, for its OpenAPI description (synthetic)."""

from drf_spectacular.utils import OpenApiExample

CASE = {
    "id": 12,
    "reference": "LIVC-2026-0012",
    "status": "open",
    "extremism_type": "right_wing",
    "age_band": "18_25",
    "review_on": "2026-04-01",
    "opened_at": "2026-01-15T10:00:00+01:00",
    "closed_at": None,
}
REFUSED = OpenApiExample(
    "A token without a second factor",
    value={"detail": "Use a token created after signing in ...", "code": "two_factor_required"},
    response_only=True,
    status_codes=["403"],
)
CASES = [OpenApiExample("A case", value=CASE, response_only=True), REFUSED]
ONE_CASE = [
    OpenApiExample(
        "A case",
        value={
            **CASE,
            "purpose": "Ondersteuning bij schoolverlaten en weg uit een online groep.",
            "closure_reason": "",
            "person": {"name": "Jan Peeters", "birth_date": "2005-06-01", "address": ""},
            "invitations": [
                {"professional": "An Janssens", "ends_on": "2026-06-30", "revoked_at": None}
            ],
        },
        response_only=True,
    ),
    REFUSED,
]
REFERRAL = [
    OpenApiExample(
        "A referral",
        value={
            "name": "Jan Peeters",
            "birth_date": "2005-06-01",
            "address": "",
            "extremism_type": "right_wing",
            "reason": "Deelt openlijk oproepen tot geweld in een online groep.",
        },
        request_only=True,
    ),
    OpenApiExample(
        "Received",
        value={"detail": "Thank you. The referral goes to the mayor, who decides on it."},
        response_only=True,
        status_codes=["202"],
    ),
]
