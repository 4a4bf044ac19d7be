"""A signal can be followed up by a mediation: the start link, the intake, the reference."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.core.follow_ups import reference_url, starts_for
from samen.mediation.models import Mediation
from samen.places.models import Place
from samen.signals.actions import signal_close, signal_review
from samen.signals.models import FollowUp
from tests.mediation.test_views import intake
from tests.signals.conftest import fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def signal(personas):
    from samen.signals.actions import signal_record

    wijk = Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    filed = signal_record(by=personas.frontline, fields=fields(personas.borgerhout))
    filed.neighbourhood = wijk
    filed.save(update_fields=["neighbourhood"])
    signal_review(by=personas.coordinator, signal=filed)
    return filed


def test_the_signal_page_offers_to_start_a_mediation(client, personas, signal):
    start = reverse("mediation:new") + f"?signal={signal.pk}"
    assert ("Start a mediation", start) in starts_for(signal, personas.coordinator)
    client.force_login(personas.coordinator)
    assert start in client.get(reverse("signals:detail", args=[signal.pk])).text


def test_the_intake_is_prefilled_with_the_signal_s_place(client, personas, signal):
    client.force_login(personas.coordinator)
    response = client.get(reverse("mediation:new"), {"signal": signal.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["district"] == personas.borgerhout.pk
    assert form.initial["neighbourhood"] == signal.neighbourhood_id


def test_the_intake_records_the_follow_up_on_the_signal(client, personas, signal):
    client.force_login(personas.coordinator)
    url = reverse("mediation:new") + f"?signal={signal.pk}"
    response = client.post(url, intake(personas, neighbourhood=signal.neighbourhood_id))
    assert response.status_code == 302
    mediation = Mediation.objects.get()
    follow_up = FollowUp.objects.get(signal=signal)
    assert follow_up.kind == FollowUp.Kind.MEDIATION
    assert follow_up.reference == f"mediation:{mediation.pk}"
    assert follow_up.created_by == personas.coordinator
    assert mediation.signal == signal
    signal.refresh_from_db()
    assert signal.status == "followed_up"


def test_a_refused_follow_up_undoes_the_intake(client, personas, signal):
    signal_close(by=personas.coordinator, signal=signal)
    client.force_login(personas.coordinator)
    url = reverse("mediation:new") + f"?signal={signal.pk}"
    response = client.post(url, intake(personas), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "A closed signal cannot be followed up." in response.text
    assert not Mediation.objects.exists() and not FollowUp.objects.exists()


def test_a_mediation_from_a_signal_lies_in_the_signal_s_district(client, personas, signal):
    from samen.mediation.actions import coordinator_designate

    coordinator_designate(by=personas.admin, user=personas.coordinator)  # may open anywhere
    client.force_login(personas.coordinator)
    url = reverse("mediation:new") + f"?signal={signal.pk}"
    response = client.post(url, intake(personas, district=personas.berchem.pk))
    assert response.status_code == 400
    assert not Mediation.objects.exists() and not FollowUp.objects.exists()


def test_who_may_not_triage_the_signal_cannot_follow_it_up(client, personas, signal):
    client.force_login(personas.frontline)  # sees the signal, does not triage it
    assert client.get(reverse("mediation:new"), {"signal": signal.pk}).status_code == 403
    client.force_login(personas.other_frontline)  # does not see it at all
    assert client.get(reverse("mediation:new"), {"signal": signal.pk}).status_code == 404
    response = client.post(reverse("mediation:new") + f"?signal={signal.pk}", intake(personas))
    assert response.status_code == 404
    assert not Mediation.objects.exists()


def test_the_reference_links_only_for_those_who_may_open_the_mediation(client, personas, signal):
    client.force_login(personas.coordinator)
    client.post(reverse("mediation:new") + f"?signal={signal.pk}", intake(personas))
    mediation = Mediation.objects.get()
    reference = f"mediation:{mediation.pk}"
    page = reverse("mediation:detail", args=[mediation.pk])
    assert reference_url(personas.coordinator, reference) == page
    assert reference_url(personas.analyst, reference) == page
    assert reference_url(personas.other_frontline, reference) is None
    assert reference_url(personas.partner, reference) is None
    assert reference_url(personas.coordinator, "mediation:abc") is None
    assert reference_url(personas.coordinator, "mediation:999999") is None
    signal_page = client.get(reverse("signals:detail", args=[signal.pk])).text
    assert f'href="{page}"' in signal_page


def test_the_mediation_links_back_to_a_signal_its_reader_may_see(client, personas, signal):
    client.force_login(personas.coordinator)
    client.post(reverse("mediation:new") + f"?signal={signal.pk}", intake(personas))
    mediation = Mediation.objects.get()
    response = client.get(reverse("mediation:detail", args=[mediation.pk]))
    assert response.context["signal_visible"]
    assert reverse("signals:detail", args=[signal.pk]) in response.text
