"""Restore plans: actions with owners and deadlines, plans that fall behind, signal follow-ups."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.communities import plan_actions
from samen.communities.models import RestorePlan
from samen.core.follow_ups import reference_url, starts_for
from samen.signals.actions import signal_record, signal_review
from samen.signals.models import FollowUp, Signal
from tests.signals.conftest import fields as signal_fields

pytestmark = pytest.mark.django_db


def open_plan(by, relationship, **overrides):
    values = {"title": "Opnieuw samen aan tafel", "goal": "Maandelijks overleg."} | overrides
    return plan_actions.restore_plan_create(by=by, relationship=relationship, **values)


def behind(plan) -> bool:
    return RestorePlan.objects.with_behind().get(pk=plan.pk).behind


def test_a_plan_falls_behind_when_an_action_passes_its_deadline(personas, city):
    plan = open_plan(personas.coordinator, city.youth_mosque)
    today = timezone.localdate()
    step = plan_actions.restore_action_add(
        by=personas.coordinator,
        plan=plan,
        description="Gesprek met beide besturen",
        owner=personas.frontline,
        deadline=today + datetime.timedelta(days=7),
    )
    assert not behind(plan) and not step.is_overdue()
    with time_machine.travel(today + datetime.timedelta(days=10), tick=False):
        assert behind(plan)
        assert step.is_overdue()
        plan_actions.restore_action_done(by=personas.frontline, step=step)
        assert not behind(plan)


def test_a_closed_plan_is_never_behind_and_takes_no_more_actions(personas, city):
    plan = open_plan(personas.coordinator, city.youth_mosque)
    plan_actions.restore_plan_close(by=personas.coordinator, plan=plan, status="restored")
    assert not behind(plan)
    with pytest.raises(ValidationError, match="closed"):
        plan_actions.restore_action_add(
            by=personas.coordinator,
            plan=plan,
            description="Nog iets",
            owner=personas.frontline,
            deadline=timezone.localdate(),
        )


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"description": ""}, "description"),
        ({"deadline": datetime.date(2000, 1, 1)}, "deadline"),
        ({"owner": "partner"}, "owner"),
        ({"owner": "other_frontline"}, "owner"),
    ],
)
def test_bad_actions_are_refused_and_nothing_is_added(personas, city, override, field):
    plan = open_plan(personas.coordinator, city.youth_mosque)
    values = {
        "description": "Gesprek",
        "owner": personas.frontline,
        "deadline": timezone.localdate(),
    } | override
    if isinstance(values["owner"], str):
        values["owner"] = getattr(personas, values["owner"])
    with pytest.raises(ValidationError) as caught:
        plan_actions.restore_action_add(by=personas.coordinator, plan=plan, **values)
    assert field in caught.value.message_dict
    assert not plan.actions.exists()


def test_one_open_plan_per_relationship(personas, city):
    open_plan(personas.coordinator, city.youth_mosque)
    with pytest.raises(ValidationError, match="already has an open restore plan"):
        open_plan(personas.coordinator, city.youth_mosque, title="Tweede")
    assert RestorePlan.objects.count() == 1


def test_an_analyst_cannot_open_a_plan(personas, city):
    with pytest.raises(PermissionDenied):
        open_plan(personas.analyst, city.youth_mosque)


@pytest.fixture
def reviewed_signal(personas):
    signal = signal_record(by=personas.frontline, fields=signal_fields(personas.borgerhout))
    return signal_review(by=personas.coordinator, signal=signal)


def test_a_plan_from_a_signal_is_its_follow_up(personas, city, reviewed_signal):
    plan = open_plan(personas.coordinator, city.youth_mosque, signal=reviewed_signal)
    follow_up = FollowUp.objects.get(signal=reviewed_signal)
    assert follow_up.kind == FollowUp.Kind.RESTORE_PLAN
    assert follow_up.reference == f"restore_plan:{plan.pk}"
    reviewed_signal.refresh_from_db()
    assert reviewed_signal.status == Signal.Status.FOLLOWED_UP
    # The signal's page links to the plan for those who may open it, and only for them.
    url = reverse("communities:restore_plan", args=[plan.pk])
    assert reference_url(personas.coordinator, follow_up.reference) == url
    assert reference_url(personas.other_frontline, follow_up.reference) is None


def test_a_signal_that_cannot_be_followed_up_rolls_the_plan_back(personas, city):
    new_signal = signal_record(by=personas.frontline, fields=signal_fields(personas.borgerhout))
    with pytest.raises(ValidationError, match="Review the signal"):
        open_plan(personas.coordinator, city.youth_mosque, signal=new_signal)
    assert not RestorePlan.objects.exists()
    assert not FollowUp.objects.exists()


def test_the_signal_page_offers_to_start_a_restore_plan(client, personas, reviewed_signal):
    starts = dict(starts_for(reviewed_signal, personas.coordinator))
    url = reverse("communities:restore_plan_new") + f"?signal={reviewed_signal.pk}"
    assert url in starts.values()
    client.force_login(personas.coordinator)
    page = client.get(reverse("signals:detail", args=[reviewed_signal.pk]))
    assert url.replace("&", "&amp;").encode() in page.content


def test_starting_a_plan_from_the_signal_page(client, personas, city, reviewed_signal):
    client.force_login(personas.coordinator)
    url = reverse("communities:restore_plan_new") + f"?signal={reviewed_signal.pk}"
    page = client.get(url)
    offered = set(page.context["form"].fields["relationship"].queryset)
    # Only the relationships of communities active in the signal's district are offered.
    assert offered == {city.youth_mosque, city.youth_club}
    response = client.post(
        url,
        {"relationship": city.youth_club.pk, "title": "Herstel", "goal": "Weer samen trainen."},
    )
    plan = RestorePlan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("communities:restore_plan", args=[plan.pk])
    assert plan.signal == reviewed_signal
    assert FollowUp.objects.get().reference == f"restore_plan:{plan.pk}"


def test_a_worker_who_may_not_triage_the_signal_is_refused(client, personas, reviewed_signal):
    url = reverse("communities:restore_plan_new") + f"?signal={reviewed_signal.pk}"
    client.force_login(personas.frontline)
    assert client.get(url).status_code == 403
    client.force_login(personas.other_frontline)
    assert client.get(url).status_code == 404  # may not see the signal at all
