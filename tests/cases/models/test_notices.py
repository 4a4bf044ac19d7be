"""A notice of the table names the grant, what happened and its holder, never a case."""

import datetime

import pytest
from django.utils import timezone

from samen.cases.actions.table import invitation_propose
from samen.cases.models import Case, TableNotice


def test_a_notice_is_named_by_grant_event_and_holder():
    notice = TableNotice(grant="invitation", event="proposed", holder_id=12)
    assert str(notice) == "invitation proposed: 12"


def test_a_notice_has_no_field_that_points_to_a_case():
    related = {field.related_model for field in TableNotice._meta.get_fields() if field.is_relation}
    assert Case not in related


@pytest.mark.django_db
def test_a_proposed_invitation_tells_the_mayor_without_naming_the_case(table, personas):
    invitation_propose(
        by=table.prevention,
        case=table.case,
        user=personas.frontline,
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    notice = TableNotice.objects.get(recipient=table.mayor, holder=personas.frontline)
    assert (notice.grant, notice.event) == ("invitation", "proposed")
    assert notice.actor == table.prevention and notice.seen_at is None
    assert table.case.reference not in str(notice)
