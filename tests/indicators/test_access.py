"""Who may see and change indicators: every active staff member reads, administrators change."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.indicators import access
from samen.indicators.models import DataImport
from samen.people.actions import staff_member_deactivate

pytestmark = pytest.mark.django_db


def test_every_active_staff_member_reads_every_indicator(personas, figures):
    for person in personas.all().values():
        assert access.may_read(person)
        assert access.visible_indicators(person).count() == 2
        assert access.get_indicator_for_user(person, "residents").code == "residents"


def test_the_anonymous_and_the_deactivated_read_nothing(personas, figures):
    staff_member_deactivate(by=personas.admin, member=personas.analyst)
    personas.analyst.refresh_from_db()
    for person in (AnonymousUser(), personas.analyst):
        assert not access.may_read(person)
        assert not access.visible_indicators(person).exists()
        with pytest.raises(PermissionDenied):
            access.get_indicator_for_user(person, "residents")


def test_an_unknown_indicator_is_a_404_for_readers(personas, figures):
    with pytest.raises(Http404):
        access.get_indicator_for_user(personas.frontline, "no_such_indicator")


def test_only_administrators_follow_imports(personas, figures):
    data_import = DataImport.objects.first()
    assert access.get_import_for_user(personas.admin, data_import.pk) == data_import
    assert access.visible_imports(personas.admin).count() == DataImport.objects.count()
    for name, person in personas.all().items():
        if name == "admin":
            continue
        assert not access.may_administer(person)
        assert not access.visible_imports(person).exists()
        with pytest.raises(PermissionDenied):
            access.get_import_for_user(person, data_import.pk)
        with pytest.raises(PermissionDenied):
            access.check_may_administer(person)


def test_an_absent_import_is_a_404_for_administrators(personas):
    with pytest.raises(Http404):
        access.get_import_for_user(personas.admin, 999_999)
