"""Recording a police information exchange: only the fact, never its content (the model
and the form that hold no content are tested in models/test_police.py and forms/test_work.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samen.cases.actions.police import police_exchange_record
from samen.cases.models import PoliceExchange

pytestmark = pytest.mark.django_db


def test_whoever_gave_or_received_it_is_a_member_of_the_case(table):
    with pytest.raises(ValidationError) as refused:
        police_exchange_record(
            by=table.prevention,
            case=table.case,
            exchanged_on=timezone.localdate(),
            direction="given",
            counterpart="police",
            exchanged_by=table.other_member,
        )
    assert "exchanged_by" in refused.value.message_dict
    exchange = police_exchange_record(
        by=table.prevention,
        case=table.case,
        exchanged_on=timezone.localdate(),
        direction="given",
        counterpart="police",
        exchanged_by=table.police,
    )
    assert exchange.exchanged_by == table.police


@pytest.mark.parametrize(
    "reference", ["PV AN.12.L1.012345/26", "he was seen at the mosque", "no-digits-here", "x" * 30]
)
def test_a_reference_that_looks_like_content_is_refused(table, reference):
    with pytest.raises(ValidationError) as refused:
        police_exchange_record(
            by=table.police,
            case=table.case,
            exchanged_on=timezone.localdate(),
            direction="given",
            counterpart="police",
            reference=reference,
        )
    assert "reference" in refused.value.message_dict
    assert not PoliceExchange.objects.exists()


@pytest.mark.parametrize("reference", ["", "AN.12.L1.012345/26", "LTF-2026-017"])
def test_a_short_file_number_is_kept(table, reference):
    exchange = police_exchange_record(
        by=table.police,
        case=table.case,
        exchanged_on=timezone.localdate(),
        direction="received",
        counterpart="ltf",
        reference=reference,
    )
    assert exchange.reference == reference and exchange.exchanged_by == table.police


def test_the_reference_is_redacted_in_the_trail(table):
    from samen.audit.models import AuditRecord

    exchange = police_exchange_record(
        by=table.police,
        case=table.case,
        exchanged_on=timezone.localdate(),
        direction="received",
        counterpart="police",
        reference="LTF-2026-017",
    )
    record = AuditRecord.objects.get_for_object(exchange).get(action=AuditRecord.Action.CREATE)
    assert "reference" in record.changes and "LTF-2026-017" not in str(record.changes)
