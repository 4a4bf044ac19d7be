"""An organisation's members who may see a shared signal hear of it; nobody else does, and
the notification carries its place and the organisation, never its text."""

from __future__ import annotations

import pytest

from samen.notifications.models import Notification
from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
from samen.people.roles import Role
from samen.signals import actions
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def test_sharing_tells_the_organisations_members_who_may_see_it(personas, file_signal):
    school = organisation_create(by=None, name="Atheneum", policy_level="flemish")
    other = organisation_create(by=None, name="Jeugdhuis", policy_level="municipal")
    colleague = make_person(Role.PARTNER_PROFESSIONAL, "teacher@samen.test")
    outsider = make_person(Role.PARTNER_PROFESSIONAL, "youth@samen.test")
    for member, organisation in (
        (personas.partner, school),
        (colleague, school),
        (outsider, other),
        (personas.dpo, school),  # a member who sees no signals at all
    ):
        OrganisationMembership.objects.create(user=member, organisation=organisation)
    signal = file_signal(personas.frontline, personas.borgerhout)
    actions.signal_review(by=personas.coordinator, signal=signal)
    actions.signal_share(by=personas.coordinator, signal=signal, organisation=school)
    actions.signal_share(by=personas.coordinator, signal=signal, organisation=school)
    told = Notification.objects.filter(kind="signals.shared")
    assert {n.recipient for n in told} == {personas.partner, colleague}
    assert told.count() == 2
    notification = told.first()
    assert notification.url == f"/signals/{signal.pk}/"
    assert notification.text == "A signal in Borgerhout was shared with Atheneum"
    assert signal.text not in notification.text and signal.text not in str(notification.params)
