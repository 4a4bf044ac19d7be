import pytest
from django.urls import reverse

from samen.places.models import Place
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("prevention", 200),
        ("dpo", 200),
        ("coordinator", 403),
        ("frontline", 403),
        ("partner", 403),
    ],
)
def test_city_overview_is_for_city_wide_roles(client, personas, who, status):
    response = get_as(client, getattr(personas, who), reverse("places:city"))
    assert response.status_code == status


def test_city_overview_lists_the_ten_districts(client, personas):
    response = get_as(client, personas.analyst, reverse("places:city"))
    districts = response.context["districts"]
    assert len(districts) == 10
    assert {d.code for d in districts} >= {"11002S", "11007A"}


def test_anonymous_gets_the_login_page(client):
    for url in [reverse("places:city"), reverse("places:detail", args=["11002S"])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("coordinator", 200),
        ("frontline", 200),
        ("other_frontline", 403),
        ("partner", 403),
    ],
)
def test_district_page_follows_home_district(client, personas, who, status):
    response = get_as(client, getattr(personas, who), reverse("places:detail", args=["11002S"]))
    assert response.status_code == status


def test_unknown_place_is_404(client, personas):
    response = get_as(client, personas.analyst, reverse("places:detail", args=["NOPE"]))
    assert response.status_code == 404


def test_frontline_worker_opens_a_neighbourhood_of_their_district(client, personas):
    wijk = Place.objects.create(
        kind=Place.Kind.NEIGHBOURHOOD,
        code="11002S01",
        name_nl="Borgerhout intra muros",
        parent=personas.borgerhout,
    )
    assert (
        get_as(client, personas.frontline, reverse("places:detail", args=[wijk.code])).status_code
        == 200
    )
    assert (
        get_as(
            client, personas.other_frontline, reverse("places:detail", args=[wijk.code])
        ).status_code
        == 403
    )


def test_district_page_shows_panels_and_history(client, personas):
    response = get_as(client, personas.coordinator, reverse("places:detail", args=["11002S"]))
    content = response.content.decode()
    assert "Borgerhout" in content
    assert "11002S" in content
    # The coordinator sees the staff panel; a frontline worker does not.
    assert any(p.template.endswith("district_staff.html") for p in response.context["panels"])
    response = get_as(client, personas.frontline, reverse("places:detail", args=["11002S"]))
    assert not any(p.template.endswith("district_staff.html") for p in response.context["panels"])


def test_borsbeek_is_a_district_since_2025(db):
    borsbeek = Place.objects.get(code="11007A")
    import datetime

    assert not borsbeek.is_valid_on(datetime.date(2024, 12, 31))
    assert borsbeek.is_valid_on(datetime.date(2025, 1, 1))
    assert Place.objects.districts().valid_on(datetime.date(2024, 6, 1)).count() == 9
    assert Place.objects.districts().valid_on(datetime.date(2025, 6, 1)).count() == 10


def test_map_is_drawn_after_import_with_attribution(client, personas, shared_data):
    from django.core.management import call_command

    call_command("import_places", shared_data / "antwerp_districts_2025.geojson", verbosity=0)
    response = get_as(client, personas.analyst, reverse("places:city"))
    content = response.content.decode()
    assert content.count("<path ") == 10
    assert "Data &amp; Analyse van de Vlaamse provincies" in content


def test_a_merged_district_keeps_its_history(client, personas):
    import datetime

    from samen.places.actions import place_merge

    old = Place.objects.create(
        kind=Place.Kind.DISTRICT,
        code="99999A",
        name_nl="Oud district",
        parent=personas.borgerhout.parent,
    )
    place_merge(
        by=personas.admin, place=old, into=personas.borgerhout, on=datetime.date(2027, 1, 1)
    )
    assert old.is_valid_on(datetime.date(2026, 12, 31))
    assert not old.is_valid_on(datetime.date(2027, 1, 1))
    import time_machine

    with time_machine.travel(datetime.date(2027, 2, 1)):
        response = get_as(client, personas.analyst, reverse("places:city"))
        assert old not in response.context["districts"]
        assert old in response.context["former_districts"]
        page = get_as(client, personas.analyst, reverse("places:detail", args=[old.code]))
        assert "Borgerhout" in page.content.decode()
