"""The purpose lock in communities: no free-text field takes a case consultation reference."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.communities import actions, plan_actions
from samen.communities.models import (
    Community,
    Contact,
    KeyFigure,
    Relationship,
    RelationshipChange,
    RestoreAction,
    RestorePlan,
)
from tests.communities.conftest import fields
from tests.communities.test_actions import contact

pytestmark = pytest.mark.django_db

REFERENCE = "LIVC-2026-K7QW3M"
TEXT = f"Besproken in het casusoverleg onder {REFERENCE}."


def _attempts(personas, city):
    """Every free-text field of the module, each given the reference, by its action."""
    worker = personas.frontline
    plan = plan_actions.restore_plan_create(
        by=worker, relationship=city.youth_mosque, title="Samen aan tafel", goal="Overleg."
    )
    deadline = timezone.localdate()
    return {
        ("community", "name"): lambda: actions.community_create(
            by=worker, fields=fields(personas.borgerhout, name=f"Jeugd {REFERENCE}")
        ),
        ("community", "activities"): lambda: actions.community_update(
            by=worker, community=city.youth, fields=fields(personas.borgerhout, activities=TEXT)
        ),
        ("key figure", "name"): lambda: actions.key_figure_add(
            by=worker, community=city.youth, name=f"Sara {REFERENCE}", role="spokesperson"
        ),
        ("key figure", "contact_channel"): lambda: actions.key_figure_add(
            by=worker,
            community=city.youth,
            name="Sara Peeters",
            role="spokesperson",
            contact_channel="zie https://samen.antwerpen.be/cases/4/",
        ),
        ("relationship", "reason"): lambda: actions.relationship_create(
            by=worker, community=city.youth, other=None, state="active", strength=3, reason=TEXT
        ),
        ("state change", "reason"): lambda: actions.relationship_change_state(
            by=worker, relationship=city.youth_mosque, state="weakened", reason=TEXT
        ),
        ("contact", "summary"): lambda: actions.contact_log(
            by=worker, fields=contact(city, summary=TEXT)
        ),
        ("contact", "next_step"): lambda: actions.contact_log(
            by=worker, fields=contact(city, next_step=TEXT)
        ),
        ("contact", "reason"): lambda: actions.contact_log(
            by=worker, fields=contact(city, new_state="broken", reason=TEXT)
        ),
        ("restore plan", "title"): lambda: plan_actions.restore_plan_create(
            by=worker, relationship=city.youth_club, title=REFERENCE, goal="Overleg."
        ),
        ("restore plan", "goal"): lambda: plan_actions.restore_plan_create(
            by=worker, relationship=city.youth_club, title="Samen", goal=TEXT
        ),
        ("restore action", "description"): lambda: plan_actions.restore_action_add(
            by=worker, plan=plan, description=TEXT, owner=worker, deadline=deadline
        ),
    }


def _stored():
    return (
        Community.objects.count(),
        list(Community.objects.values_list("activities", flat=True)),
        KeyFigure.objects.count(),
        Relationship.objects.count(),
        RelationshipChange.objects.count(),
        Contact.objects.count(),
        RestorePlan.objects.count(),
        RestoreAction.objects.count(),
    )


def test_every_free_text_field_refuses_a_case_reference_and_stores_nothing(personas, city):
    attempts = _attempts(personas, city)
    before = _stored()
    for (thing, field), attempt in attempts.items():
        with pytest.raises(ValidationError) as error:
            attempt()
        messages = error.value.message_dict.get(field, [])
        assert any("case consultation" in m for m in messages), (thing, field, messages)
    assert _stored() == before


def test_the_key_figure_form_shows_the_message_at_the_field(client, personas, city):
    client.force_login(personas.frontline)
    url = reverse("communities:key_figure_add", args=[city.youth.pk])
    response = client.post(
        url,
        {"name": "Sara Peeters", "role": "spokesperson", "contact_channel": f"dossier {REFERENCE}"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    [message] = response.context["key_figure_form"].errors["contact_channel"]
    assert "casusoverleg mag alleen daar gebruikt worden" in message
    assert not KeyFigure.objects.exists()


def test_a_key_figure_may_still_be_reached_by_phone(personas, city):
    """The purpose lock is not the personal-data guard: a key figure's channel is a number."""
    figure = actions.key_figure_add(
        by=personas.frontline,
        community=city.youth,
        name="Sara Peeters",
        role="spokesperson",
        contact_channel="0470 12 34 56",
    )
    assert figure.contact_channel == "0470 12 34 56"
