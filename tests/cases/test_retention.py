"""Storage limits: the nightly run anonymises expired cases and logs it without personal data;
key rotation re-encrypts everything with the newest key."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases import retention
from samen.cases.actions.assessments import assessment_sign
from samen.cases.actions.cases import case_close, referral_reject, referral_submit
from samen.cases.models import (
    AftercareReview,
    AgendaItem,
    Assessment,
    Case,
    CasePerson,
    Decision,
    Invitation,
    Meeting,
    PlanAction,
    PoliceExchange,
    Referral,
    SupportPlan,
)
from samen.cases.retention import anonymise_case_work, case_retention_run
from samen.cases.tasks import case_retention_daily
from tests.cases import work_fixtures

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


def _later(days: int):
    import datetime

    import time_machine
    from django.utils import timezone

    return time_machine.travel(timezone.now() + datetime.timedelta(days=days), tick=False)


def _refer(by, name: str):
    from samen.cases.actions.cases import referral_submit

    return referral_submit(by=by, name=name, reason="Zorgen.", extremism_type="other")


def test_pending_referrals_about_an_anonymised_case_go_with_it(table, personas, settings):
    from samen.audit.models import AuditRecord
    from samen.cases.actions.cases import case_close
    from samen.cases.models import Referral
    from samen.cases.retention import case_retention_run, expired

    settings.SAMEN_CASE_REFERRAL_RETENTION_DAYS = 1000  # only the match with the case counts
    # table.case is about Jan Peeters; a referral about him waits, another about someone else.
    about_him = _refer(personas.partner, "peeters JAN")
    someone_else = _refer(personas.partner, "Ruben Maes")
    with _later(10):
        case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=False)
    with _later(200):  # sent after the case closed: a new question, decided on its own
        after_closing = _refer(personas.partner, "Jan Peeters")
    with _later(300):
        assert expired().pending_referrals == 0
    with _later(380):
        found = expired()
        assert found.cases == 1 and found.pending_referrals == 1
        run = case_retention_run(by=None)
    assert run.cases == 1 and run.pending_referrals == 1 and run.referrals == 1
    remaining = set(Referral.objects.values_list("pk", flat=True))
    assert about_him.pk not in remaining
    assert {someone_else.pk, after_closing.pk} <= remaining
    record = AuditRecord.objects.filter(object_repr__startswith="Retention").get()
    retention = record.additional_data["retention"]
    assert retention["pending_referrals"] == 1 and retention["referrals"] == 1
    text = f"{record.object_repr} {record.changes} {record.additional_data}"
    assert "Peeters" not in text and "Maes" not in text


def test_pending_referrals_older_than_the_period_are_deleted(table, personas, settings):
    from samen.cases.models import Referral
    from samen.cases.retention import case_retention_run

    settings.SAMEN_CASE_REFERRAL_RETENTION_DAYS = 30
    old = _refer(personas.partner, "Lotte Wouters")
    with _later(20):
        recent = _refer(personas.partner, "Bram Jacobs")
    with _later(29):
        assert case_retention_run(by=None).pending_referrals == 0
    with _later(32):
        run = case_retention_run(by=None)
    assert (run.pending_referrals, run.referrals, run.cases) == (1, 1, 0)
    assert list(Referral.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


work = work_fixtures.work


def test_anonymising_removes_the_case_work_of_those_cases_only(table, work):
    assessment_sign(
        by=table.other_member,
        case=table.other_case,
        assessed_on=timezone.localdate(),
        narratives=work_fixtures.NARRATIVES,
    )
    anonymise_case_work([table.case.pk])
    assert not Assessment.objects.filter(case=table.case).exists()
    assert Assessment.objects.filter(case=table.other_case).exists()
    assert not SupportPlan.objects.exists() and not PlanAction.objects.exists()
    assert not PoliceExchange.objects.exists() and not AftercareReview.objects.exists()
    assert not AgendaItem.objects.filter(case=table.case).exists()
    assert not PlanAction.objects.exists()
    assert AgendaItem.objects.filter(case=table.other_case).exists()
    assert Decision.objects.filter(item__case=table.other_case).exists()
    assert Meeting.objects.filter(pk=work.meeting.pk).exists()


def test_the_retention_run_removes_the_case_work_of_an_expired_case(table, work):
    assert anonymise_case_work in retention.ANONYMISERS
    table.case.status = table.case.Status.CLOSED
    table.case.retain_until = timezone.localdate() - timezone.timedelta(days=1)
    table.case.save(update_fields=["status", "retain_until"])
    assert AgendaItem.objects.filter(case=table.case).exists()

    run = retention.case_retention_run(by=None)

    assert run.cases == 1
    assert not AgendaItem.objects.filter(case=table.case).exists()
    assert not SupportPlan.objects.filter(case=table.case).exists()
    assert AgendaItem.objects.filter(case=table.other_case).exists()


def test_removing_a_case_removes_its_case_work(table, work):
    from samen.cases.actions.cases import case_remove

    case_remove(by=table.mayor, case=table.case)
    assert not AgendaItem.objects.filter(pk=work.item_a.pk).exists()
    assert not Assessment.objects.exists() and not SupportPlan.objects.exists()
    assert not PoliceExchange.objects.exists()
    assert AgendaItem.objects.filter(pk=work.item_b.pk).exists()
