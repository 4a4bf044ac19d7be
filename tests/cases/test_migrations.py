"""0008_aftercare renames the follow-up review and "follow-up was needed" in Django's state
only: no SQL, the same tables, the rows and their audit trail kept."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases.actions.cases import case_close
from samen.cases.actions.support import aftercare_review_record, plan_close
from samen.cases.models import AftercareReview, Case
from samen.places.antwerp import ensure_antwerp
from samen.places.models import Place
from tests.cases import work_fixtures
from tests.migration_checks import columns, migrate, statements

work = work_fixtures.work

MIGRATION = "0008_aftercare"
BEFORE = ("cases", "0007_acknowledgement_per_meeting")


# SQLite's schema editor, which sqlmigrate uses, refuses to open inside a test's transaction.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backwards", [False, True])
def test_the_migration_runs_no_sql(backwards):
    assert statements("cases", MIGRATION, backwards=backwards) == []


def test_the_table_and_the_column_keep_their_names():
    assert AftercareReview._meta.db_table == "cases_followupreview"
    assert Case._meta.get_field("aftercare_needed").column == "follow_up_needed"


@pytest.fixture
def districts(transactional_db):
    """A test that ran with transaction=True emptied every table, the migrations' districts
    too: put them back."""
    ensure_antwerp(Place)


@pytest.mark.django_db(transaction=True)
def test_reviews_and_closed_cases_survive_the_migration_both_ways(districts, table, work):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    review = work.plan.aftercare_reviews.first()
    aftercare_review_record(
        by=table.prevention, review=review, done_on=timezone.localdate(), note="OK"
    )
    case_close(by=table.mayor, case=table.case, reason="Support ended.", aftercare_needed=False)
    kind = ContentType.objects.get_for_model(AftercareReview)
    trail = AuditRecord.objects.filter(content_type=kind, object_pk=str(review.pk)).count()
    assert trail >= 2  # scheduled, then recorded
    shapes = {table: columns(table) for table in ("cases_followupreview", "cases_case")}
    try:
        migrate(*BEFORE)
        assert {table: columns(table) for table in shapes} == shapes
        with connection.cursor() as cursor:
            cursor.execute("SELECT done_on FROM cases_followupreview WHERE id = %s", [review.pk])
            assert cursor.fetchone()[0] is not None
            cursor.execute("SELECT follow_up_needed FROM cases_case WHERE id = %s", [table.case.pk])
            assert not cursor.fetchone()[0]
        assert ContentType.objects.get(pk=kind.pk).model == "followupreview"
    finally:
        migrate()
        ContentType.objects.clear_cache()
    assert {table: columns(table) for table in shapes} == shapes
    after = AftercareReview.objects.get(pk=review.pk)
    assert (after.done_on, after.note, after.done_by) == (review.done_on, "OK", table.prevention)
    assert AftercareReview.objects.filter(plan=work.plan).count() == 2
    assert not Case.objects.get(pk=table.case.pk).aftercare_needed
    assert ContentType.objects.get_for_model(AftercareReview) == kind
    assert AuditRecord.objects.filter(content_type=kind, object_pk=str(review.pk)).count() == trail
