"""0003_aftercare_check renames the follow-up check's fields in Django's state only."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from samen.mediation.actions import aftercare_check_record, mediation_close
from samen.mediation.models import Mediation
from samen.places.antwerp import ensure_antwerp
from samen.places.models import Place
from tests.migration_checks import columns, migrate, statements

MIGRATION = "0003_aftercare_check"
BEFORE = ("mediation", "0002_last_activity_and_lapsed")


# SQLite's schema editor, which sqlmigrate uses, refuses to open inside a test's transaction.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backwards", [False, True])
def test_the_migration_runs_no_sql(backwards):
    assert statements("mediation", MIGRATION, backwards=backwards) == []


def test_the_fields_keep_their_columns():
    names = {f.name: f.column for f in Mediation._meta.concrete_fields if "aftercare" in f.name}
    assert names == {
        "aftercare_due": "follow_up_due",
        "aftercare_done_at": "follow_up_done_at",
        "aftercare_done_by": "follow_up_done_by_id",
        "aftercare_result": "follow_up_result",
        "aftercare_note": "follow_up_note",
    }


@pytest.fixture
def districts(transactional_db):
    """A test that ran with transaction=True emptied every table, the migrations' districts
    too: put them back."""
    ensure_antwerp(Place)


@pytest.mark.django_db(transaction=True)
def test_an_aftercare_check_recorded_before_survives_the_migration_both_ways(
    districts, mediation_people, assigned
):
    mediation = mediation_close(
        by=mediation_people.mediator, mediation=assigned, outcome="agreement"
    )
    Mediation.objects.filter(pk=mediation.pk).update(
        aftercare_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    aftercare_check_record(
        by=mediation_people.mediator, mediation=mediation, result="holds", note="Rustig."
    )
    table = Mediation._meta.db_table
    shape = columns(table)
    try:
        migrate(*BEFORE)
        assert columns(table) == shape
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT follow_up_result, follow_up_note FROM {table} WHERE id = %s",  # noqa: S608
                [mediation.pk],
            )
            assert cursor.fetchone() == ("holds", "Rustig.")
    finally:
        migrate()
    assert columns(table) == shape
    after = Mediation.objects.get(pk=mediation.pk)
    assert (after.aftercare_result, after.aftercare_note) == ("holds", "Rustig.")
    assert after.aftercare_done_by == mediation_people.mediator
    assert after.aftercare_state == "done"
