"""The partner pages' forms (samen/api/forms.py): what they offer and what they refuse."""

import datetime

import pytest
from django.utils import timezone

from samen.api.events import add_event_kind
from samen.api.forms import PartnerTokenForm, WebhookSubscriptionForm
from samen.api.scopes import scopes
from samen.people.models import OrganisationMembership

pytestmark = pytest.mark.django_db

KIND = add_event_kind("test.form_offered", "offered on the form (tests)")


def test_the_token_form_offers_every_scope_and_no_own_organisation(personas, partner_organisation):
    OrganisationMembership.objects.create(user=personas.admin, organisation=partner_organisation)
    form = PartnerTokenForm(user=personas.admin)
    offered = {code for code, _label in form.fields["scopes"].choices}
    assert offered == {scope.code for scope in scopes()}
    assert partner_organisation not in form.fields["organisation"].queryset


def test_the_token_form_refuses_an_unknown_scope_and_a_missing_end_date(
    personas, partner_organisation
):
    form = PartnerTokenForm(
        {"organisation": partner_organisation.pk, "name": "Rapportering", "scopes": ["nope"]},
        user=personas.admin,
    )
    assert not form.is_valid()
    assert set(form.errors) == {"scopes", "ends_on"}


def test_the_token_form_accepts_a_whole_token(personas, partner_organisation):
    code = scopes()[0].code
    ends_on = timezone.localdate() + datetime.timedelta(days=30)
    data = {"organisation": partner_organisation.pk, "name": "Rapportering", "scopes": [code]}
    form = PartnerTokenForm({**data, "ends_on": ends_on}, user=personas.admin)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["organisation"] == partner_organisation


def test_the_webhook_form_offers_the_event_kinds_and_refuses_others(personas, partner_organisation):
    form = WebhookSubscriptionForm(user=personas.admin)
    assert KIND in {code for code, _label in form.fields["kind"].choices}
    data = {"organisation": partner_organisation.pk, "url": "https://partner.example/hooks"}
    refused = WebhookSubscriptionForm({**data, "kind": "nope"}, user=personas.admin)
    assert not refused.is_valid() and set(refused.errors) == {"kind"}
    assert WebhookSubscriptionForm({**data, "kind": KIND}, user=personas.admin).is_valid()
