"""0004_contact_next_step renames a contact's follow-up to its next step in Django's state only."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from samen.communities.actions import ContactFields, community_create, contact_log
from samen.communities.models import Contact
from samen.places.antwerp import ensure_antwerp
from samen.places.models import Place
from tests.communities.conftest import fields
from tests.migration_checks import columns, migrate, statements

MIGRATION = "0004_contact_next_step"
BEFORE = ("communities", "0003_search_index")


# SQLite's schema editor, which sqlmigrate uses, refuses to open inside a test's transaction.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backwards", [False, True])
def test_the_migration_runs_no_sql(backwards):
    assert statements("communities", MIGRATION, backwards=backwards) == []


def test_the_fields_keep_their_columns():
    assert Contact._meta.get_field("next_step").column == "follow_up"
    assert Contact._meta.get_field("next_step_by").column == "follow_up_by"


@pytest.fixture
def districts(transactional_db):
    """A test that ran with transaction=True emptied every table, the migrations' districts
    too: put them back."""
    ensure_antwerp(Place)


@pytest.mark.django_db(transaction=True)
def test_a_contact_logged_before_keeps_its_next_step_both_ways(districts, personas):
    today = timezone.localdate()
    youth = community_create(by=personas.admin, fields=fields(personas.borgerhout))
    logged = contact_log(
        by=personas.frontline,
        fields=ContactFields(
            occurred_on=today,
            kind="meeting",
            summary="Gesprek over de zaal.",
            communities=[youth],
            next_step="Nieuwe afspraak over een maand.",
            next_step_by=today + datetime.timedelta(days=30),
        ),
    )
    table = Contact._meta.db_table
    shape = columns(table)
    try:
        migrate(*BEFORE)
        assert columns(table) == shape
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT follow_up FROM {table} WHERE id = %s", [logged.pk])  # noqa: S608
            assert cursor.fetchone() == ("Nieuwe afspraak over een maand.",)
    finally:
        migrate()
    assert columns(table) == shape
    after = Contact.objects.get(pk=logged.pk)
    assert after.next_step == "Nieuwe afspraak over een maand."
    assert after.next_step_by == today + datetime.timedelta(days=30)
