import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.monitor import access
from samen.signals.access import ALL_SIGNALS_ROLES

pytestmark = pytest.mark.django_db


def test_city_wide_counts_follow_the_signal_lists_rule():
    # Only the roles that see every signal see the city overview and every district.
    assert access.CITY_MONITOR_ROLES == ALL_SIGNALS_ROLES


def test_each_person_sees_the_monitor_of_the_districts_they_may(personas):
    assert personas.borgerhout in access.monitor_places(personas.analyst)
    assert list(access.monitor_places(personas.coordinator)) == [personas.borgerhout]
    assert list(access.monitor_places(personas.frontline)) == [personas.borgerhout]
    for outsider in (personas.prevention, personas.partner, personas.dpo):
        assert not access.monitor_places(outsider).exists()


def test_a_district_is_refused_to_outsiders_and_unknown_codes_are_404(personas):
    assert access.get_monitor_district(personas.coordinator, "11002S") == personas.borgerhout
    with pytest.raises(PermissionDenied):
        access.get_monitor_district(personas.other_frontline, "11002S")
    with pytest.raises(Http404):
        access.get_monitor_district(personas.analyst, "nowhere")


def test_the_coordinator_and_administrators_set_the_tension_level(personas):
    assert access.may_set_tension_level(personas.coordinator, personas.borgerhout)
    assert access.may_set_tension_level(personas.admin, personas.borgerhout)
    assert not access.may_set_tension_level(personas.coordinator, personas.berchem)
    assert not access.may_set_tension_level(personas.frontline, personas.borgerhout)
