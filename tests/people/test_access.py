"""Who may see which staff records and organisations (samen/people/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from samen.audit.models import AuditRecord
from samen.people.access import (
    check_directory_access,
    check_organisations_access,
    get_staff_member_for_reader,
    visible_organisations,
    visible_staff,
)


def test_the_directory_roles_see_all_staff_and_a_coordinator_their_district(personas):
    everyone = set(visible_staff(personas.admin))
    assert personas.other_frontline in everyone and personas.partner in everyone
    assert set(visible_staff(personas.dpo)) == everyone
    district = set(visible_staff(personas.coordinator))
    assert personas.frontline in district
    assert personas.other_frontline not in district


def test_other_roles_see_no_staff_and_are_refused_the_directory(personas):
    for person in (personas.frontline, personas.analyst, personas.partner):
        assert not visible_staff(person).exists()
        with pytest.raises(PermissionDenied):
            check_directory_access(person)
    assert not visible_staff(AnonymousUser()).exists()
    check_directory_access(personas.coordinator)


def test_reading_a_staff_record_is_recorded_and_an_outside_one_is_absent(personas):
    request = RequestFactory().get("/")
    request.user = personas.coordinator
    before = AuditRecord.objects.count()
    assert get_staff_member_for_reader(request, personas.frontline.pk) == personas.frontline
    assert AuditRecord.objects.count() == before + 1
    with pytest.raises(Http404):
        get_staff_member_for_reader(request, personas.other_frontline.pk)
    with pytest.raises(Http404):
        get_staff_member_for_reader(request, 999_999)


def test_partners_are_refused_the_organisations(personas):
    with pytest.raises(PermissionDenied):
        check_organisations_access(personas.partner)
    check_organisations_access(personas.frontline)
    assert not visible_organisations(personas.partner).exists()
    assert not visible_organisations(AnonymousUser()).exists()
