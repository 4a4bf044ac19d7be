"""Who reads the other cities' statistics, and who records the other cities."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.peers.access import (
    check_may_manage_peers,
    check_may_read_peers,
    get_peer_for_manager,
    may_manage_peers,
    may_read_peers,
)

READERS = {"admin", "analyst"}


@pytest.mark.django_db
def test_only_the_statistics_roles_read_the_other_cities(personas):
    for name, person in personas.all().items():
        assert may_read_peers(person) is (name in READERS), name
    assert may_read_peers(AnonymousUser()) is False


@pytest.mark.django_db
def test_only_administrators_record_other_cities(personas):
    for name, person in personas.all().items():
        assert may_manage_peers(person) is (name == "admin"), name
    with pytest.raises(PermissionDenied):
        check_may_manage_peers(personas.analyst)
    with pytest.raises(PermissionDenied):
        check_may_read_peers(personas.dpo)


@pytest.mark.django_db
def test_a_deactivated_administrator_reads_and_records_nothing(personas):
    personas.admin.is_active = False
    assert not may_read_peers(personas.admin)
    assert not may_manage_peers(personas.admin)


@pytest.mark.django_db
def test_a_recorded_city_is_refused_to_an_analyst_and_absent_is_404(personas, liege):
    assert get_peer_for_manager(personas.admin, liege.pk) == liege
    with pytest.raises(PermissionDenied):
        get_peer_for_manager(personas.analyst, liege.pk)
    with pytest.raises(PermissionDenied):
        get_peer_for_manager(personas.analyst, liege.pk + 100)
    with pytest.raises(Http404):
        get_peer_for_manager(personas.admin, liege.pk + 100)
