"""A case, its person, its invitations and corrections: names that never name the person, the
age band kept for the counts, and which cases still hold their content."""

import datetime

import pytest
from django.utils import timezone

from samen.cases.models import AgeBand, Case, CasePerson, Correction, Invitation, age_band_on
from tests.cases.conftest import confirmed_fields

TODAY = datetime.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("birth_date", "band"),
    [
        (None, AgeBand.UNKNOWN),
        (datetime.date(2008, 6, 16), AgeBand.UNDER_18),  # 18 tomorrow
        (datetime.date(2008, 6, 15), AgeBand.FROM_18_TO_25),  # 18 today
        (datetime.date(2000, 6, 15), AgeBand.FROM_26_TO_35),
        (datetime.date(1991, 6, 16), AgeBand.FROM_26_TO_35),  # 35 until tomorrow
        (datetime.date(1990, 6, 15), AgeBand.OVER_35),
    ],
)
def test_the_age_band_counts_birthdays_to_the_day(birth_date, band):
    assert age_band_on(birth_date, TODAY) == band


def test_a_case_and_its_records_are_named_without_the_person():
    case = Case(pk=7, reference="LIVC-2026-007", status=Case.Status.OPEN)
    assert str(case) == "LIVC-2026-007"
    assert str(CasePerson(case=case, name="Jan Peeters")) == "7"
    assert str(Correction(case=case, field=Correction.Field.NAME, new_value="Jan")) == "7: name"
    assert str(Invitation(case=case, user_id=3)) == "7: 3"


def test_only_an_open_case_is_open():
    assert Case(status=Case.Status.OPEN).is_open
    assert not Case(status=Case.Status.CLOSED).is_open


@pytest.mark.django_db
def test_live_cases_leave_the_anonymised_out(table):
    Case.objects.filter(pk=table.other_case.pk).update(anonymised_at=timezone.now())
    assert list(Case.objects.live()) == [table.case]
    assert Case.objects.count() == 2


def confirmed_invitation(**overrides) -> Invitation:
    values = {"ends_on": TODAY + datetime.timedelta(days=10), **confirmed_fields()}
    values["confirmed_until"] = TODAY + datetime.timedelta(days=30)
    values.update(overrides)
    return Invitation(**values)


def test_an_invitation_is_current_until_its_end_date_while_confirmed():
    invitation = confirmed_invitation()
    assert invitation.is_current(TODAY)
    assert invitation.is_current(TODAY + datetime.timedelta(days=10))
    assert not invitation.is_current(TODAY + datetime.timedelta(days=11))


def test_an_unconfirmed_lapsed_or_revoked_invitation_is_not_current():
    assert not confirmed_invitation(confirmed_at=None).is_current(TODAY)
    assert not confirmed_invitation(confirmed_until=TODAY - datetime.timedelta(days=1)).is_current(
        TODAY
    )
    assert not confirmed_invitation(revoked_at=timezone.now()).is_current(TODAY)
