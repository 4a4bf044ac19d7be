"""Who sees which signals and who may act on them (samen/signals/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.signals.access import (
    check_may_export_statistics,
    check_may_report,
    get_signal_for_user,
    get_signal_to_follow_up,
    may_export,
    may_open_signal,
    may_triage,
    sees_whole_district,
    visible_signals,
)
from samen.signals.actions import signal_follow_up, signal_review
from samen.signals.models import FollowUp, Signal

pytestmark = pytest.mark.django_db

VISIBLE = {
    "admin": {"borgerhout", "berchem", "own", "shared"},
    "analyst": {"borgerhout", "berchem", "own", "shared"},
    "coordinator": {"borgerhout"},
    "frontline": {"borgerhout", "own"},
    "other_frontline": {"berchem", "own", "shared"},
    "partner": {"shared"},
    "prevention": set(),
    "dpo": set(),
}


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_each_role_sees_the_signals_of_its_rule(personas, signals, who):
    person = getattr(personas, who)
    seen = set(visible_signals(Signal.objects.all(), person))
    assert seen == {signals[name] for name in VISIBLE[who]}
    for name, signal in signals.items():
        assert may_open_signal(person, signal.pk) == (name in VISIBLE[who])


def test_an_anonymous_or_inactive_person_sees_none(personas, signals):
    assert not visible_signals(Signal.objects.all(), AnonymousUser()).exists()
    personas.analyst.is_active = False
    assert not visible_signals(Signal.objects.all(), personas.analyst).exists()


def test_the_prevention_officer_sees_the_signals_referred_to_the_chair(personas, signals):
    referred = signals["berchem"]
    signal_review(by=personas.analyst, signal=referred)
    signal_follow_up(by=personas.analyst, signal=referred, kind=FollowUp.Kind.REFERRAL)
    assert list(visible_signals(Signal.objects.all(), personas.prevention)) == [referred]


def test_a_forbidden_signal_answers_404_like_an_absent_one(personas, signals):
    outsider = personas.other_frontline  # Berchem
    assert get_signal_for_user(personas.frontline, signals["borgerhout"].pk)
    for pk in (signals["borgerhout"].pk, 999_999, "not a number"):
        with pytest.raises(Http404):
            get_signal_for_user(outsider, pk)


def test_only_the_district_coordinator_analysts_and_admins_triage(personas, signals):
    borgerhout = signals["borgerhout"]
    assert may_triage(personas.coordinator, borgerhout)
    assert not may_triage(personas.coordinator, signals["berchem"])
    for who in ("admin", "analyst"):
        assert may_triage(getattr(personas, who), signals["berchem"])
    assert not may_triage(personas.frontline, borgerhout)  # sees it, may not triage it
    assert get_signal_to_follow_up(personas.coordinator, borgerhout.pk) == borgerhout
    with pytest.raises(PermissionDenied):
        get_signal_to_follow_up(personas.frontline, borgerhout.pk)
    with pytest.raises(Http404):
        get_signal_to_follow_up(personas.other_frontline, borgerhout.pk)


def test_everyone_but_the_data_protection_officer_reports(personas):
    for who, person in personas.all().items():
        if who == "dpo":
            with pytest.raises(PermissionDenied):
                check_may_report(person)
        else:
            check_may_report(person)
    with pytest.raises(PermissionDenied):
        check_may_report(AnonymousUser())


def test_exports_of_rows_and_of_statistics(personas):
    exporters = {who for who, person in personas.all().items() if may_export(person)}
    assert exporters == {"admin", "analyst", "coordinator"}
    for who, person in personas.all().items():
        if who in ("admin", "analyst"):
            check_may_export_statistics(person)
        else:
            with pytest.raises(PermissionDenied):
                check_may_export_statistics(person)


def test_who_sees_a_whole_district(personas):
    assert sees_whole_district(personas.analyst, personas.berchem)
    assert sees_whole_district(personas.frontline, personas.borgerhout)
    assert sees_whole_district(personas.coordinator, personas.borgerhout)
    assert not sees_whole_district(personas.frontline, personas.berchem)
    assert not sees_whole_district(personas.partner, personas.borgerhout)
