"""What each role may do in the administration (samen/people/permissions.py)."""

from samen.people.permissions import ADMINISTRATOR_PERMISSIONS, permissions_of
from samen.people.roles import Role


def test_administrators_hold_the_listed_permissions():
    assert permissions_of(Role.ADMINISTRATOR) == ADMINISTRATOR_PERMISSIONS
    assert "people.change_user" in ADMINISTRATOR_PERMISSIONS
    assert "policy.view_action" in ADMINISTRATOR_PERMISSIONS


def test_people_are_never_deleted_and_the_policy_only_read():
    assert "people.delete_user" not in ADMINISTRATOR_PERMISSIONS
    assert not any(p.startswith("policy.") and "view_" not in p for p in ADMINISTRATOR_PERMISSIONS)


def test_nothing_of_the_case_consultation_is_in_the_administration():
    assert not any(p.startswith("cases.") for p in ADMINISTRATOR_PERMISSIONS)


def test_other_roles_hold_no_permission():
    for role in Role:
        if role != Role.ADMINISTRATOR:
            assert permissions_of(role) == frozenset()
