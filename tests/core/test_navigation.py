"""Navigation items can follow a person's duties, not only their role."""

from types import SimpleNamespace

import pytest

from samen.core import navigation


@pytest.fixture
def empty_nav(monkeypatch):
    monkeypatch.setattr(navigation, "_nav", [])
    return navigation


def test_an_item_with_a_condition_shows_only_to_people_who_meet_it(empty_nav):
    empty_nav.add_nav_item("Table", "home", when=lambda user: user.seated)
    seated = SimpleNamespace(role="policy_analyst", seated=True)
    standing = SimpleNamespace(role="policy_analyst", seated=False)
    assert [i.url_name for i in empty_nav.nav_items_for(seated)] == ["home"]
    assert empty_nav.nav_items_for(standing) == []


def test_a_module_rule_can_require_a_second_factor(monkeypatch):
    from samen.people import roles

    monkeypatch.setattr(roles, "_two_factor_rules", [])
    person = SimpleNamespace(is_authenticated=True, role="frontline_worker", seated=True)
    assert not roles.user_requires_two_factor(person)
    roles.add_two_factor_rule(lambda user: user.seated)
    assert roles.user_requires_two_factor(person)
    assert not roles.user_requires_two_factor(SimpleNamespace(is_authenticated=False))
