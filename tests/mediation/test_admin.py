"""Administrators designate mediation coordinators in the administration, through actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.mediation.models import MediationCoordinator

pytestmark = pytest.mark.django_db


def test_an_administrator_designates_a_coordinator_for_a_district(client, personas):
    client.force_login(personas.admin)
    response = client.post(
        reverse("admin:mediation_mediationcoordinator_add"),
        {"user": personas.frontline.pk, "district": personas.borgerhout.pk, "since": "2026-01-05"},
    )
    assert response.status_code == 302
    duty = MediationCoordinator.objects.get()
    assert (duty.user, duty.district) == (personas.frontline, personas.borgerhout)
    record = AuditRecord.objects.get(content_type__model="mediationcoordinator")
    assert record.actor == personas.admin


def test_an_administrator_cannot_be_chosen(client, personas):
    client.force_login(personas.admin)
    response = client.post(
        reverse("admin:mediation_mediationcoordinator_add"),
        {"user": personas.admin.pk, "district": "", "since": "2026-01-05"},
    )
    assert response.status_code == 200  # the form again, with the problem
    assert not MediationCoordinator.objects.exists()


def test_mediations_themselves_are_not_in_the_administration(client, personas):
    client.force_login(personas.admin)
    index = client.get(reverse("admin:index")).text
    assert "mediationcoordinator" in index
    assert "/admin/mediation/mediation/" not in index and "/admin/mediation/party/" not in index


def test_others_cannot_open_the_administration(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("admin:mediation_mediationcoordinator_changelist")
    # The admin sends them to its login, which refuses a signed-in non-administrator.
    assert client.get(url, follow=True).status_code == 403
