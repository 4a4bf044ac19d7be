from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.core.weeks import week_of
from samen.monitor.models import WeeklyCount
from samen.notifications.models import Notification
from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
from samen.people.roles import Role
from samen.places.models import Place
from samen.privacy.text_guard import PersonalDataError
from samen.signals import actions
from samen.signals.models import Category, Comment, Signal
from tests.conftest import make_person
from tests.signals.conftest import fields

pytestmark = pytest.mark.django_db


def weekly(place, category=None):
    row = WeeklyCount.objects.filter(place=place, category=category).first()
    return (row.count, row.weighted) if row else (0, 0)


def test_recording_a_signal_stores_it_audits_it_and_counts_it(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout, severity=3)
    assert signal.reporter == personas.frontline
    assert signal.status == Signal.Status.NEW
    assert signal.week == week_of(signal.occurred_at)
    record = AuditRecord.objects.get(
        content_type__model="signal", object_pk=str(signal.pk), action=AuditRecord.Action.CREATE
    )
    assert record.actor == personas.frontline
    assert record.changes["text"][1] == "[redacted]"
    assert record.additional_data == {"categories": ["youth-groups"]}
    youth = Category.objects.get(code="youth-groups")
    assert weekly(personas.borgerhout) == (1, 3)
    assert weekly(personas.borgerhout, youth) == (1, 3)
    assert weekly(personas.borgerhout.parent) == (1, 3)  # the city


def test_neighbourhood_counts_too(personas, file_signal):
    wijk = Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    file_signal(personas.frontline, personas.borgerhout, neighbourhood=wijk)
    assert weekly(wijk) == (1, 2)


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"severity": 5}, "severity"),
        ({"source_type": "gossip"}, "source_type"),
        ({"information_class": "certain"}, "information_class"),
        ({"confidence": 0}, "confidence"),
        ({"categories": []}, "categories"),
        ({"text": "x" * 1001}, "text"),
        ({"occurred_at": timezone.now() + datetime.timedelta(days=1)}, "occurred_at"),
        ({"occurred_at": timezone.now() - datetime.timedelta(days=366 * 6)}, "occurred_at"),
    ],
)
def test_bad_signals_are_refused_and_nothing_is_stored(personas, override, field):
    with pytest.raises(ValidationError) as error:
        actions.signal_record(by=personas.frontline, fields=fields(personas.borgerhout, **override))
    assert field in error.value.message_dict
    assert not Signal.objects.exists()
    assert not WeeklyCount.objects.exists()


def test_a_group_heading_is_not_a_category(personas):
    heading = Category.objects.get(code="extremism")
    with pytest.raises(ValidationError, match="group headings"):
        actions.signal_record(
            by=personas.frontline, fields=fields(personas.borgerhout, categories=[heading])
        )


def test_a_neighbourhood_outside_the_district_is_refused(personas):
    elsewhere = Place.objects.create(
        kind="neighbourhood", code="11002T01", name_nl="Elders", parent=personas.berchem
    )
    with pytest.raises(ValidationError) as error:
        actions.signal_record(
            by=personas.frontline,
            fields=fields(personas.borgerhout, neighbourhood=elsewhere),
        )
    assert "neighbourhood" in error.value.message_dict


def test_borsbeek_did_not_exist_as_a_district_in_2024(personas):
    borsbeek = Place.objects.get(code="11007A")
    with pytest.raises(ValidationError) as error:
        actions.signal_record(
            by=personas.frontline,
            fields=fields(borsbeek, occurred_at=timezone.make_aware(datetime.datetime(2024, 6, 1))),
        )
    assert "district" in error.value.message_dict


def test_personal_data_is_refused_with_its_place(personas):
    text = "Bel de bewoner op 0470 12 34 56 voor meer info."
    with pytest.raises(PersonalDataError) as error:
        actions.signal_record(by=personas.frontline, fields=fields(personas.borgerhout, text=text))
    finding = error.value.findings[0]
    assert finding.kind == "phone_number"
    assert text[finding.start : finding.end] == finding.text
    assert "0470 12 34 56" in error.value.message_dict["text"][0]
    assert not Signal.objects.exists()


def test_the_data_protection_officer_does_not_report(personas):
    with pytest.raises(PermissionDenied):
        actions.signal_record(by=personas.dpo, fields=fields(personas.borgerhout))


def test_a_partner_signal_is_shared_with_their_organisation(personas):
    from samen.people.actions import organisation_create
    from samen.people.models import OrganisationMembership

    school = organisation_create(by=None, name="School", policy_level="flemish")
    OrganisationMembership.objects.create(user=personas.partner, organisation=school)
    signal = actions.signal_record(by=personas.partner, fields=fields(personas.berchem))
    assert list(signal.shared_with.all()) == [school]


def test_the_workflow_runs_new_reviewed_followed_up_closed(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    coordinator = personas.coordinator
    with pytest.raises(ValidationError, match="Review the signal"):
        actions.signal_follow_up(by=coordinator, signal=signal, kind="mediation")
    actions.signal_review(by=coordinator, signal=signal)
    assert (signal.status, signal.reviewed_by) == ("reviewed", coordinator)
    follow_up = actions.signal_follow_up(
        by=coordinator, signal=signal, kind="mediation", reference="mediation:7"
    )
    assert signal.status == "followed_up" and follow_up.is_open
    actions.signal_close(by=coordinator, signal=signal)
    assert signal.status == "closed" and signal.closed_by == coordinator
    with pytest.raises(ValidationError):
        actions.signal_review(by=coordinator, signal=signal)
    signal.refresh_from_db()
    assert signal.status == "closed"


def test_only_the_district_coordinator_and_city_roles_triage(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    for outsider in (personas.frontline, personas.other_frontline, personas.partner):
        with pytest.raises(PermissionDenied):
            actions.signal_review(by=outsider, signal=signal)
    actions.signal_review(by=personas.analyst, signal=signal)


def test_merging_a_duplicate_stops_it_counting(personas, file_signal):
    first = file_signal(personas.frontline, personas.borgerhout, severity=2)
    second = file_signal(personas.frontline, personas.borgerhout, severity=3)
    assert weekly(personas.borgerhout) == (2, 5)
    actions.signal_merge(by=personas.coordinator, duplicate=second, into=first)
    assert weekly(personas.borgerhout) == (1, 2)
    assert second.merged_into == first and second.status == "closed"
    with pytest.raises(ValidationError):
        actions.signal_merge(by=personas.coordinator, duplicate=second, into=first)
    with pytest.raises(ValidationError):
        actions.signal_merge(by=personas.coordinator, duplicate=first, into=first)


def test_comments_refuse_personal_data(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    with pytest.raises(PersonalDataError):
        actions.signal_comment(by=personas.coordinator, signal=signal, text="mail jan@voorbeeld.be")
    with pytest.raises(ValidationError):
        actions.signal_comment(by=personas.coordinator, signal=signal, text="   ")
    assert not Comment.objects.exists()
    actions.signal_comment(by=personas.coordinator, signal=signal, text="Ik ga langs.")
    assert signal.comments.count() == 1


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
