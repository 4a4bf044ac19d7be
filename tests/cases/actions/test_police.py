"""Police information: only the fact of an exchange, never its content."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from samen.cases.actions.police import police_exchange_record
from samen.cases.forms.work import PoliceExchangeForm
from samen.cases.models import PoliceExchange
from samen.people.models import User

pytestmark = pytest.mark.django_db


def test_the_model_has_no_field_for_content():
    fields = {f.name: f for f in PoliceExchange._meta.get_fields()}
    assert set(fields) == {
        "id",
        "case",
        "exchanged_on",
        "direction",
        "counterpart",
        "exchanged_by",
        "reference",
        "recorded_at",
    }
    assert not any(isinstance(f, models.TextField) for f in fields.values())
    assert fields["reference"].max_length <= 24


def test_the_form_asks_for_no_content():
    assert set(PoliceExchangeForm(members=User.objects.none()).fields) == {
        "exchanged_on",
        "direction",
        "counterpart",
        "exchanged_by",
        "reference",
    }


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
