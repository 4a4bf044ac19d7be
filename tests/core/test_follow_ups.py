"""Other modules register how a signal is followed up in them; the signal page shows it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import reverse

from samen.core import follow_ups
from samen.core.follow_ups import (
    record_follow_up,
    reference_shown,
    reference_url,
    signal_to_follow_up,
    signal_visible,
    starts_for,
)


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(follow_ups, "_starts", [])
    monkeypatch.setattr(follow_ups, "_resolvers", {})
    monkeypatch.setattr(follow_ups, "_signal_rules", [])
    return follow_ups


def test_a_registered_start_links_to_its_page_with_the_signal(registry):
    registry.add_follow_up_start("mediation", "Start a mediation", "home")

    class FakeSignal:
        pk = 7

    assert starts_for(FakeSignal(), object()) == [
        ("Start a mediation", reverse("home") + "?signal=7")
    ]


def test_a_start_with_a_rule_is_offered_only_to_those_it_allows(registry):
    registry.add_follow_up_start("mediation", "Start a mediation", "home")
    registry.add_follow_up_start(
        "initiative", "Start an initiative", "signals:list", allowed=lambda user: user == "analyst"
    )

    class FakeSignal:
        pk = 7

    assert [label for label, _url in starts_for(FakeSignal(), "analyst")] == [
        "Start a mediation",
        "Start an initiative",
    ]
    assert [label for label, _url in starts_for(FakeSignal(), "outsider")] == ["Start a mediation"]


def test_a_reference_resolves_only_through_its_module_and_for_that_person(registry):
    registry.add_reference_resolver(
        "mediation", lambda user, ident: f"/mediation/{ident}/" if user == "mediator" else None
    )
    assert reference_url("mediator", "mediation:42") == "/mediation/42/"
    assert reference_url("someone else", "mediation:42") is None
    assert reference_url("mediator", "initiative:3") is None
    assert reference_url("mediator", "mediation:") is None


def test_a_reference_its_module_refuses_shows_nothing_of_the_record(registry):
    registry.add_reference_resolver(
        "mediation", lambda user, ident: "/mediation/42/" if user == "mediator" else None
    )
    assert reference_shown("mediator", "mediation:42") == ("mediation:42", "/mediation/42/")
    assert reference_shown("partner", "mediation:42") == ("", None)
    # A reference no module claims is plain text someone typed.
    assert reference_shown("partner", "meeting at the school") == ("meeting at the school", None)


def test_without_the_signals_rules_no_signal_can_be_followed_up(registry):
    with pytest.raises(Http404):
        signal_to_follow_up("coordinator", 7)
    assert signal_visible("coordinator", 7) is False
    with pytest.raises(ImproperlyConfigured):
        record_follow_up(by="coordinator", signal="signal 7", kind="mediation", reference="x:1")


def test_the_signals_rules_decide_what_is_followed_up_shown_and_recorded(registry):
    recorded = []
    registry.set_signal_rules(
        to_follow_up=lambda user, pk: f"signal {pk} for {user}",
        visible=lambda user, pk: user == "coordinator",
        record=lambda **kwargs: recorded.append(kwargs),
    )
    assert signal_to_follow_up("coordinator", 7) == "signal 7 for coordinator"
    assert signal_visible("coordinator", 7) is True
    assert signal_visible("partner", 7) is False
    # A record that follows up no signal links to none, and asks nobody.
    assert signal_visible("coordinator", None) is False
    record_follow_up(by="coordinator", signal="signal 7", kind="mediation", reference="mediation:1")
    assert recorded == [
        {"by": "coordinator", "signal": "signal 7", "kind": "mediation", "reference": "mediation:1"}
    ]


def test_the_signals_module_registers_its_rules_at_start_up():
    assert follow_ups._signal_rules, "samen.signals.panels sets them when the app is ready"
