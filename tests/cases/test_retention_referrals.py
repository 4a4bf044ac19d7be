"""Referrals waiting for a decision are not kept forever."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


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
