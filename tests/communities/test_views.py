"""The forms of the module: what a good submission does, and what a bad one says."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from samen.communities.models import Community, Contact, KeyFigure
from samen.communities.plan_actions import restore_action_add, restore_plan_create
from tests.conftest import signed_in_a_while

pytestmark = pytest.mark.django_db


def test_adding_a_community_through_the_form(client, personas, city):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("communities:new"),
        {
            "name": "Vrouwenvereniging Kiel",
            "kind": "women",
            "district": personas.borgerhout.pk,
            "places": [city.wijk.pk],
            "themes": [city.youth.themes.get().pk],
        },
    )
    community = Community.objects.get(name="Vrouwenvereniging Kiel")
    assert response.status_code == 302
    assert response.url == reverse("communities:detail", args=[community.pk])
    assert list(community.places.all()) == [city.wijk]


def test_a_community_outside_ones_district_is_refused_in_dutch(client, personas):
    client.force_login(personas.frontline)
    data = {"name": "Club", "kind": "sports", "district": personas.berchem.pk}
    response = client.post(reverse("communities:new"), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "eigen district" in response.content.decode()
    assert not Community.objects.filter(name="Club").exists()


def test_editing_a_community(client, personas, city):
    client.force_login(personas.coordinator)
    url = reverse("communities:edit", args=[city.mosque.pk])
    assert client.get(url).context["form"].initial["name"] == "Moskeevereniging Al Noor"
    response = client.post(
        url, {"name": "Moskee Al Noor", "kind": "faith", "district": personas.borgerhout.pk}
    )
    assert response.status_code == 302
    city.mosque.refresh_from_db()
    assert city.mosque.name == "Moskee Al Noor"
    assert "moskee al noor" in city.mosque.search_text
    # Left unticked, "still works with" retires the community from the network and the forms.
    assert not city.mosque.is_active


def test_adding_and_removing_a_key_figure(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:key_figure_add", args=[city.youth.pk])
    response = client.post(url, {"name": "Sara Peeters", "role": "spokesperson"})
    assert response.status_code == 302
    figure = KeyFigure.objects.get()
    bad = client.post(url, {"name": "", "role": "spokesperson"})
    assert bad.status_code == 400 and KeyFigure.objects.count() == 1
    remove = reverse("communities:key_figure_remove", args=[city.youth.pk, figure.pk])
    assert client.post(remove).status_code == 302
    assert not KeyFigure.objects.exists()


def test_recording_a_relationship_through_the_form(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:relationship_new") + f"?community={city.mosque.pk}"
    data = {
        "other": city.school.pk,
        "state": "active",
        "strength": "3",
        "reason": "Huiswerkklas in de moskee.",
        "changed_on": timezone.localdate().isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400
    assert "Deze relatie is al geregistreerd" in again.content.decode()


def test_changing_the_state_through_the_form(client, personas, city):
    client.force_login(personas.coordinator)
    url = reverse("communities:relationship_change_state", args=[city.youth_mosque.pk])
    today = timezone.localdate().isoformat()
    data = {"state": "lapsed", "strength": "2", "reason": "Geen contact.", "changed_on": today}
    assert client.post(url, data).status_code == 302
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "lapsed"
    page = client.get(reverse("communities:relationship", args=[city.youth_mosque.pk]))
    assert "Geen contact." in page.content.decode()


@pytest.mark.parametrize(
    ("reason", "day", "message"),
    [
        ("", 0, "Ce champ est obligatoire."),
        ("Ruzie.", 2, "Un changement ne peut pas être daté dans le futur."),
    ],
)
def test_a_bad_change_is_explained_in_french_and_changes_nothing(
    client, personas, city, reason, day, message
):
    client.force_login(personas.coordinator)
    url = reverse("communities:relationship_change_state", args=[city.youth_mosque.pk])
    on = timezone.localdate() + datetime.timedelta(days=day)
    with override("fr"):
        response = client.post(
            url,
            {"state": "broken", "strength": "1", "reason": reason, "changed_on": on.isoformat()},
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Rien n'a été enregistré" in response.content.decode()
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "active"


def test_logging_a_contact_that_breaks_the_relationship(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:contact_new") + f"?relationship={city.youth_club.pk}"
    form = client.get(url).context["form"]
    assert personas.coordinator in form.fields["staff"].queryset
    assert personas.other_frontline not in form.fields["staff"].queryset
    response = client.post(
        url,
        {
            "occurred_on": timezone.localdate().isoformat(),
            "kind": "meeting",
            "staff": [personas.coordinator.pk],
            "summary": "Gesprek over de trainingsuren; geen akkoord.",
            "new_state": "broken",
            "new_strength": "1",
            "reason": "Beide clubs weigeren verder overleg.",
        },
    )
    assert response.status_code == 302
    city.youth_club.refresh_from_db()
    assert (city.youth_club.state, city.youth_club.strength) == ("broken", 1)
    contact = Contact.objects.get()
    assert set(contact.communities.all()) == {city.youth, city.club}


def test_a_contact_in_the_future_is_refused(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:contact_new") + f"?community={city.youth.pk}"
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        url, {"occurred_on": tomorrow.isoformat(), "kind": "visit", "summary": "Bezoek."}
    )
    assert response.status_code == 400
    assert not Contact.objects.exists()


def test_the_plan_list_puts_plans_that_fall_behind_first(client, personas, city):
    on_time = restore_plan_create(
        by=personas.admin, relationship=city.youth_club, title="Op schema", goal="Doel."
    )
    late = restore_plan_create(
        by=personas.admin, relationship=city.youth_mosque, title="Achter", goal="Doel."
    )
    step = restore_action_add(
        by=personas.admin,
        plan=late,
        description="Gesprek",
        owner=personas.frontline,
        deadline=timezone.localdate(),
    )
    type(step).objects.filter(pk=step.pk).update(deadline=datetime.date(2020, 1, 1))
    client.force_login(personas.coordinator)
    page = client.get(reverse("communities:restore_plans"))
    assert [p.pk for p in page.context["page"]] == [late.pk, on_time.pk]
    detail = client.get(reverse("communities:restore_plan", args=[late.pk])).content.decode()
    assert 'class="overdue"' in detail


def test_the_plan_list_does_not_grow_in_queries_with_plans(client, personas, city):
    restore_plan_create(by=personas.admin, relationship=city.youth_club, title="A", goal="Doel.")
    client.force_login(personas.analyst)
    url = reverse("communities:restore_plans")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for relationship in (city.youth_mosque, city.club_city):
        restore_plan_create(by=personas.admin, relationship=relationship, title="B", goal="Doel.")
    with CaptureQueriesContext(connection) as three:
        response = client.get(url)
    assert len(response.context["page"]) == 3
    assert len(three) == len(one)


def test_the_community_list_has_a_fixed_number_of_queries(
    client, personas, city, django_assert_max_num_queries
):
    signed_in_a_while(client, personas.analyst)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("communities:list")).status_code == 200
