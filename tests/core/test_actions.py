"""The one way Samen writes (samen/core/actions.py)."""

import pytest

from samen.core.acting import current_actor
from samen.core.actions import action
from samen.places.models import Place


@action
def rename_place(*, by, place, name):
    place.name_en = name
    place.save()
    return current_actor()


def test_an_action_runs_with_its_actor(personas):
    assert rename_place(by=personas.admin, place=personas.borgerhout, name="B") == personas.admin
    assert current_actor() is None


def test_an_action_takes_keyword_arguments_and_an_actor_only(personas):
    with pytest.raises(TypeError, match="keyword arguments only"):
        rename_place(personas.admin)
    with pytest.raises(TypeError, match="needs by="):
        rename_place(place=personas.borgerhout, name="B")


def test_a_failing_action_leaves_nothing_written(personas):
    @action
    def rename_then_fail(*, by, place):
        place.name_en = "Gone"
        place.save()
        raise ValueError

    with pytest.raises(ValueError):
        rename_then_fail(by=personas.admin, place=personas.borgerhout)
    assert Place.objects.get(pk=personas.borgerhout.pk).name_en != "Gone"
