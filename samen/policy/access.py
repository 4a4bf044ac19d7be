"""Who reads and who changes strategies, plans, actions and initiatives.

These records are the city's policy, not confidential: everyone signed in reads all of them
(a record that does not exist answers 404; the anonymous are sent to sign in by the views).
Writes follow the work:

- the department's policy analysts edit strategies (and their objectives) and city plans
  (plans without a district), with their actions, and update every initiative;
- a district coordinator edits the plans of their home district, with their actions;
- the staff of an organisation (its members, people.OrganisationMembership), partner
  professionals of a partner organisation included, update the actions and initiatives that
  organisation owns, and open initiatives it will own;
- administrators and the data-protection officer read, and change nothing.

A person who may read but not change gets 403 on the form and on the write.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samen.people.models import Organisation, OrganisationMembership
from samen.people.roles import Role
from samen.places.models import without_boundaries
from samen.policy.models import Action, ActionPlan, Initiative, Strategy

READ_ONLY_ROLES = frozenset({Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER})


def may_read(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def check_may_read(user) -> None:
    if not may_read(user):
        raise PermissionDenied


def _may_write(user) -> bool:
    return may_read(user) and user.role not in READ_ONLY_ROLES


def organisation_ids(user) -> frozenset[int]:
    """The organisations this person works for (asked once per request's user object)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "policy_organisation_ids", None)
    if cached is None:
        cached = frozenset(
            OrganisationMembership.objects.filter(user=user).values_list(
                "organisation_id", flat=True
            )
        )
        user.policy_organisation_ids = cached
    return cached


def _member_of(user, organisation_id: int | None) -> bool:
    return organisation_id is not None and organisation_id in organisation_ids(user)


# --- Strategies -----------------------------------------------------------------------------


def visible_strategies(user) -> QuerySet[Strategy]:
    strategies = Strategy.objects.select_related("owner", "replaced_by")
    return strategies if may_read(user) else strategies.none()


def get_strategy_for_user(user, pk: int) -> Strategy:
    check_may_read(user)
    return get_object_or_404(visible_strategies(user), pk=pk)


def may_edit_strategies(user) -> bool:
    """Strategies and their objectives are the policy analysts' to write."""
    return _may_write(user) and user.role == Role.POLICY_ANALYST


def check_may_edit_strategies(user) -> None:
    if not may_edit_strategies(user):
        raise PermissionDenied


# --- Action plans -----------------------------------------------------------------------------


def visible_plans(user) -> QuerySet[ActionPlan]:
    plans = without_boundaries(ActionPlan.objects.all(), "district")
    plans = plans.select_related("strategy", "owner")
    return plans if may_read(user) else plans.none()


def get_plan_for_user(user, pk: int) -> ActionPlan:
    check_may_read(user)
    return get_object_or_404(visible_plans(user), pk=pk)


def may_edit_plan_for(user, district_id: int | None) -> bool:
    """Whether this person may write a plan of this district (None: a city plan)."""
    if not _may_write(user):
        return False
    if user.role == Role.POLICY_ANALYST:
        return district_id is None
    if user.role == Role.DISTRICT_COORDINATOR:
        return district_id is not None and district_id == user.home_district_id
    return False


def may_create_plans(user) -> bool:
    return may_edit_plan_for(user, None) or may_edit_plan_for(user, user.home_district_id)


def check_may_create_plans(user) -> None:
    if not may_create_plans(user):
        raise PermissionDenied


def may_edit_plan(user, plan: ActionPlan) -> bool:
    return may_edit_plan_for(user, plan.district_id)


def check_may_edit_plan(user, plan: ActionPlan) -> None:
    if not may_edit_plan(user, plan):
        raise PermissionDenied


# --- Actions -----------------------------------------------------------------------------------


def visible_actions(user) -> QuerySet[Action]:
    actions = Action.objects.select_related("plan", "owner", "objective")
    return actions if may_read(user) else actions.none()


def get_action_for_user(user, pk: int) -> Action:
    check_may_read(user)
    return get_object_or_404(visible_actions(user), pk=pk)


def may_update_action(user, action: Action) -> bool:
    """Those who edit its plan, and the staff of the organisation that owns it."""
    if not _may_write(user):
        return False
    return may_edit_plan(user, action.plan) or _member_of(user, action.owner_id)


def check_may_update_action(user, action: Action) -> None:
    if not may_update_action(user, action):
        raise PermissionDenied


# --- Initiatives -------------------------------------------------------------------------------


def visible_initiatives(user) -> QuerySet[Initiative]:
    initiatives = Initiative.objects.select_related("owner")
    return initiatives if may_read(user) else initiatives.none()


def get_initiative_for_user(user, pk: int) -> Initiative:
    check_may_read(user)
    return get_object_or_404(visible_initiatives(user), pk=pk)


def may_own_initiative(user, organisation: Organisation | None) -> bool:
    """Whether this person may make `organisation` the owner of an initiative."""
    if organisation is None or not _may_write(user):
        return False
    return user.role == Role.POLICY_ANALYST or _member_of(user, organisation.pk)


def may_create_initiatives(user) -> bool:
    if not _may_write(user):
        return False
    return user.role == Role.POLICY_ANALYST or bool(organisation_ids(user))


def check_may_create_initiatives(user) -> None:
    if not may_create_initiatives(user):
        raise PermissionDenied


def may_update_initiative(user, initiative: Initiative) -> bool:
    """The policy analysts, and the staff of the organisation that owns it."""
    if not _may_write(user):
        return False
    return user.role == Role.POLICY_ANALYST or _member_of(user, initiative.owner_id)


def check_may_update_initiative(user, initiative: Initiative) -> None:
    if not may_update_initiative(user, initiative):
        raise PermissionDenied


def initiative_owner_choices(user) -> QuerySet[Organisation]:
    """The organisations this person may make the owner of an initiative."""
    organisations = Organisation.objects.filter(is_active=True)
    if not _may_write(user):
        return organisations.none()
    if user.role == Role.POLICY_ANALYST:
        return organisations
    return organisations.filter(pk__in=organisation_ids(user))
