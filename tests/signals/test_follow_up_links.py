"""Other modules register how a signal is followed up in them; the signal page shows it."""

import pytest
from django.urls import reverse

from samen.signals import follow_up_links
from samen.signals.follow_up_links import reference_url, starts_for


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(follow_up_links, "_starts", [])
    monkeypatch.setattr(follow_up_links, "_resolvers", {})
    return follow_up_links


def test_a_registered_start_links_to_its_page_with_the_signal(registry):
    registry.add_follow_up_start("mediation", "Start a mediation", "home")

    class FakeSignal:
        pk = 7

    assert starts_for(FakeSignal()) == [("Start a mediation", reverse("home") + "?signal=7")]


def test_a_reference_resolves_only_through_its_module_and_for_that_person(registry):
    registry.add_reference_resolver(
        "mediation", lambda user, ident: f"/mediation/{ident}/" if user == "mediator" else None
    )
    assert reference_url("mediator", "mediation:42") == "/mediation/42/"
    assert reference_url("someone else", "mediation:42") is None
    assert reference_url("mediator", "initiative:3") is None
    assert reference_url("mediator", "mediation:") is None


def test_a_reference_its_module_refuses_shows_nothing_of_the_record(registry):
    from samen.signals.follow_up_links import reference_shown

    registry.add_reference_resolver(
        "mediation", lambda user, ident: "/mediation/42/" if user == "mediator" else None
    )
    assert reference_shown("mediator", "mediation:42") == ("mediation:42", "/mediation/42/")
    assert reference_shown("partner", "mediation:42") == ("", None)
    # A reference no module claims is plain text someone typed.
    assert reference_shown("partner", "meeting at the school") == ("meeting at the school", None)
