"""The purpose lock in mediation: no free-text field takes a case consultation reference."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.mediation import actions
from samen.mediation.actions import PartyFields
from samen.mediation.models import Mediation, Party, Session
from tests.mediation.conftest import RESIDENT, STREET, parties
from tests.mediation.test_views import intake

pytestmark = pytest.mark.django_db

REFERENCE = "LIVC-2026-K7QW3M"
TEXT = f"Een van de partijen is bekend in het casusoverleg ({REFERENCE.lower()})."


def _refused(field: str, attempt) -> None:
    with pytest.raises(ValidationError) as error:
        attempt()
    messages = error.value.message_dict.get(field, [])
    assert any("case consultation" in m for m in messages), (field, error.value.message_dict)


def test_the_intake_refuses_a_case_reference_in_every_field(personas, open_mediation):
    party = PartyFields(kind="resident", name=RESIDENT, street=STREET)
    _refused("description", lambda: open_mediation(description=TEXT))
    for field, value in [("name", f"Griet {REFERENCE}"), ("contact", "zie /cases/12/")]:
        given = PartyFields(**{**party.__dict__, field: value})
        _refused(field, lambda given=given: open_mediation(parties=[given, *parties()[1:]]))
    assert not Mediation.objects.exists() and not Party.objects.exists()


def test_sessions_outcomes_checks_and_new_parties_refuse_it(personas, mediation_people, assigned):
    mediator = mediation_people.mediator
    _refused(
        "name",
        lambda: actions.party_add(
            by=mediator, mediation=assigned, party=PartyFields(kind="group", name=TEXT)
        ),
    )
    _refused(
        "summary",
        lambda: actions.session_record(
            by=mediator,
            mediation=assigned,
            held_on=timezone.localdate(),
            attended=[],
            summary=TEXT,
        ),
    )
    _refused(
        "note",
        lambda: actions.mediation_close(
            by=mediator, mediation=assigned, outcome="agreement", note=TEXT
        ),
    )
    actions.mediation_close(by=mediator, mediation=assigned, outcome="agreement")
    _refused(
        "note",
        lambda: actions.aftercare_check_record(
            by=mediator, mediation=assigned, result="holds", note=TEXT
        ),
    )
    assigned.refresh_from_db()
    assert assigned.parties.count() == 2 and not Session.objects.exists()
    assert assigned.outcome_note == "" and assigned.aftercare_done_at is None


def test_the_intake_form_shows_the_message_at_the_field(client, personas):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("mediation:new"),
        intake(personas, description=TEXT, **{"party2-contact": f"dossier {REFERENCE}"}),
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    [description] = response.context["form"].errors["description"]
    [contact] = response.context["parties"][1].errors["contact"]
    for message in (description, contact):
        assert "casusoverleg mag alleen daar gebruikt worden" in message
    assert not Mediation.objects.exists()
