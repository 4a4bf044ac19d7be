"""Every write to mediations: intake, assignment, parties, sessions, outcome, aftercare check.

Each action runs in one transaction with its audit records (samen.core.actions.action),
checks who may do it, and validates everything before its first write, so that bad input
changes nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.dates import add_months
from samen.core.errors import FieldErrors
from samen.core.follow_ups import record_follow_up
from samen.mediation.access import (
    MEDIATOR_ROLES,
    check_may_assign,
    check_may_take_intake,
    check_may_work_on,
)
from samen.mediation.models import Mediation, MediationCoordinator, Party, Session
from samen.notifications import notify
from samen.people.roles import Role
from samen.places.models import Place
from samen.privacy.case_references import case_reference_message, find_case_references

AFTERCARE_AFTER_MONTHS = 3
# What a mediation is to a signal it follows up, and the prefix of its reference there.
FOLLOW_UP_KIND = "mediation"
# A mediator closes with one of these; "lapsed" is the retention run's (Mediation.Outcome).
CLOSING_OUTCOMES = [o for o in Mediation.Outcome.values if o != Mediation.Outcome.LAPSED]
# A street name never needs a digit; a house number, box or postcode always has one.
_DIGIT = re.compile(r"\d")
# "Turnhoutsebaan 12", "Kroonstraat12", "Carnotstraat, 12", "nr. 14": an address to the door,
# in free text. Streets without one of these endings ("Meir 12") are not caught: a capital
# word and a number is too often something else ("Groep 2").
_HOUSE_NUMBER_IN_TEXT = re.compile(
    r"\b\w*(?:straat|laan|baan|plein|lei|weg|dreef|kaai|markt|rui|vest|hof|pad|dijk|singel|"
    r"plaats|ring|park|veld|berg)\s*,?\s*\d+\s*[a-z]?\b"
    r"|\b(?:nr|nummer|huisnummer|huisnr|n°|no|bus)\.?\s*\d+",
    re.IGNORECASE,
)


def check_street(street: str) -> None:
    """Refuse a house number, box or postcode: Samen keeps addresses to street level."""
    if _DIGIT.search(street):
        raise ValidationError(
            _(
                "Give the street name only, without a house number: “Turnhoutsebaan”, not "
                "“Turnhoutsebaan 12”. Samen keeps addresses to street level."
            ),
            code="house_number",
        )


def check_free_text(text: str) -> None:
    """Refuse a case reference, or an address to the door, in free text, quoting it so it can
    be taken out."""
    references = find_case_references(text)
    if references:
        raise ValidationError(case_reference_message(references), code="case_reference")
    found = [m.group(0).strip() for m in _HOUSE_NUMBER_IN_TEXT.finditer(text)]
    if found:
        raise ValidationError(
            _("Leave out house numbers; name the street only. Remove: %(found)s.")
            % {"found": ", ".join(f"“{f}”" for f in found)},
            code="house_number",
        )


@dataclass
class PartyFields:
    """One party as entered at intake or later; checked by `check_party`."""

    kind: str
    name: str
    contact: str = ""
    street: str = ""


def check_party(party: PartyFields) -> None:
    errors = FieldErrors()
    if party.kind not in Party.Kind.values:
        errors.add("kind", _("Choose a resident or a group."))
    if not party.name.strip():
        errors.add("name", _("Give the party's name."))
    if len(party.name) > 150 or len(party.contact) > 150 or len(party.street) > 120:
        errors.add("name", _("Keep names, contact and street short."))
    try:
        check_street(party.street)
    except ValidationError as error:
        errors.add("street", *error.messages)
    # An address to the door can hide in the name or the contact field too.
    for field in ("name", "contact"):
        try:
            check_free_text(getattr(party, field))
        except ValidationError as error:
            errors.add(field, *error.messages)
    errors.raise_if_any()


def _new_party(mediation: Mediation, party: PartyFields) -> Party:
    made = Party(
        mediation=mediation,
        kind=party.kind,
        name=party.name.strip(),
        contact=party.contact.strip(),
        street=party.street.strip(),
    )
    made.save()
    return made


def _check_place(district: Place, neighbourhood: Place | None) -> FieldErrors:
    errors = FieldErrors()
    if district.kind != Place.Kind.DISTRICT or not district.is_current:
        errors.add("district", _("Choose a current district."))
    elif neighbourhood is not None and neighbourhood.parent_id != district.pk:
        errors.add("neighbourhood", _("This neighbourhood does not lie in the chosen district."))
    return errors


def _check_text(field: str, text: str, limit: int, errors: FieldErrors) -> None:
    if len(text) > limit:
        errors.add(field, _("Keep this under %(limit)s characters.") % {"limit": f"{limit:,}"})
        return
    try:
        check_free_text(text)
    except ValidationError as error:
        errors.add(field, *error.messages)


@action
def mediation_open(
    *,
    by,
    kind: str,
    district: Place,
    neighbourhood: Place | None,
    description: str,
    parties: list[PartyFields],
    signal=None,
) -> Mediation:
    """Take the intake of a dispute; from a signal, record the follow-up on that signal."""
    check_may_take_intake(by, district.pk)
    errors = _check_place(district, neighbourhood)
    if kind not in Mediation.Kind.values:
        errors.add("kind", _("Choose the kind of conflict."))
    _check_text("description", description, 2000, errors)
    if not parties:
        errors.add("__all__", _("Name at least one party."))
    if signal is not None and signal.district_id != district.pk:
        errors.add(
            "district", _("A mediation that follows up a signal lies in the signal's district.")
        )
    errors.raise_if_any()
    for party in parties:
        check_party(party)
    now = timezone.now()
    mediation = Mediation(
        kind=kind,
        district=district,
        neighbourhood=neighbourhood,
        description=description.strip(),
        signal=signal,
        created_by=by,
        created_at=now,
        last_activity_at=now,
    )
    mediation.save()
    for party in parties:
        _new_party(mediation, party)
    if signal is not None:
        # In this same transaction: a refused follow-up (a closed signal) undoes the intake.
        record_follow_up(
            by=by,
            signal=signal,
            kind=FOLLOW_UP_KIND,
            reference=f"{FOLLOW_UP_KIND}:{mediation.pk}",
        )
    return mediation


def _check_open(mediation: Mediation) -> None:
    """Refuse a closed mediation, as the database has it now: the row stays locked until the
    action ends, so the retention run cannot close it (and empty it) halfway through."""
    mediation.refresh_from_db(
        fields=["status", "personal_data_removed_at"],
        from_queryset=Mediation.objects.select_for_update(),
    )
    if mediation.is_closed:
        raise ValidationError(_("This mediation is closed."))


def _record_activity(mediation: Mediation, *fields: str) -> None:
    """Save `fields` with the moment of this activity, which resets the retention's clock."""
    mediation.last_activity_at = timezone.now()
    mediation.save(update_fields=[*fields, "last_activity_at"])


@action
def party_add(*, by, mediation: Mediation, party: PartyFields) -> Party:
    check_may_work_on(by, mediation)
    _check_open(mediation)
    check_party(party)
    made = _new_party(mediation, party)
    _record_activity(mediation)
    return made


def _check_mediator(mediator) -> None:
    if not mediator.is_active or mediator.role not in MEDIATOR_ROLES:
        raise ValidationError(
            {"mediator": _("Choose an active frontline worker or district coordinator.")}
        )


@action
def mediation_assign(*, by, mediation: Mediation, mediator) -> Mediation:
    """Make `mediator` the mediation's mediator (again, when a mediator changes)."""
    check_may_assign(by, mediation)
    _check_open(mediation)
    _check_mediator(mediator)
    mediation.mediator = mediator
    mediation.assigned_by, mediation.assigned_at = by, timezone.now()
    if mediation.status == Mediation.Status.INTAKE:
        mediation.status = Mediation.Status.ASSIGNED
    _record_activity(mediation, "mediator", "assigned_by", "assigned_at", "status")
    if mediator != by:
        notify(
            "mediation.assigned",
            recipients=[mediator],
            url=reverse("mediation:detail", args=[mediation.pk]),
            key=f"mediation:{mediation.pk}:mediator:{mediator.pk}",
        )
    return mediation


@action
def session_record(
    *, by, mediation: Mediation, held_on: datetime.date, attended: list[Party], summary: str
) -> Session:
    """Record a session: its date, which parties came, and a summary."""
    check_may_work_on(by, mediation)
    _check_open(mediation)
    if mediation.mediator_id is None:
        raise ValidationError(_("Assign a mediator before recording sessions."))
    errors = FieldErrors()
    if held_on > timezone.localdate():
        errors.add("held_on", _("A session is recorded after it took place."))
    elif held_on < timezone.localtime(mediation.created_at).date():
        errors.add("held_on", _("This date lies before the intake."))
    if any(p.mediation_id != mediation.pk for p in attended):
        errors.add("attended", _("Choose among the parties of this mediation."))
    if not summary.strip():
        errors.add("summary", _("Write a short summary of the session."))
    _check_text("summary", summary, 4000, errors)
    errors.raise_if_any()
    session = Session(mediation=mediation, held_on=held_on, summary=summary.strip(), recorded_by=by)
    session.save()
    session.attended.set(attended)
    mediation.status = Mediation.Status.IN_SESSIONS
    _record_activity(mediation, "status")
    return session


@action
def mediation_close(*, by, mediation: Mediation, outcome: str, note: str = "") -> Mediation:
    """Close with an outcome; the aftercare check falls due three months later."""
    check_may_work_on(by, mediation)
    _check_open(mediation)
    errors = FieldErrors()
    if outcome not in CLOSING_OUTCOMES:
        errors.add("outcome", _("Choose the outcome."))
    _check_text("note", note, 2000, errors)
    errors.raise_if_any()
    now = timezone.now()
    mediation.status = Mediation.Status.CLOSED
    mediation.outcome, mediation.outcome_note = outcome, note.strip()
    mediation.closed_by, mediation.closed_at = by, now
    mediation.aftercare_due = add_months(timezone.localtime(now).date(), AFTERCARE_AFTER_MONTHS)
    mediation.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_note",
            "closed_by",
            "closed_at",
            "aftercare_due",
        ]
    )
    return mediation


def _check_state(mediation: Mediation) -> None:
    """Bring what decides on the aftercare check up to date from the database, and keep the
    row locked until the action ends: a retention run that removes the party data meanwhile
    either waits and then removes the note too, or went first and the note is refused."""
    mediation.refresh_from_db(
        fields=["status", "outcome", "aftercare_done_at", "personal_data_removed_at"],
        from_queryset=Mediation.objects.select_for_update(),
    )


@action
def aftercare_check_record(*, by, mediation: Mediation, result: str, note: str = "") -> Mediation:
    """Record the aftercare check of a closed mediation: does what was agreed hold?

    Once retention removed the party data, the check takes its result but no note. The
    result is one of the anonymous facts retention keeps for the outcome figures, and a
    coordinator clearing overdue checks expects to record it (often "the parties could not be
    reached": their contact details are gone); refusing it would leave the check overdue in
    the lists and on the mediator's home page for good. A note is free text about the parties
    written after their data went, which no later retention run would remove.
    """
    check_may_work_on(by, mediation)
    _check_state(mediation)
    if not mediation.is_closed:
        raise ValidationError(_("The aftercare check comes after the mediation is closed."))
    if mediation.lapsed:
        raise ValidationError(_("A mediation that lapsed without activity has no aftercare check."))
    if mediation.aftercare_done_at:
        raise ValidationError(_("The aftercare check is recorded already."))
    errors = FieldErrors()
    if result not in Mediation.AftercareResult.values:
        errors.add("result", _("Choose what the check found."))
    if mediation.personal_data_removed_at and note.strip():
        errors.add(
            "note",
            _(
                "The personal data of this mediation was removed at the end of its retention "
                "period, so the check takes no note: record only what it found."
            ),
        )
    else:
        _check_text("note", note, 2000, errors)
    errors.raise_if_any()
    mediation.aftercare_result, mediation.aftercare_note = result, note.strip()
    mediation.aftercare_done_by, mediation.aftercare_done_at = by, timezone.now()
    mediation.save(
        update_fields=[
            "aftercare_result",
            "aftercare_note",
            "aftercare_done_by",
            "aftercare_done_at",
        ]
    )
    return mediation


@action
def coordinator_designate(
    *, by, user, district: Place | None = None, since: datetime.date | None = None
) -> MediationCoordinator:
    """Give `user` the mediation-coordinator duty for `district` (None: the whole city)."""
    if by is not None and by.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    if not user.is_active or user.role not in MEDIATOR_ROLES:
        raise ValidationError(
            {
                "user": _(
                    "A mediation coordinator is an active frontline worker or district coordinator."
                )
            }
        )
    if district is not None and district.kind != Place.Kind.DISTRICT:
        raise ValidationError({"district": _("Choose a district, or none for the whole city.")})
    coordination = MediationCoordinator(
        user=user, district=district, since=since or timezone.localdate()
    )
    coordination.full_clean()
    coordination.save()
    return coordination


@action
def coordinator_end(*, by, coordination: MediationCoordinator) -> None:
    """End a mediation-coordinator duty; the audit trail keeps that it was held."""
    if by is not None and by.role != Role.ADMINISTRATOR:
        raise PermissionDenied
    coordination.delete()
