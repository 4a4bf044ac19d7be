"""The aftercare check: with a note while the party data is kept, without one once retention
removed it, so that the check brings no new personal data that no run would remove."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    aftercare_check_record,
    mediation_assign,
    mediation_close,
    session_record,
)
from samen.mediation.models import Mediation
from samen.mediation.retention import mediation_personal_data_purge

pytestmark = pytest.mark.django_db


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


# Three years of retention: closed before 1 August 2023, 04:00, the party data goes.
NOW = local(2026, 8, 1, 4, 0)
NOTE = "Griet zegt dat het stil blijft sinds de afspraken."
REFUSED = "the check takes no note"


def closed_unchecked(moment, people, open_mediation) -> Mediation:
    """A mediation with a session, closed at `moment` with an agreement, never checked."""
    with time_machine.travel(moment - datetime.timedelta(days=30), tick=False):
        mediation = open_mediation()
        mediation_assign(by=people.borgerhout_mc, mediation=mediation, mediator=people.mediator)
        session_record(
            by=people.mediator,
            mediation=mediation,
            held_on=timezone.localdate(),
            attended=list(mediation.parties.all()),
            summary="Gesprek met beide buren.",
        )
    with time_machine.travel(moment, tick=False):
        mediation_close(by=people.mediator, mediation=mediation, outcome="agreement")
    mediation.refresh_from_db()
    return mediation


@pytest.fixture
def removed(mediation_people, open_mediation) -> Mediation:
    """Closed before the cut-off, never checked, its party data removed by the run at NOW."""
    mediation = closed_unchecked(local(2023, 7, 31, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert mediation_personal_data_purge(by=None).closed.mediations == 1
    mediation.refresh_from_db()
    assert mediation.personal_data_removed_at == NOW
    return mediation


@pytest.fixture
def kept(mediation_people, open_mediation) -> Mediation:
    """Closed a month before NOW, never checked: its party data is kept."""
    return closed_unchecked(local(2026, 7, 1, 10, 0), mediation_people, open_mediation)


def check_state(mediation: Mediation) -> tuple:
    mediation.refresh_from_db()
    return (
        mediation.aftercare_result,
        mediation.aftercare_note,
        mediation.aftercare_done_by_id,
        mediation.aftercare_done_at,
    )


def mediation_records(mediation: Mediation) -> int:
    return AuditRecord.objects.get_for_object(mediation).count()


# --- The action ----------------------------------------------------------------------------------


def test_a_note_is_refused_once_the_party_data_is_removed_and_nothing_changes(
    mediation_people, removed
):
    before, records = check_state(removed), mediation_records(removed)
    with time_machine.travel(NOW, tick=False), pytest.raises(ValidationError) as refused:
        aftercare_check_record(
            by=mediation_people.mediator, mediation=removed, result="holds", note=NOTE
        )
    assert REFUSED in " ".join(refused.value.message_dict["note"])
    assert check_state(removed) == before == ("", "", None, None)
    assert mediation_records(removed) == records


def test_a_mediation_loaded_before_the_purge_is_checked_as_the_database_has_it(
    mediation_people, open_mediation
):
    stale = closed_unchecked(local(2023, 7, 31, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        mediation_personal_data_purge(by=None)
        assert stale.personal_data_removed_at is None  # the page was opened before the run
        with pytest.raises(ValidationError, match=REFUSED):
            aftercare_check_record(
                by=mediation_people.mediator, mediation=stale, result="holds", note=NOTE
            )
    assert check_state(stale) == ("", "", None, None)


def test_the_result_alone_is_still_recorded_after_the_removal(mediation_people, removed):
    coordinator = mediation_people.borgerhout_mc
    with time_machine.travel(NOW, tick=False):
        aftercare_check_record(by=coordinator, mediation=removed, result="unreachable", note="  ")
    assert check_state(removed) == ("unreachable", "", coordinator.pk, NOW)
    assert removed.aftercare_state == "done"


def test_before_the_removal_the_check_takes_its_note(mediation_people, kept):
    with time_machine.travel(NOW, tick=False):
        aftercare_check_record(
            by=mediation_people.mediator, mediation=kept, result="holds", note=NOTE
        )
    assert check_state(kept) == ("holds", NOTE, mediation_people.mediator.pk, NOW)


# --- The page ------------------------------------------------------------------------------------


def page(client, person, mediation):
    client.force_login(person)
    with time_machine.travel(NOW, tick=False):
        return client.get(
            reverse("mediation:detail", args=[mediation.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )


def post_check(client, person, mediation, **data):
    client.force_login(person)
    with time_machine.travel(NOW, tick=False):
        return client.post(
            reverse("mediation:aftercare_check", args=[mediation.pk]),
            data,
            HTTP_ACCEPT_LANGUAGE="en",
        )


def test_the_page_offers_the_check_without_a_note_once_the_data_is_removed(
    client, mediation_people, removed
):
    for person in (mediation_people.mediator, mediation_people.borgerhout_mc):
        response = page(client, person, removed)
        assert response.status_code == 200
        form = response.context["check_form"]
        assert list(form.fields) == ["result"]
        assert reverse("mediation:aftercare_check", args=[removed.pk]) in response.text
        assert 'name="result"' in response.text and 'name="note"' not in response.text
        assert "record only what the check found, without a note" in response.text


def test_a_note_posted_anyway_is_refused_beside_its_field_and_changes_nothing(
    client, mediation_people, removed
):
    response = post_check(client, mediation_people.mediator, removed, result="holds", note=NOTE)
    assert response.status_code == 400
    assert REFUSED in " ".join(response.context["check_form"].errors["note"])
    assert check_state(removed) == ("", "", None, None)


def test_the_result_alone_is_recorded_from_the_page(client, mediation_people, removed):
    response = post_check(client, mediation_people.mediator, removed, result="unreachable")
    assert response.status_code == 302
    assert check_state(removed)[:2] == ("unreachable", "")
    assert "check_form" not in page(client, mediation_people.mediator, removed).context


def test_the_page_still_offers_the_note_while_the_data_is_kept(client, mediation_people, kept):
    response = page(client, mediation_people.mediator, kept)
    assert list(response.context["check_form"].fields) == ["result", "note"]
    assert 'name="note"' in response.text and "without a note" not in response.text
    response = post_check(client, mediation_people.mediator, kept, result="holds", note=NOTE)
    assert response.status_code == 302
    assert check_state(kept)[:2] == ("holds", NOTE)


def test_the_page_says_it_in_dutch_and_french(client, mediation_people, removed):
    client.force_login(mediation_people.mediator)
    url = reverse("mediation:detail", args=[removed.pk])
    assert "zonder notitie" in client.get(url, HTTP_ACCEPT_LANGUAGE="nl").text
    assert "sans note" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").text
