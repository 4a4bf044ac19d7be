"""Encrypted model fields: clear text in Python, a token in the database, empty stays empty."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from samen.cases import crypto
from samen.cases.fields import EncryptedDateField, EncryptedTextField
from samen.cases.models import CasePerson
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db


def raw(pk: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM cases_caseperson WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_text_is_written_as_a_token_that_differs_each_time():
    field = EncryptedTextField()
    first = field.get_db_prep_value("Kerkstraat 1", connection)
    second = field.get_db_prep_value("Kerkstraat 1", connection)
    assert first != second and "Kerkstraat" not in first
    assert crypto.decrypt(first) == crypto.decrypt(second) == "Kerkstraat 1"
    assert field.from_db_value(first, None, connection) == "Kerkstraat 1"


def test_empty_text_stays_empty_both_ways():
    field = EncryptedTextField()
    for empty in ("", None):
        assert field.get_db_prep_value(empty, connection) == empty
        assert field.from_db_value(empty, None, connection) == empty


def test_a_date_is_stored_as_encrypted_iso_text_and_read_back_as_a_date():
    field = EncryptedDateField()
    day = datetime.date(2004, 5, 17)
    token = field.get_db_prep_value(field.get_prep_value(day), connection)
    assert "2004" not in token
    assert field.from_db_value(token, None, connection) == day
    assert field.from_db_value("", None, connection) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("", None),
        ("2004-05-17", datetime.date(2004, 5, 17)),
        (datetime.date(2001, 1, 2), datetime.date(2001, 1, 2)),
    ],
)
def test_a_date_field_reads_text_dates_and_empties(given, expected):
    assert EncryptedDateField().to_python(given) == expected


def test_a_saved_person_round_trips_through_the_fields(personas):
    case = open_case("Ann Smets", birth_date=datetime.date(1999, 12, 31), address="")
    person = CasePerson.objects.get(pk=case.person.pk)
    assert (person.name, person.birth_date, person.address) == (
        "Ann Smets",
        datetime.date(1999, 12, 31),
        "",
    )
    assert "Smets" not in raw(person.pk, "name") and "1999" not in raw(person.pk, "birth_date")
    assert raw(person.pk, "address") == ""
    field = CasePerson._meta.get_field("birth_date")
    assert field.value_to_string(person) == "1999-12-31"


PURPOSE = "Purpose-secret: contacts with a violent group at school."


CLOSURE = "Closure-secret: moved abroad with the family."


REJECTION = "Rejection-secret: a dispute between neighbours, nothing extremist."


def _raw(table_name: str, column: str, pk: int) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name
        cursor.execute(
            f"SELECT {quoted(column)} FROM {quoted(table_name)} WHERE id = %s",  # noqa: S608
            [pk],
        )
        return cursor.fetchone()[0]


def _refer_and_reject(table, personas, reason=REJECTION):
    from samen.cases.actions.cases import referral_reject, referral_submit

    referral = referral_submit(
        by=personas.partner, name="Tom Claes", reason="Remarks.", extremism_type="islamist"
    )
    return referral_reject(by=table.mayor, referral=referral, reason=reason)


def test_purpose_closure_and_rejection_reasons_are_not_readable_in_the_database(table, personas):
    from samen.cases.actions.cases import case_close
    from samen.cases.models import Case, Referral
    from tests.cases.conftest import open_case

    case = open_case("Ann Smets", purpose=PURPOSE)
    case_close(by=table.mayor, case=case, reason=CLOSURE, aftercare_needed=True)
    referral = _refer_and_reject(table, personas)
    case_table, referral_table = Case._meta.db_table, Referral._meta.db_table
    for raw, clear in (
        (_raw(case_table, "purpose", case.pk), PURPOSE),
        (_raw(case_table, "closure_reason", case.pk), CLOSURE),
        (_raw(referral_table, "rejection_reason", referral.pk), REJECTION),
    ):
        assert raw and "secret" not in raw and clear not in raw
    case.refresh_from_db()
    referral.refresh_from_db()
    assert (case.purpose, case.closure_reason) == (PURPOSE, CLOSURE)
    assert referral.rejection_reason == REJECTION


def test_key_rotation_covers_the_new_encrypted_fields():
    from samen.cases.models import Case, Referral
    from samen.cases.rotation import encrypted_models

    fields = {model: names for model, names in encrypted_models()}
    assert {"purpose", "closure_reason"} <= set(fields[Case])
    assert "rejection_reason" in fields[Referral]


def test_anonymising_blanks_the_encrypted_purpose_and_reason(table):
    import datetime

    import time_machine
    from django.utils import timezone

    from samen.cases.actions.cases import case_close
    from samen.cases.models import Case
    from samen.cases.retention import case_retention_run

    case_close(by=table.mayor, case=table.case, reason=CLOSURE, aftercare_needed=False)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400), tick=False):
        assert case_retention_run(by=None).cases == 1
    case = Case.objects.get(pk=table.case.pk)
    assert case.purpose == "" and case.closure_reason == ""
    assert _raw(Case._meta.db_table, "purpose", case.pk) == ""


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_plaintext_and_reverses():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    from samen.cases import crypto

    before, after = [("cases", "0002_case_work")], [("cases", "0003_encrypt_case_text")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = MigrationExecutor(connection).loader.project_state(before).apps
        Case = old.get_model("cases", "Case")
        case = Case.objects.create(
            reference="LIVC-2020-0001",
            purpose=PURPOSE,
            closure_reason="",
            extremism_type="islamist",
            age_band="18-24",
            review_on=timezone.localdate(),
            opened_at=timezone.now(),
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
        raw = _raw(Case._meta.db_table, "purpose", case.pk)
        assert PURPOSE not in raw and crypto.decrypt(raw) == PURPOSE
        assert _raw(Case._meta.db_table, "closure_reason", case.pk) == ""
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        assert _raw(Case._meta.db_table, "purpose", case.pk) == PURPOSE
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
