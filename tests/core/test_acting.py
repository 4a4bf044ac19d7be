"""The acting person: named by the innermost block, restored when it ends."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samen.core.acting import acting_as, current_actor


class Person:
    is_authenticated = True

    def __init__(self, name: str):
        self.name = name


def test_nobody_acts_outside_a_block():
    assert current_actor() is None


def test_the_innermost_block_names_the_actor_and_the_outer_one_comes_back():
    admin, dpo = Person("admin"), Person("dpo")
    with acting_as(admin):
        assert current_actor() is admin
        with acting_as(dpo):
            assert current_actor() is dpo
        assert current_actor() is admin
    assert current_actor() is None


def test_an_anonymous_visitor_or_samen_itself_acts_as_nobody():
    with acting_as(Person("admin")):
        with acting_as(AnonymousUser()):
            assert current_actor() is None
        with acting_as(None):
            assert current_actor() is None


def test_the_outer_actor_comes_back_after_an_error():
    admin = Person("admin")
    with acting_as(admin):
        with pytest.raises(RuntimeError), acting_as(Person("dpo")):
            raise RuntimeError
        assert current_actor() is admin
