"""The network page (samen/communities/network_views.py)."""

import pytest
from django.urls import reverse

from tests.conftest import get_as, signed_in_a_while


def test_the_city_wide_roles_choose_among_all_districts(client, personas, city):
    response = get_as(client, personas.analyst, reverse("communities:network"))
    assert response.status_code == 200
    assert personas.berchem in response.context["form"].fields["district"].queryset
    assert response.context["district"] is None
    assert response.context["ties"] == 2  # the youth-mosque and youth-club ties


def test_a_district_worker_sees_their_own_district_by_default(client, personas, city):
    response = get_as(client, personas.frontline, reverse("communities:network"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["district"].queryset) == [personas.borgerhout]
    assert response.context["district"] == personas.borgerhout


def test_a_theme_narrows_the_network(client, personas, city):
    url = reverse("communities:network")
    response = get_as(client, personas.analyst, url, data={"theme": city.youth.themes.get().pk})
    assert response.context["ties"] == 0


@pytest.mark.parametrize("who", ["partner", "prevention", "dpo"])
def test_outsiders_are_refused(client, personas, city, who):
    response = get_as(client, getattr(personas, who), reverse("communities:network"))
    assert response.status_code == 403


def test_the_network_page_has_a_fixed_number_of_queries(
    client, personas, city, django_assert_max_num_queries
):
    signed_in_a_while(client, personas.analyst)
    with django_assert_max_num_queries(18):
        assert client.get(reverse("communities:network")).status_code == 200
