"""Only the data-protection officer searches the trail; the trail names that role by value."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from samen.audit.access import TRAIL_READER_ROLE, audit_records_for
from samen.people.roles import Role

pytestmark = pytest.mark.django_db


def test_the_trail_reader_is_the_data_protection_officer_role():
    assert TRAIL_READER_ROLE == Role.DATA_PROTECTION_OFFICER


def test_the_data_protection_officer_gets_the_whole_trail(personas):
    assert audit_records_for(personas.dpo).model.__name__ == "AuditRecord"


@pytest.mark.parametrize("who", ["admin", "analyst", "coordinator", "frontline", "partner"])
def test_everyone_else_is_refused(personas, who):
    with pytest.raises(PermissionDenied):
        audit_records_for(getattr(personas, who))


def test_an_anonymous_visitor_is_refused():
    with pytest.raises(PermissionDenied):
        audit_records_for(AnonymousUser())
