"""The writes of the case consultation: who may do each, and bad input changing nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases.actions import cases as actions
from samen.cases.actions import corrections
from samen.cases.actions import table as table_actions
from samen.cases.models import Case, CasePerson, Correction, Invitation, Referral
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db


def review_day():
    return timezone.localdate() + datetime.timedelta(days=60)


@pytest.fixture
def referral(table):
    return actions.referral_submit(
        by=table.invited,
        name="Ahmed El Amrani",
        birth_date=datetime.date(2010, 3, 1),
        reason="Deelt gewelddadige propaganda op school.",
        extremism_type="islamist",
    )


def test_a_partner_refers_and_the_mayor_accepts(table, referral):
    case = actions.referral_accept(
        by=table.mayor,
        referral=referral,
        purpose="Preventie van radicalisering.",
        review_on=review_day(),
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED and referral.case == case
    assert case.person.name == "Ahmed El Amrani"
    assert case.age_band == "under_18"
    assert case.reference.startswith(f"LIVC-{timezone.localdate().year}-")


def test_only_the_mayor_or_a_delegate_decides(table, referral):
    for person in (table.prevention, table.police, table.invited):
        with pytest.raises(PermissionDenied):
            actions.referral_accept(
                by=person, referral=referral, purpose="x", review_on=review_day()
            )
        with pytest.raises(PermissionDenied):
            actions.referral_reject(by=person, referral=referral, reason="x")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING


def test_a_rejection_needs_a_reason(table, referral):
    with pytest.raises(ValidationError) as raised:
        actions.referral_reject(by=table.mayor, referral=referral, reason="  ")
    assert "reason" in raised.value.message_dict
    actions.referral_reject(by=table.mayor, referral=referral, reason="Geen extremisme.")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.REJECTED
    with pytest.raises(ValidationError):
        actions.referral_reject(by=table.mayor, referral=referral, reason="Nog eens.")


def test_people_outside_the_referring_roles_cannot_refer(personas, table):
    with pytest.raises(PermissionDenied):
        actions.referral_submit(
            by=personas.frontline, name="X Y", reason="r", extremism_type="other"
        )


def test_a_bad_referral_changes_nothing(table):
    with pytest.raises(ValidationError) as raised:
        actions.referral_submit(
            by=table.invited,
            name=" ",
            birth_date=timezone.localdate() + datetime.timedelta(days=3),
            reason="",
            extremism_type="nonsense",
        )
    assert set(raised.value.message_dict) == {"name", "birth_date", "reason", "extremism_type"}
    assert not Referral.objects.exists()


def test_closing_sets_the_retention_period_and_ends_invitations(table):
    actions.case_close(
        by=table.mayor, case=table.case, reason="Begeleiding loopt goed.", aftercare_needed=True
    )
    table.case.refresh_from_db()
    today = timezone.localdate()
    assert table.case.status == Case.Status.CLOSED
    assert table.case.retain_until == today.replace(year=today.year + 5)
    assert not Invitation.objects.filter(case=table.case, revoked_at__isnull=True).exists()


def test_a_case_without_aftercare_is_kept_a_year(table):
    actions.case_close(
        by=table.mayor, case=table.case, reason="Geen zorgen.", aftercare_needed=False
    )
    today = timezone.localdate()
    assert table.case.retain_until == today.replace(year=today.year + 1)


def test_only_the_mayor_closes_and_removes(table):
    with pytest.raises(PermissionDenied):
        actions.case_close(by=table.prevention, case=table.case, reason="x", aftercare_needed=True)
    with pytest.raises(PermissionDenied):
        actions.case_remove(by=table.police, case=table.case)
    assert Case.objects.filter(pk=table.case.pk, status="open").exists()


def test_removing_a_case_removes_its_person_and_the_trail_names_no_one(table, referral):
    case = actions.referral_accept(
        by=table.mayor, referral=referral, purpose="Preventie.", review_on=review_day()
    )
    actions.case_remove(by=table.mayor, case=case)
    assert not Referral.objects.exists()
    pk = table.case.pk
    reference = actions.case_remove(by=table.mayor, case=table.case)
    assert not Case.objects.filter(pk=pk).exists()
    assert not CasePerson.objects.filter(case_id=pk).exists()
    for record in AuditRecord.objects.all():
        text = f"{record.object_repr} {record.changes} {record.additional_data}"
        assert "Peeters" not in text and "Kerkstraat" not in text and "Amrani" not in text
    assert AuditRecord.objects.filter(object_repr=reference, action=AuditRecord.Action.DELETE)


def test_invitations_are_for_support_roles_and_a_year_at_most(personas, table):
    too_late = timezone.localdate() + datetime.timedelta(days=400)
    with pytest.raises(ValidationError) as raised:
        table_actions.invitation_propose(
            by=table.prevention, case=table.case, user=personas.analyst, ends_on=too_late
        )
    assert set(raised.value.message_dict) == {"user", "ends_on"}
    with pytest.raises(PermissionDenied):
        table_actions.invitation_propose(
            by=table.invited, case=table.case, user=personas.frontline, ends_on=review_day()
        )


def test_a_correction_keeps_the_previous_value(table):
    correction = corrections.case_correct(
        by=table.prevention,
        case=table.case,
        field="name",
        value="Jan Peters",
        reason="Schrijffout in de naam.",
    )
    table.case.person.refresh_from_db()
    assert table.case.person.name == "Jan Peters"
    assert correction.previous_value == "Jan Peeters"
    assert correction.new_value == "Jan Peters"
    from samen.cases.crypto import name_index

    assert table.case.person.name_index == name_index("Jan Peters")


def test_a_bad_correction_changes_nothing(table):
    with pytest.raises(ValidationError):
        corrections.case_correct(
            by=table.prevention, case=table.case, field="birth_date", value="17/05/2004", reason="x"
        )
    with pytest.raises(PermissionDenied):
        corrections.case_correct(
            by=table.invited, case=table.case, field="name", value="Y", reason="x"
        )
    assert not Correction.objects.exists()
    table.case.person.refresh_from_db()
    assert table.case.person.birth_date == datetime.date(2004, 5, 17)


def test_the_case_open_refuses_a_past_review_date(table):
    with pytest.raises(ValidationError) as raised:
        open_case(by=table.mayor, review_on=timezone.localdate())
    assert "review_on" in raised.value.message_dict


class _Choices:
    """Stands in for `secrets` in samen.cases.actions: choice() gives these characters."""

    def __init__(self, text: str):
        self.characters = iter(text)

    def choice(self, _alphabet):
        return next(self.characters)


def test_references_are_random_and_reveal_no_count(table):
    import re

    from django.utils import timezone

    from samen.cases.actions.cases import REFERENCE_ALPHABET
    from tests.cases.conftest import open_case

    year = timezone.localdate().year
    pattern = re.compile(rf"^LIVC-{year}-[{REFERENCE_ALPHABET}]{{6}}$")
    cases = [table.case, table.other_case, *(open_case(f"Persoon {n}") for n in range(10))]
    references = [case.reference for case in cases]
    assert all(pattern.match(reference) for reference in references), references
    assert len(set(references)) == len(references)
    assert not any(ch in reference[10:] for reference in references for ch in "01ILOU")
    assert f"LIVC-{year}-0001" not in references and f"LIVC-{year}-0012" not in references


def test_a_removed_cases_reference_is_never_given_again(table, monkeypatch):
    from samen.cases.actions import cases as actions
    from samen.cases.models import Case
    from tests.cases.conftest import open_case

    removed = actions.case_remove(by=table.mayor, case=table.case)
    live = table.other_case.reference
    code = removed.rsplit("-", 1)[1]
    # The random draw gives the removed reference, then a live one, then a new one.
    monkeypatch.setattr(actions, "secrets", _Choices(code + live.rsplit("-", 1)[1] + "ABCDEF"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-ABCDEF")
    assert not Case.objects.filter(reference=removed).exists()


def test_a_reference_taken_meanwhile_is_drawn_again(table, monkeypatch):
    from samen.cases.actions import cases as actions
    from tests.cases.conftest import open_case

    live = table.other_case.reference
    real = actions._reference_taken
    asked: list[str] = []

    def taken_after_the_check(reference):
        asked.append(reference)
        # The first check misses that another request saved this reference just now.
        return False if len(asked) == 1 else real(reference)

    monkeypatch.setattr(actions, "_reference_taken", taken_after_the_check)
    monkeypatch.setattr(actions, "secrets", _Choices(live.rsplit("-", 1)[1] + "XYZ234"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-XYZ234")
    assert table.other_case.reference == live
