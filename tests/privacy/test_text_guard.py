"""The text guard refuses case references and personal identifiers, saying where and what."""

from __future__ import annotations

import pytest
from django.utils import translation

from samen.privacy.case_references import CaseReferenceError
from samen.privacy.text_guard import PersonalDataError, check_text


def test_text_without_identifiers_passes():
    assert (
        check_text("note", "Spanning tussen twee groepen jongeren op het plein, rond 21 u.") is None
    )
    assert check_text("note", "") is None


def test_personal_identifiers_are_refused_on_their_field_with_where_they_sit():
    text = "Bel 0470 12 34 56 of mail jan@voorbeeld.be."
    with pytest.raises(PersonalDataError) as error, translation.override("en"):
        check_text("goal", text)
    assert error.value.field == "goal"
    assert [f.kind for f in error.value.findings] == ["phone_number", "email_address"]
    assert all(text[f.start : f.end] == f.text for f in error.value.findings)
    [message] = error.value.message_dict["goal"]
    assert "“0470 12 34 56”, “jan@voorbeeld.be”" in message
    assert "(e-mail address, phone number)" in message


def test_a_case_reference_is_refused_before_anything_else():
    with pytest.raises(CaseReferenceError) as error, translation.override("en"):
        check_text("note", "Zie LIVC-2026-K7QW3M en bel 0470 12 34 56.")
    assert error.value.field == "note"
    assert "case consultation" in error.value.message_dict["note"][0]
