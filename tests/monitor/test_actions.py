import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.core.weeks import week_of
from samen.monitor import actions
from samen.monitor.models import TensionLevel

pytestmark = pytest.mark.django_db


def test_tension_levels_keep_their_history(personas):
    week = week_of(timezone.localdate())
    actions.tension_level_set(
        by=personas.coordinator, place=personas.borgerhout, week=week, level=2, rationale="Onrust."
    )
    actions.tension_level_set(
        by=personas.coordinator, place=personas.borgerhout, week=week, level=3, rationale="Erger."
    )
    assert list(TensionLevel.objects.values_list("level", flat=True)) == [3, 2]
    with pytest.raises(PermissionDenied):
        actions.tension_level_set(
            by=personas.coordinator, place=personas.berchem, week=week, level=1, rationale="x"
        )
    with pytest.raises(ValidationError):
        actions.tension_level_set(
            by=personas.coordinator, place=personas.borgerhout, week=week, level=9, rationale=""
        )
