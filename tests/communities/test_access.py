"""Who gets which page: every view of the module, for every persona."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.communities.actions import key_figure_add
from samen.communities.plan_actions import restore_action_add, restore_plan_create
from tests.conftest import get_as, without_tokens

pytestmark = pytest.mark.django_db

SEES = {
    "admin": {"youth", "mosque", "club", "school"},
    "analyst": {"youth", "mosque", "club", "school"},
    "coordinator": {"youth", "mosque", "school"},
    "frontline": {"youth", "mosque", "school"},
    "other_frontline": {"club", "school"},
    "prevention": set(),
    "partner": set(),
    "dpo": set(),
}
SEES_RELATIONSHIPS = {
    "admin": {"youth_mosque", "youth_club", "club_city"},
    "analyst": {"youth_mosque", "youth_club", "club_city"},
    "coordinator": {"youth_mosque", "youth_club"},
    "frontline": {"youth_mosque", "youth_club"},
    "other_frontline": {"youth_club", "club_city"},
    "prevention": set(),
    "partner": set(),
    "dpo": set(),
}
EDITS = {"admin", "coordinator", "frontline", "other_frontline"}
OUTSIDERS = {"prevention", "partner", "dpo"}


@pytest.mark.parametrize("who", sorted(SEES))
def test_the_list_and_the_pages_follow_one_rule(client, personas, city, who):
    person = getattr(personas, who)
    response = get_as(client, person, reverse("communities:list"))
    if who in OUTSIDERS:
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        listed = {c.pk for c in response.context["page"]}
        assert listed == {c.pk for n, c in city.community_names().items() if n in SEES[who]}
    for name, community in city.community_names().items():
        detail = client.get(reverse("communities:detail", args=[community.pk]))
        assert detail.status_code == (200 if name in SEES[who] else 404), (who, name)


@pytest.mark.parametrize("who", sorted(SEES))
def test_relationship_pages_follow_the_same_rule(client, personas, city, who):
    client.force_login(getattr(personas, who))
    for name in ("youth_mosque", "youth_club", "club_city"):
        relationship = getattr(city, name)
        response = client.get(reverse("communities:relationship", args=[relationship.pk]))
        expected = 200 if name in SEES_RELATIONSHIPS[who] else 404
        assert response.status_code == expected, (who, name)


@pytest.mark.parametrize("who", sorted(SEES))
def test_forms_are_for_those_who_change_things(client, personas, city, who):
    client.force_login(getattr(personas, who))
    youth, rel = city.youth, city.youth_mosque
    pages = {
        "edit": reverse("communities:edit", args=[youth.pk]),
        "relationship_new": reverse("communities:relationship_new") + f"?community={youth.pk}",
        "contact_new": reverse("communities:contact_new") + f"?relationship={rel.pk}",
        "plan_new": reverse("communities:restore_plan_new") + f"?relationship={rel.pk}",
    }
    for page, url in pages.items():
        status = client.get(url).status_code
        if who in ("admin", "coordinator", "frontline"):
            assert status == 200, (who, page)
        elif who == "analyst":
            assert status == 403, (who, page)  # sees it, may not change it
        else:
            assert status == 404, (who, page)  # may not know it exists


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("coordinator", 200),
        ("frontline", 200),
        ("prevention", 403),
        ("partner", 403),
        ("dpo", 403),
    ],
)
def test_module_pages_by_role(client, personas, city, who, status):
    person = getattr(personas, who)
    for name in ("communities:network", "communities:restore_plans"):
        assert get_as(client, person, reverse(name)).status_code == status, name
    new = get_as(client, person, reverse("communities:new")).status_code
    assert new == (403 if who == "analyst" else status)


def test_a_restore_plan_is_seen_with_its_relationship(client, personas, city):
    plan = restore_plan_create(
        by=personas.coordinator,
        relationship=city.youth_mosque,
        title="Opnieuw samen aan tafel",
        goal="Maandelijks overleg.",
    )
    url = reverse("communities:restore_plan", args=[plan.pk])
    for who, status in [
        ("coordinator", 200),
        ("analyst", 200),
        ("other_frontline", 404),
        ("partner", 404),
    ]:
        assert get_as(client, getattr(personas, who), url).status_code == status, who


def test_anonymous_visitors_are_sent_to_sign_in(client, city):
    urls = [
        reverse("communities:list"),
        reverse("communities:new"),
        reverse("communities:network"),
        reverse("communities:restore_plans"),
        reverse("communities:restore_plan_new"),
        reverse("communities:detail", args=[city.youth.pk]),
        reverse("communities:edit", args=[city.youth.pk]),
        reverse("communities:relationship", args=[city.youth_mosque.pk]),
        reverse("communities:relationship_new") + f"?community={city.youth.pk}",
        reverse("communities:contact_new") + f"?community={city.youth.pk}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login"))
    posts = [
        reverse("communities:key_figure_add", args=[city.youth.pk]),
        reverse("communities:relationship_change_state", args=[city.youth_mosque.pk]),
    ]
    for url in posts:
        assert client.post(url).status_code == 302


def test_absent_and_forbidden_communities_look_the_same(client, personas, city):
    client.force_login(personas.frontline)
    forbidden = client.get(reverse("communities:detail", args=[city.club.pk]))
    absent = client.get(reverse("communities:detail", args=[999999]))
    assert forbidden.status_code == absent.status_code == 404
    page = forbidden.content.replace(f"/communities/{city.club.pk}/".encode(), b"/X/")
    assert without_tokens(page) == without_tokens(
        absent.content.replace(b"/communities/999999/", b"/X/")
    )


def test_outsiders_cannot_write_through_the_post_urls(client, personas, city):
    client.force_login(personas.other_frontline)
    response = client.post(
        reverse("communities:relationship_change_state", args=[city.youth_mosque.pk]),
        {"state": "broken", "strength": "1", "reason": "x", "changed_on": "2020-01-01"},
    )
    assert response.status_code == 404
    client.force_login(personas.analyst)
    response = client.post(
        reverse("communities:key_figure_add", args=[city.youth.pk]),
        {"name": "Fatima El Idrissi", "role": "spokesperson"},
    )
    assert response.status_code == 403
    assert not city.youth.key_figures.exists()
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "active"


@pytest.fixture
def plan_with_step(personas, city):
    plan = restore_plan_create(
        by=personas.coordinator, relationship=city.youth_mosque, title="Herstel", goal="Overleg."
    )
    step = restore_action_add(
        by=personas.coordinator,
        plan=plan,
        description="Gesprek",
        owner=personas.frontline,
        deadline=timezone.localdate(),
    )
    figure = key_figure_add(
        by=personas.coordinator, community=city.youth, name="Sara Peeters", role="contact"
    )
    return plan, step, figure


def writes(city, plan, step, figure):
    """Every POST of the module that acts on an existing record, with a valid body."""
    today = timezone.localdate().isoformat()
    return {
        "key_figure_remove": (
            reverse("communities:key_figure_remove", args=[city.youth.pk, figure.pk]),
            {},
        ),
        "restore_action_add": (
            reverse("communities:restore_action_add", args=[plan.pk]),
            {"description": "Nog een gesprek", "owner": step.owner_id, "deadline": today},
        ),
        "restore_action_done": (
            reverse("communities:restore_action_done", args=[plan.pk, step.pk]),
            {},
        ),
        "restore_plan_close": (
            reverse("communities:restore_plan_close", args=[plan.pk]),
            {"status": "stopped"},
        ),
        "relationship_change_state": (
            reverse("communities:relationship_change_state", args=[city.youth_mosque.pk]),
            {"state": "broken", "strength": "1", "reason": "Ruzie.", "changed_on": today},
        ),
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("partner", 404), ("dpo", 404), ("other_frontline", 404), ("analyst", 403)],
)
def test_writes_are_refused_to_outsiders_and_change_nothing(
    client, personas, city, plan_with_step, who, status
):
    plan, step, figure = plan_with_step
    client.logout()
    if who:
        client.force_login(getattr(personas, who))
    before = AuditRecord.objects.count()
    for name, (url, data) in writes(city, plan, step, figure).items():
        assert client.post(url, data).status_code == status, name
    assert AuditRecord.objects.count() == before
    step.refresh_from_db()
    plan.refresh_from_db()
    assert step.done_on is None and plan.status == "open" and plan.actions.count() == 1
    assert city.youth.key_figures.count() == 1


def test_the_same_writes_work_for_the_district_coordinator(client, personas, city, plan_with_step):
    plan, step, figure = plan_with_step
    client.force_login(personas.coordinator)
    for name, (url, data) in writes(city, plan, step, figure).items():
        assert client.post(url, data).status_code == 302, name
    plan.refresh_from_db()
    assert plan.status == "stopped" and plan.actions.count() == 2
