"""The audit trail as its reader sees it (samen/audit/display.py): sentences in the reader's
language, people and places by name, times in local time; the records themselves unchanged."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from samen.audit.display import describe_records, purpose_label
from samen.audit.models import AuditRecord
from samen.audit.reads import LIST_READ, record_read
from samen.people.actions import staff_member_change_role, staff_member_create
from samen.people.models import Team

pytestmark = pytest.mark.django_db

# 09:30 in UTC is 10:30 in Antwerp in March.
MOMENT = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def records_of(member, action=None) -> list[AuditRecord]:
    records = AuditRecord.objects.filter(object_pk=str(member.pk), content_type__model="user")
    if action is not None:
        records = records.filter(action=action)
    return list(records.select_related("actor", "content_type").order_by("pk"))


def new_member(personas, number: int = 0, **extra):
    return staff_member_create(
        by=personas.admin,
        email=f"nieuw{number}@samen.test",
        full_name=f"Nieuwe Collega {number}",
        role="frontline_worker",
        home_district=personas.berchem,
        **extra,
    )


def test_a_change_reads_as_a_dutch_sentence_with_the_choices_in_words(personas):
    staff_member_change_role(by=personas.admin, member=personas.frontline, role="policy_analyst")
    record = records_of(personas.frontline, AuditRecord.Action.UPDATE)[-1]
    with translation.override("nl"):
        [line] = describe_records([record])
    assert line.sentence == (
        f"{personas.admin.full_name} heeft medewerker nr. {personas.frontline.pk} "
        f"„{personas.frontline.full_name}” gewijzigd."
    )
    assert "Rol gewijzigd van buurtwerker naar beleidsanalist" in line.details
    # The record keeps what auditlog stored.
    assert record.changes["role"] == ["frontline_worker", "policy_analyst"]


def test_the_same_record_reads_in_french_and_english(personas):
    staff_member_change_role(by=personas.admin, member=personas.frontline, role="policy_analyst")
    record = records_of(personas.frontline, AuditRecord.Action.UPDATE)[-1]
    with translation.override("fr"):
        [french] = describe_records([record])
    with translation.override("en"):
        [english] = describe_records([record])
    assert f"{personas.admin.full_name} a modifié" in french.sentence
    assert english.sentence.startswith(f"{personas.admin.full_name} changed staff member no. ")
    assert "Role changed from frontline worker to policy analyst" in english.details


def test_references_to_people_places_and_teams_show_their_names(personas):
    team = Team.objects.filter(district=personas.berchem).first() or Team.objects.create(
        name="Buurtteam Berchem", district=personas.berchem
    )
    member = new_member(personas, team=team)
    [created] = records_of(member, AuditRecord.Action.CREATE)
    with translation.override("en"):
        [line] = describe_records([created])
    details = " / ".join(line.details)
    assert f"Home district: {personas.berchem.name}" in line.details
    assert f"Team: {team.name}" in line.details
    assert f"no. {personas.berchem.pk}" not in details
    # An empty value is left out of a creation, the number of the record too.
    assert "None" not in details and "Phone: " not in details and "ID: " not in details


def test_times_in_the_changes_read_in_local_time(personas):
    with time_machine.travel(MOMENT, tick=False):
        member = new_member(personas)
    [created] = records_of(member, AuditRecord.Action.CREATE)
    with translation.override("nl"), timezone.override("Europe/Brussels"):
        [line] = describe_records([created])
    joined = [detail for detail in line.details if "2-3-2026" in detail]
    assert joined and all("10:30" in detail for detail in joined)
    assert not any("09:30" in detail for detail in line.details)


def test_sensitive_values_are_said_to_be_there_never_shown(personas):
    member = new_member(personas)
    [created] = records_of(member, AuditRecord.Action.CREATE)
    with translation.override("en"):
        [line] = describe_records([created])
    assert "Password: filled in (not shown)" in line.details
    assert "[redacted]" not in " ".join(line.details)


def test_a_read_says_what_was_read_and_on_which_page_in_the_readers_language(personas):
    request = RequestFactory().get(f"/people/{personas.frontline.pk}/")
    record_read(by=personas.admin, obj=personas.frontline, request=request, what=LIST_READ)
    [read] = records_of(personas.frontline, AuditRecord.Action.ACCESS)
    with translation.override("nl"):
        [line] = describe_records([read])
        assert purpose_label("an unnamed code") == "an unnamed code"
    assert line.sentence.startswith(f"{personas.admin.full_name} heeft medewerker nr. ")
    assert line.sentence.endswith("gelezen.")
    assert line.details == [
        "Gelezen: als rij van een lijst",
        f"Pagina: /people/{personas.frontline.pk}/",
    ]


def test_a_change_without_a_person_is_the_systems(personas):
    member = staff_member_create(
        by=None, email="systeem@samen.test", full_name="Door Samen", role="frontline_worker"
    )
    [created] = records_of(member, AuditRecord.Action.CREATE)
    with translation.override("nl"):
        [line] = describe_records([created])
    assert line.sentence.startswith("Samen (systeem) heeft medewerker nr. ")


def test_names_cost_one_query_per_kind_of_record_however_many_records(personas):
    def queries(count: int) -> int:
        for number in range(count):
            new_member(personas, number=100 * count + number)
        records = list(
            AuditRecord.objects.filter(action=AuditRecord.Action.CREATE, content_type__model="user")
            .select_related("actor", "content_type")
            .order_by("-pk")[:count]
        )
        with CaptureQueriesContext(connection) as captured:
            describe_records(records)
        return len(captured.captured_queries)

    assert queries(2) == queries(6) <= 2
