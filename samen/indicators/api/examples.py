"""Examples of what the indicators API answers, for its OpenAPI description (synthetic)."""

from drf_spectacular.utils import OpenApiExample

INDICATORS = [
    OpenApiExample(
        "An indicator",
        value={
            "code": "unemployment-rate",
            "name": "Werkloosheidsgraad",
            "meaning": "Werkzoekenden per 100 inwoners op beroepsactieve leeftijd.",
            "caveat": "",
            "numerator": "job-seekers",
            "denominator": "working-age",
            "factor": 100,
            "decimals": 1,
            "direction": "lower",
            "in_context": True,
        },
        response_only=True,
    )
]
VALUES = [
    OpenApiExample(
        "A value, and one under the small-number rule",
        value={
            "place": "11002S",
            "place_name": "Borgerhout",
            "kind": "district",
            "year": 2024,
            "boundaries": "then",
            "status": "ok",
            "value": 12.4,
            "synthetic": True,
        },
        response_only=True,
    ),
    OpenApiExample(
        "A bad filter",
        value={"level": ['"street" is not a valid choice.']},
        response_only=True,
        status_codes=["400"],
    ),
]
