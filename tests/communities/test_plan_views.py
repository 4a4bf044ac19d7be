"""The restore-plan pages (samen/communities/plan_views.py)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from samen.communities.models import RestorePlan


def open_plan(client, who, relationship):
    client.force_login(who)
    url = reverse("communities:restore_plan_new") + f"?relationship={relationship.pk}"
    return client.get(url).status_code, client.post(
        url,
        {"relationship": relationship.pk, "title": "Weer samen", "goal": "Maandelijks overleg."},
    )


def test_a_plan_is_opened_given_steps_and_closed_through_the_pages(client, personas, city):
    shown, response = open_plan(client, personas.frontline, city.youth_mosque)
    plan = RestorePlan.objects.get(relationship=city.youth_mosque)
    assert shown == 200
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:restore_plan", args=[plan.pk])

    deadline = timezone.localdate() + datetime.timedelta(days=14)
    added = client.post(
        reverse("communities:restore_action_add", args=[plan.pk]),
        {"description": "Gesprek plannen", "owner": personas.frontline.pk, "deadline": deadline},
    )
    assert added.status_code == 302
    step = plan.actions.get()
    done = client.post(reverse("communities:restore_action_done", args=[plan.pk, step.pk]))
    assert done.status_code == 302
    step.refresh_from_db()
    assert step.done_on == timezone.localdate()

    closed = client.post(
        reverse("communities:restore_plan_close", args=[plan.pk]), {"status": "restored"}
    )
    assert closed.status_code == 302
    plan.refresh_from_db()
    assert plan.status == RestorePlan.Status.RESTORED


def test_an_incomplete_step_is_explained_and_adds_nothing(client, personas, city):
    open_plan(client, personas.frontline, city.youth_mosque)
    plan = RestorePlan.objects.get(relationship=city.youth_mosque)
    response = client.post(reverse("communities:restore_action_add", args=[plan.pk]), {})
    assert response.status_code == 400
    assert not plan.actions.exists()


def test_an_outsider_opens_no_plan_and_closes_none(client, personas, city):
    shown, response = open_plan(client, personas.partner, city.youth_mosque)
    assert shown == 404
    assert response.status_code == 404
    assert not RestorePlan.objects.exists()
    open_plan(client, personas.frontline, city.youth_mosque)
    plan = RestorePlan.objects.get()
    client.force_login(personas.partner)
    close_url = reverse("communities:restore_plan_close", args=[plan.pk])
    assert client.post(close_url, {"status": "stopped"}).status_code in (403, 404)
    plan.refresh_from_db()
    assert plan.status == RestorePlan.Status.OPEN
