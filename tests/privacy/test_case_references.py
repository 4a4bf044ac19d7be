"""Case references in free text: every form a reference is written in, and ordinary text not."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from samen.privacy.case_references import (
    CASE_REFERENCE_ALPHABET,
    CASE_REFERENCE_LENGTH,
    CASE_URL_PREFIXES,
    CaseReferenceError,
    Found,
    case_reference,
    check_no_case_reference,
    find_case_references,
)


def found(text: str) -> list[str]:
    return [f.text for f in find_case_references(text)]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Zie LIVC-2026-K7QW3M voor de achtergrond.", "LIVC-2026-K7QW3M"),
        ("zie livc-2026-k7qw3m.", "livc-2026-k7qw3m"),
        ("(LIVC 2026 K7QW3M)", "LIVC 2026 K7QW3M"),
        ("dossier livc 2026 k7qw3m", "livc 2026 k7qw3m"),
        ("LIVC.2026.K7QW3M besproken", "LIVC.2026.K7QW3M"),
        ("LIVC2026K7QW3M", "LIVC2026K7QW3M"),
        ("LIVC/2026/K7QW3M", "LIVC/2026/K7QW3M"),
        ("LIVC_2026_K7QW3M", "LIVC_2026_K7QW3M"),
        ("LIVC–2026–K7QW3M", "LIVC–2026–K7QW3M"),  # en dashes from a word processor
        ("Cf. LIVC-2025-0003 (ancienne numérotation).", "LIVC-2025-0003"),
        ("livc 2024 0012", "livc 2024 0012"),
        ("https://samen.antwerpen.be/cases/12/", "https://samen.antwerpen.be/cases/12/"),
        ("zie samen.antwerpen.be/cases/12/export/", "samen.antwerpen.be/cases/12/"),
        ("link: /cases/referrals/3/", "/cases/referrals/3/"),
        ("vergadering /cases/meetings/7/ gemist", "/cases/meetings/7/"),
        ("http://127.0.0.1:8000/api/cases/4/", "http://127.0.0.1:8000/api/cases/4/"),
    ],
)
def test_a_reference_is_found_in_every_form_it_is_written(text, reference):
    assert found(text) == [reference]
    [where] = find_case_references(text)
    assert text[where.start : where.end] == reference


@pytest.mark.parametrize(
    "text",
    [
        "De LIVC-R vergadert elke maand in het stadhuis.",
        "Sinds de LIVC 2026 werden er meer overleggen gepland.",
        "In 2026 spraken we over 12 cases in de buurt.",
        "Covid-cases/12 weken was het rustig.",
        "Bus 2026 reed om 14.05 door de Turnhoutsebaan.",
        "LIVC-2026-K7QW3M7 is langer dan een referentie.",
        "De casus werd besproken in het overleg van 12/03/2026.",
        "Zie https://www.antwerpen.be/cases en www.example.org/cases/overview.",
        "",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert found(text) == []


@settings(max_examples=300)
@given(
    year=st.integers(min_value=2000, max_value=2099),
    code=st.text(
        alphabet=CASE_REFERENCE_ALPHABET,
        min_size=CASE_REFERENCE_LENGTH,
        max_size=CASE_REFERENCE_LENGTH,
    ),
    first=st.sampled_from(["-", ".", " ", "", "–", "/"]),
    second=st.sampled_from(["-", ".", "", "–", "/"]),
    lower=st.booleans(),
    before=st.sampled_from(["", "zie ", "Dossier: ", "(", "«"]),
    after=st.sampled_from(["", ".", " werd besproken", ")", ", en verder"]),
)
def test_every_reference_the_case_consultation_writes_is_found(
    year, code, first, second, lower, before, after
):
    written = case_reference(year, code).replace("-", first, 1)[::-1].replace("-", second, 1)
    written = written[::-1]
    if lower:
        written = written.lower()
    text = before + written + after
    assert found(text) == [written]


@settings(max_examples=300)
@given(
    year=st.integers(min_value=2000, max_value=2099),
    code=st.text(
        alphabet=CASE_REFERENCE_ALPHABET,
        min_size=CASE_REFERENCE_LENGTH,
        max_size=CASE_REFERENCE_LENGTH,
    ),
)
def test_a_reference_with_spaces_is_found_in_capitals_or_with_a_digit(year, code):
    text = f"livc {year} {code}"
    assert found(text.upper()) == [text.upper()]
    has_digit = any(ch.isdigit() for ch in code)
    assert found(text.lower()) == ([text.lower()] if has_digit else [])


WORDS = st.sampled_from(
    [
        "de",
        "het",
        "een",
        "jongeren",
        "plein",
        "buurt",
        "spanning",
        "overleg",
        "werden",
        "zaterdag",
        "Turnhoutsebaan",
        "2026",
        "12",
        "14u30",
        "cases",
        "overleggen",
        "LIVC-R",
        "vergadering",
        "livc-r",
        "bus",
        "tram",
        "24",
        "wijk",
    ]
)


@settings(max_examples=300)
@given(st.lists(WORDS, max_size=30))
def test_sentences_of_ordinary_words_hold_no_reference(words):
    assert found(" ".join(words)) == []


def test_the_check_names_the_field_and_quotes_what_to_remove():
    text = "Besproken onder LIVC-2026-K7QW3M, zie ook /cases/12/."
    with pytest.raises(CaseReferenceError) as error:
        check_no_case_reference("text", text)
    assert error.value.field == "text"
    assert error.value.found == [
        Found(16, 32, "LIVC-2026-K7QW3M"),
        Found(42, 52, "/cases/12/"),
    ]
    [message] = error.value.message_dict["text"]
    assert "“LIVC-2026-K7QW3M”" in message and "“/cases/12/”" in message
    assert isinstance(error.value, ValidationError)
    check_no_case_reference("text", "Spanning tussen jongeren op het plein.")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", "Informatie uit het casusoverleg mag alleen daar gebruikt worden"),
        ("fr", "Les informations de la concertation de cas ne peuvent être utilisées"),
        ("en", "Information from the case consultation may only be used inside it"),
    ],
)
def test_the_message_says_why_in_the_reader_s_language(language, words):
    with translation.override(language), pytest.raises(CaseReferenceError) as error:
        check_no_case_reference("text", "zie LIVC-2026-K7QW3M")
    assert words in error.value.message_dict["text"][0]


def test_the_addresses_are_where_the_url_configuration_puts_the_case_consultation():
    assert reverse("cases:list") == CASE_URL_PREFIXES[0]
    assert reverse("cases_api:cases") == CASE_URL_PREFIXES[1]
    assert found(f"zie {reverse('cases:detail', args=[3])}")
    assert found(f"zie {reverse('cases:referral', args=[3])}")
    assert found(f"zie {reverse('cases:meeting', args=[3])}")
    assert found(f"zie {reverse('cases_api:case', args=[3])}")


def test_the_case_consultation_writes_its_references_in_the_platform_s_form(monkeypatch):
    from samen.cases.actions import cases as actions

    monkeypatch.setattr(actions, "_reference_taken", lambda reference: False)
    for _ in range(20):
        reference = actions._new_reference(2026)
        assert found(f"zie {reference}.") == [reference]
