"""Storage limits: the nightly run anonymises expired cases and logs it without personal data;
key rotation re-encrypts everything with the newest key."""

import datetime
import io

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases import crypto
from samen.cases.actions.cases import case_close, referral_reject, referral_submit
from samen.cases.models import Case, CasePerson, Invitation, Referral
from samen.cases.retention import case_retention_run
from samen.cases.tasks import case_retention_daily

pytestmark = pytest.mark.django_db


def later(days: int):
    moment = timezone.now() + datetime.timedelta(days=days)
    return time_machine.travel(moment, tick=False)


def test_a_case_is_kept_until_its_retention_ends(table):
    case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=False)
    table.case.refresh_from_db()
    with later(364):
        assert case_retention_run(by=None).cases == 0
    assert CasePerson.objects.filter(case=table.case).exists()
    with later(367):
        run = case_retention_run(by=None)
    assert run.cases == 1
    table.case.refresh_from_db()
    assert table.case.anonymised_at is not None and table.case.purpose == ""
    assert not CasePerson.objects.filter(case=table.case).exists()
    assert not Invitation.objects.filter(case=table.case).exists()
    # The counts keep what they need, and the other case is untouched.
    assert table.case.extremism_type == "right_wing" and table.case.opened_at
    assert CasePerson.objects.filter(case=table.other_case).exists()


def test_the_run_is_logged_without_personal_data(table):
    case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=True)
    with later(5 * 366 + 1):
        case_retention_daily.enqueue()
    record = AuditRecord.objects.filter(object_repr__startswith="Retention").get()
    assert record.additional_data["retention"]["cases"] == 1
    text = f"{record.object_repr} {record.changes} {record.additional_data}"
    assert "Peeters" not in text and "Kerkstraat" not in text


def test_open_cases_are_never_removed(table):
    with later(10 * 366):
        assert case_retention_run(by=None).cases == 0
    assert Case.objects.live().count() == 2


def test_old_rejected_referrals_are_deleted(table):
    referral = referral_submit(
        by=table.invited, name="Sara Claes", reason="Zorgen.", extremism_type="other"
    )
    referral_reject(by=table.mayor, referral=referral, reason="Geen extremisme.")
    with later(200):  # still waiting for a decision, but sent well within the period
        pending = referral_submit(
            by=table.invited, name="Tom Wouters", reason="Zorgen.", extremism_type="other"
        )
    with later(367):
        run = case_retention_run(by=None)
    assert (run.referrals, run.pending_referrals) == (1, 0)
    assert list(Referral.objects.all()) == [pending]


def test_the_command_counts_and_runs(table):
    case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=False)
    out = io.StringIO()
    with later(400):
        call_command("apply_case_retention", "--dry-run", stdout=out)
        assert Case.objects.live().count() == 2
        call_command("apply_case_retention", stdout=out)
    assert "1" in out.getvalue()
    assert Case.objects.live().count() == 1


def test_rotate_case_keys_reencrypts_with_the_newest_key(table, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    person = table.case.person
    development = crypto._development_key("encryption").decode()
    # Move the data from the test key to `old` first, as a running system would hold it.
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{old},{development}")
    call_command("rotate_case_keys", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_caseperson WHERE id = %s", [person.pk])
        under_old = cursor.fetchone()[0]
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{old}")
    out = io.StringIO()
    call_command("rotate_case_keys", stdout=out)
    assert "Re-encrypted" in out.getvalue()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)  # the old key removed
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_caseperson WHERE id = %s", [person.pk])
        under_new = cursor.fetchone()[0]
    assert under_new != under_old and "Peeters" not in under_new
    assert CasePerson.objects.get(pk=person.pk).name == "Jan Peeters"
    assert CasePerson.objects.get(pk=person.pk).birth_date == datetime.date(2004, 5, 17)
    assert Case.objects.get(pk=table.case.pk).corrections.count() == 0
    found = CasePerson.objects.filter(name_index=crypto.name_index("Jan Peeters"))
    assert list(found) == [person]
