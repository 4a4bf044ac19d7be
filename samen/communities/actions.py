"""Every write to communities, key figures, relationships and contacts.

Each action checks who acts and validates everything before its first write, inside the
transaction of `samen.core.actions.action`, so bad input changes nothing and the audit
records commit with the change. Restore plans are in `plan_actions`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.communities.access import (
    EDIT_ALL_ROLES,
    check_may_add_community,
    check_may_edit_community,
    check_may_edit_relationship,
    editable_communities,
    visible_communities,
)
from samen.communities.models import (
    Community,
    Contact,
    KeyFigure,
    Language,
    Relationship,
    RelationshipChange,
    State,
    Theme,
)
from samen.communities.search import search_text_for
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.places.models import Place
from samen.privacy.case_references import check_no_case_reference
from samen.privacy.text_guard import check_text

OLDEST = datetime.timedelta(days=366 * 5)


@dataclass
class CommunityFields:
    name: str
    kind: str
    district: Place
    places: list[Place] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    activities: str = ""
    organisation: object | None = None
    is_active: bool = True

    @classmethod
    def from_data(cls, data: dict) -> CommunityFields:
        return cls(
            name=data["name"],
            kind=data["kind"],
            district=data["district"],
            places=list(data.get("places") or []),
            languages=list(data.get("languages") or []),
            themes=list(data.get("themes") or []),
            activities=data.get("activities") or "",
            organisation=data.get("organisation"),
            is_active=data.get("is_active", True),
        )


def check_community(by, fields: CommunityFields) -> None:
    problems = FieldErrors()
    if not fields.name.strip():
        problems.add("name", _("Give the community a name."))
    elif len(fields.name) > 200:
        problems.add("name", _("Keep the name under 200 characters."))
    if fields.kind not in Community.Kind.values:
        problems.add("kind", _("Choose what kind of community it is."))
    if fields.district.kind != Place.Kind.DISTRICT or not fields.district.is_current:
        problems.add("district", _("Choose a current district."))
    if any(p.kind == Place.Kind.CITY for p in fields.places):
        problems.add("places", _("Choose districts or neighbourhoods, not the whole city."))
    if len(fields.activities) > 500:
        problems.add("activities", _("Keep the description under 500 characters."))
    if by.role not in EDIT_ALL_ROLES:
        # A district worker may not put a community out of their own reach.
        home = by.home_district_id
        neighbourhoods = {p.parent_id for p in fields.places} | {p.pk for p in fields.places}
        if fields.district.pk != home and home not in neighbourhoods:
            problems.add(
                "district",
                _("The community must be based or active in your own district."),
            )
    problems.raise_if_any()
    check_no_case_reference("name", fields.name)
    check_text("activities", fields.activities)


def _store(community: Community, fields: CommunityFields) -> Community:
    community.name = fields.name.strip()
    community.kind = fields.kind
    community.district = fields.district
    community.activities = fields.activities.strip()
    community.organisation = fields.organisation
    community.is_active = fields.is_active
    community.save()
    community.places.set(fields.places)
    community.languages.set(fields.languages)
    community.themes.set(fields.themes)
    refresh_search_text(community)
    return community


def refresh_search_text(community: Community) -> None:
    text = search_text_for(community)
    Community.objects.filter(pk=community.pk).update(search_text=text)
    community.search_text = text


@action
def community_create(*, by, fields: CommunityFields) -> Community:
    """Add a community or organisation the city works with."""
    check_may_add_community(by)
    check_community(by, fields)
    return _store(Community(), fields)


@action
def community_update(*, by, community: Community, fields: CommunityFields) -> Community:
    check_may_edit_community(by, community)
    check_community(by, fields)
    return _store(community, fields)


@action
def key_figure_add(
    *, by, community: Community, name: str, role: str, contact_channel: str = ""
) -> KeyFigure:
    """Record a key figure by name, role with the city and contact channel: nothing more."""
    check_may_edit_community(by, community)
    problems = FieldErrors()
    name, contact_channel = name.strip(), contact_channel.strip()
    if not name:
        problems.add("name", _("Give the key figure's name."))
    elif len(name) > 120:
        problems.add("name", _("Keep the name under 120 characters."))
    if role not in KeyFigure.Role.values:
        problems.add("role", _("Choose what they do with the city."))
    if len(contact_channel) > 120:
        problems.add("contact_channel", _("Keep the contact channel under 120 characters."))
    problems.raise_if_any()
    # A key figure is named and reachable on purpose, so only the purpose lock applies.
    check_no_case_reference("name", name)
    check_no_case_reference("contact_channel", contact_channel)
    figure = KeyFigure(community=community, name=name, role=role, contact_channel=contact_channel)
    figure.save()
    refresh_search_text(community)
    return figure


@action
def key_figure_remove(*, by, figure: KeyFigure) -> None:
    """Remove a key figure who no longer works with the city (minimisation: keep no one idle)."""
    check_may_edit_community(by, figure.community)
    community = figure.community
    figure.delete()
    refresh_search_text(community)


def _check_change(
    problems: FieldErrors, *, state: str, strength: int, reason: str, on: datetime.date
) -> None:
    if state not in State.values:
        problems.add("state", _("Choose a state: active, weakened, lapsed or broken."))
    if not isinstance(strength, int) or not 1 <= strength <= 5:
        problems.add("strength", _("Strength goes from 1 (very weak) to 5 (very strong)."))
    if not reason.strip():
        problems.add("reason", _("Say why: what happened, on what the judgement rests."))
    elif len(reason) > 500:
        problems.add("reason", _("Keep the reason under 500 characters."))
    today = timezone.localdate()
    if on > today:
        problems.add("changed_on", _("A change cannot be dated in the future."))
    elif on < today - OLDEST:
        problems.add("changed_on", _("This is more than five years ago."))


@action
def relationship_create(
    *,
    by,
    community: Community,
    other: Community | None,
    state: str,
    strength: int,
    reason: str,
    on: datetime.date | None = None,
) -> Relationship:
    """Record a relationship between two communities, or (other=None) with the city."""
    on = on or timezone.localdate()
    mine = editable_communities(Community.objects.all(), by)
    seen = visible_communities(Community.objects.all(), by)
    if not mine.filter(pk=community.pk).exists() and not (
        other is not None and mine.filter(pk=other.pk).exists()
    ):
        raise PermissionDenied
    problems = FieldErrors()
    if other is not None and not seen.filter(pk=other.pk).exists():
        problems.add("other", _("Choose a community you can see."))
    if other is not None and other.pk == community.pk:
        problems.add("other", _("A community cannot have a relationship with itself."))
    _check_change(problems, state=state, strength=strength, reason=reason, on=on)
    if other is not None and other.pk < community.pk:
        community, other = other, community
    if not problems and Relationship.objects.filter(community=community, other=other):
        problems.add("other", _("This relationship is already recorded: change its state there."))
    problems.raise_if_any()
    check_text("reason", reason)
    relationship = Relationship(
        community=community,
        other=other,
        state=state,
        strength=strength,
        changed_on=on,
        created_by=by,
    )
    relationship.save()
    RelationshipChange(
        relationship=relationship,
        to_state=state,
        to_strength=strength,
        reason=reason.strip(),
        changed_on=on,
        changed_by=by,
    ).save()
    return relationship


def _change(
    *, by, relationship: Relationship, state: str, strength: int, reason: str, on, contact=None
) -> RelationshipChange:
    if state == relationship.state and strength == relationship.strength:
        raise ValidationError({"state": _("Nothing changes: choose another state or strength.")})
    if on < relationship.changed_on:
        raise ValidationError(
            {"changed_on": _("The relationship changed later than this already.")}
        )
    change = RelationshipChange(
        relationship=relationship,
        from_state=relationship.state,
        to_state=state,
        from_strength=relationship.strength,
        to_strength=strength,
        reason=reason.strip(),
        changed_on=on,
        contact=contact,
        changed_by=by,
    )
    change.save()
    relationship.state, relationship.strength, relationship.changed_on = state, strength, on
    relationship.save(update_fields=["state", "strength", "changed_on"])
    return change


@action
def relationship_change_state(
    *,
    by,
    relationship: Relationship,
    state: str,
    reason: str,
    strength: int | None = None,
    on: datetime.date | None = None,
) -> RelationshipChange:
    """Change a relationship's state (and strength), keeping the step in its history."""
    check_may_edit_relationship(by, relationship)
    on = on or timezone.localdate()
    strength = relationship.strength if strength is None else strength
    problems = FieldErrors()
    _check_change(problems, state=state, strength=strength, reason=reason, on=on)
    problems.raise_if_any()
    check_text("reason", reason)
    return _change(
        by=by, relationship=relationship, state=state, strength=strength, reason=reason, on=on
    )


@dataclass
class ContactFields:
    occurred_on: datetime.date
    kind: str
    summary: str
    communities: list[Community]
    staff: list = field(default_factory=list)
    relationship: Relationship | None = None
    next_step: str = ""
    next_step_by: datetime.date | None = None
    new_state: str = ""
    new_strength: int | None = None
    reason: str = ""


def _check_contact(by, fields: ContactFields) -> list[Community]:
    problems = FieldErrors()
    today = timezone.localdate()
    if fields.occurred_on > today:
        problems.add("occurred_on", _("A contact cannot take place in the future."))
    elif fields.occurred_on < today - OLDEST:
        problems.add("occurred_on", _("This is more than five years ago."))
    if fields.kind not in Contact.Kind.values:
        problems.add("kind", _("Choose what kind of contact it was."))
    if not fields.summary.strip():
        problems.add("summary", _("Say briefly what was discussed."))
    elif len(fields.summary) > 1000:
        problems.add("summary", _("Keep the summary under 1,000 characters."))
    if len(fields.next_step) > 500:
        problems.add("next_step", _("Keep the next step under 500 characters."))
    if fields.next_step_by and fields.next_step_by < fields.occurred_on:
        problems.add("next_step_by", _("The next step comes after the contact."))
    communities = {c.pk: c for c in fields.communities}
    rel = fields.relationship
    if rel is not None:
        communities[rel.community_id] = rel.community
        if rel.other_id:
            communities[rel.other_id] = rel.other
    if not communities:
        problems.add("communities", _("Choose at least one community."))
    elif not editable_communities(Community.objects.filter(pk__in=communities), by).exists():
        problems.add("communities", _("At least one community must be one you work with."))
    if any(not person.is_active for person in fields.staff):
        problems.add("staff", _("Choose active staff members only."))
    if fields.new_state or fields.new_strength:
        if rel is None:
            problems.add("relationship", _("Choose the relationship whose state changes."))
        else:
            _check_change(
                problems,
                state=fields.new_state or rel.state,
                strength=fields.new_strength or rel.strength,
                reason=fields.reason,
                on=fields.occurred_on,
            )
    problems.raise_if_any()
    for name in ("summary", "next_step", "reason"):
        check_text(name, getattr(fields, name))
    return list(communities.values())


@action
def contact_log(*, by, fields: ContactFields) -> Contact:
    """Log a contact or meeting; it may change the relationship's state in the same step."""
    if fields.relationship is not None:
        check_may_edit_relationship(by, fields.relationship)
    communities = _check_contact(by, fields)
    contact = Contact(
        occurred_on=fields.occurred_on,
        kind=fields.kind,
        relationship=fields.relationship,
        summary=fields.summary.strip(),
        next_step=fields.next_step.strip(),
        next_step_by=fields.next_step_by,
        recorded_by=by,
    )
    contact.save()
    contact.communities.set(communities)
    contact.staff.set(_with(by, fields.staff))
    rel = fields.relationship
    if rel is not None and (fields.new_state or fields.new_strength):
        _change(
            by=by,
            relationship=rel,
            state=fields.new_state or rel.state,
            strength=fields.new_strength or rel.strength,
            reason=fields.reason,
            on=fields.occurred_on,
            contact=contact,
        )
    return contact


def _with(by, staff: Iterable) -> list:
    people = {person.pk: person for person in staff}
    people.setdefault(by.pk, by)
    return list(people.values())
