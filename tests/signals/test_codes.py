"""Places and categories by code, held in each process for the API intake
(samen/signals/codes.py): a change made here is known at once, one made elsewhere after the
refresh time."""

import pytest

from samen.places.models import Place
from samen.signals import codes
from samen.signals.models import Category
from tests.signals.api.test_serializers import api_as, good_signal

pytestmark = pytest.mark.django_db


def test_a_category_taken_out_of_use_is_refused_at_once(personas):
    client = api_as(personas.analyst)
    assert client.post("/api/signals/", good_signal(), format="json").status_code == 201
    housing = Category.objects.get(code="housing")
    housing.is_active = False
    housing.save()
    response = client.post("/api/signals/", good_signal(), format="json")
    assert response.status_code == 400
    assert "categories" in response.json()


def test_a_new_neighbourhood_is_known_at_once(personas):
    client = api_as(personas.analyst)
    assert client.post("/api/signals/", good_signal(), format="json").status_code == 201
    Place.objects.create(
        kind="neighbourhood", code="11002S09", name_nl="Nieuwe wijk", parent=personas.borgerhout
    )
    response = client.post("/api/signals/", good_signal(neighbourhood="11002S09"), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["neighbourhood"] == "11002S09"


def test_codes_are_read_again_after_the_refresh_time(personas, monkeypatch):
    client = api_as(personas.analyst)
    assert client.post("/api/signals/", good_signal(), format="json").status_code == 201
    # A change made by another process sends no signal here.
    Category.objects.filter(code="housing").update(is_active=False)
    later = codes.time.monotonic() + codes.REFRESH_SECONDS + 1
    monkeypatch.setattr(codes.time, "monotonic", lambda: later)
    assert client.post("/api/signals/", good_signal(), format="json").status_code == 400


def test_the_codes_are_held_until_forgotten(personas):
    held = codes.held_codes()
    assert held.districts["11002S"] == personas.borgerhout
    assert "youth-groups" in held.categories and "11002S" not in held.neighbourhoods
    assert codes.held_codes() is held  # no second reading within the refresh time
    codes.forget_codes()
    assert codes.held_codes() is not held


def test_saving_a_place_forgets_the_codes(personas):
    held = codes.held_codes()
    Place.objects.create(
        kind="neighbourhood", code="11002S07", name_nl="Wijk", parent=personas.borgerhout
    )
    fresh = codes.held_codes()
    assert fresh is not held
    assert fresh.neighbourhoods["11002S07"].parent == personas.borgerhout
