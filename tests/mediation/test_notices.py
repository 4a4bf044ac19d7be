"""The mediator, and only the mediator, hears that a mediation is theirs, with no detail."""

from __future__ import annotations

import pytest

from samen.mediation.actions import mediation_assign
from samen.notifications.models import Notification
from tests.mediation.conftest import NEIGHBOUR, RESIDENT, STREET

pytestmark = pytest.mark.django_db


def test_only_the_mediator_is_told_and_the_text_names_nobody(assigned, mediation_people):
    (notification,) = Notification.objects.all()
    assert notification.recipient == mediation_people.mediator
    assert notification.url == f"/mediation/{assigned.pk}/"
    assert notification.params == {}
    for detail in (RESIDENT, NEIGHBOUR, STREET, "noise", "Kroonstraat"):
        assert detail not in notification.text
    assert notification.text == "A mediation is assigned to you"


def test_assigning_yourself_tells_nobody_and_a_new_mediator_is_told(
    personas, mediation_people, open_mediation
):
    mediation = open_mediation()
    mc = mediation_people.borgerhout_mc
    mediation_assign(by=mc, mediation=mediation, mediator=mc)
    assert not Notification.objects.exists()
    mediation_assign(
        by=mediation_people.borgerhout_mc, mediation=mediation, mediator=mediation_people.mediator
    )
    assert [n.recipient for n in Notification.objects.all()] == [mediation_people.mediator]
