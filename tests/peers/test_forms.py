"""The other cities' forms: an http address refused outside debug in the reader's language,
the token required when recording, and a period that makes sense."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.utils import translation

from samen.peers.forms import ComparisonForm, PeerForm, twelve_months
from tests.peers.conftest import TOKEN

GOOD = {"name": "Gent", "base_url": "https://samen.gent.example/", "token": TOKEN}


def test_a_good_form_cleans_the_address():
    form = PeerForm(GOOD)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["base_url"] == "https://samen.gent.example"


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "Give the other city's full address, starting with https://."),
        ("nl", "Geef het volledige adres van de andere stad, beginnend met https://."),
        ("fr", "Indiquez l’adresse complète de l’autre ville, commençant par https://."),
    ],
)
def test_plain_http_is_refused_in_the_readers_language(language, message):
    with translation.override(language):
        form = PeerForm({**GOOD, "base_url": "http://samen.gent.example"})
        assert not form.is_valid()
        assert form.errors["base_url"] == [message]


@override_settings(DEBUG=True)
def test_plain_http_passes_in_debug_mode():
    assert PeerForm({**GOOD, "base_url": "http://127.0.0.1:8001"}).is_valid()


def test_the_token_is_required_when_recording_and_not_when_changing():
    assert "token" in PeerForm({**GOOD, "token": ""}).errors
    assert PeerForm({**GOOD, "token": ""}, changing=True).is_valid()
    assert "token" in PeerForm({**GOOD, "token": "not a token"}, changing=True).errors


def test_the_token_is_never_shown_again_in_the_form():
    form = PeerForm({**GOOD, "base_url": "http://x"})
    assert not form.is_valid()
    assert TOKEN not in str(form["token"])


def test_the_period_proposed_is_the_twelve_months_before_this_one():
    chosen = twelve_months(datetime.date(2026, 3, 15))
    assert chosen == {
        "since": datetime.date(2025, 3, 1),
        "until": datetime.date(2026, 2, 28),
        "granularity": "month",
        "level": "group",
    }


@pytest.mark.parametrize(
    "since, until",
    [("2026-03-01", "2026-02-01"), ("2015-01-01", "2026-01-01"), ("1999-01-01", "1999-02-01")],
)
def test_a_period_that_makes_no_sense_is_refused(since, until):
    form = ComparisonForm(
        {"since": since, "until": until, "granularity": "month", "level": "group"}
    )
    assert not form.is_valid()
    assert form.non_field_errors()
