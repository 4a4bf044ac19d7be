"""The exchange's and the circular's forms (samen/exchange/forms.py): what each person is offered
and what is refused, field by field. Forms never save: the actions are in test_actions.py."""

import pytest
from django.utils import translation

from samen.exchange.actions import READ_REMINDER_HOURS
from samen.exchange.forms import CircularForm, ExchangeForm, MessageForm
from samen.exchange.models import Exchange
from samen.people.roles import Role

pytestmark = pytest.mark.django_db


def test_a_partner_writes_to_a_district_the_city_from_one_a_coordinator_from_their_own(personas):
    partner = ExchangeForm(user=personas.partner).fields
    assert "to_district" in partner and "from_district" not in partner
    city = ExchangeForm(user=personas.analyst).fields
    assert "from_district" in city and "to_district" not in city
    coordinator = ExchangeForm(user=personas.coordinator).fields
    assert "from_district" not in coordinator and "to_district" not in coordinator


def test_an_empty_exchange_is_refused_field_by_field(personas):
    form = ExchangeForm({"kind": "gossip"}, user=personas.analyst)
    assert not form.is_valid()
    assert set(form.errors) == {"kind", "subject", "from_organisation", "to_organisation", "body"}


def test_the_references_are_read_one_a_line_or_comma_separated(personas):
    data = {"kind": Exchange.Kind.REQUEST, "references": "signal:12, action:7\n\n report:2 "}
    form = ExchangeForm(data, user=personas.analyst)
    form.is_valid()
    assert form.cleaned_data["references"] == ["signal:12", "action:7", "report:2"]


def test_a_message_needs_a_body():
    assert not MessageForm({"body": ""}).is_valid()
    assert MessageForm({"body": "Hier zijn de cijfers."}).is_valid()


def test_a_circular_offers_every_reminder_and_no_partner_role(personas):
    form = CircularForm(user=personas.analyst)
    hours = [value for value, _label in form.fields["read_reminder_hours"].choices]
    assert hours == list(READ_REMINDER_HOURS)
    assert form.fields["read_reminder_hours"].initial == 48
    roles = {value for value, _label in form.fields["roles"].choices}
    assert Role.PARTNER_PROFESSIONAL not in roles and Role.FRONTLINE_WORKER in roles


def test_reminders_in_whole_days_read_as_days_others_as_hours(personas):
    with translation.override("en"):
        labels = dict(CircularForm(user=personas.analyst).fields["read_reminder_hours"].choices)
    assert labels[48] == "after 2 day(s)" and labels[4] == "after 4 hours"


def test_an_empty_circular_is_refused_and_no_threat_level_means_no_change(personas):
    form = CircularForm({"threat_level": ""}, user=personas.analyst)
    assert not form.is_valid()
    assert {"kind", "sender_organisation", "title", "body", "read_reminder_hours"} <= set(
        form.errors
    )
    assert form.cleaned_data["threat_level"] is None
