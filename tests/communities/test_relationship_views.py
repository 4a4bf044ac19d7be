"""The relationship and contact pages (samen/communities/relationship_views.py)."""

from django.urls import reverse
from django.utils import timezone

from samen.communities.models import Contact, State
from tests.conftest import get_as


def test_the_relationship_page_shows_its_history_to_those_who_may_see_it(client, personas, city):
    url = reverse("communities:relationship", args=[city.youth_mosque.pk])
    response = get_as(client, personas.frontline, url)
    assert response.status_code == 200
    assert response.context["may_edit"] is True
    assert len(response.context["changes"]) == 1
    assert "no-store" in response["Cache-Control"]
    assert get_as(client, personas.partner, url).status_code == 404


def test_a_state_change_through_the_page(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:relationship_change_state", args=[city.youth_mosque.pk])
    response = client.post(
        url,
        {
            "state": State.WEAKENED,
            "strength": "2",
            "reason": "Minder overleg.",
            "changed_on": timezone.localdate(),
        },
    )
    assert response.status_code == 302
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == State.WEAKENED
    assert client.post(url, {"state": "gone"}).status_code == 400


def test_a_contact_with_a_community_is_logged_and_one_without_either_is_absent(
    client, personas, city
):
    client.force_login(personas.frontline)
    url = reverse("communities:contact_new") + f"?community={city.youth.pk}"
    response = client.post(
        url,
        {
            "occurred_on": timezone.localdate(),
            "kind": Contact.Kind.VISIT,
            "summary": "Kennismaking met het nieuwe bestuur.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:detail", args=[city.youth.pk])
    assert list(Contact.objects.get().communities.all()) == [city.youth]
    assert client.get(reverse("communities:contact_new")).status_code == 404
