"""Who sees and who changes communities, relationships, contacts and restore plans.

The rule, one for lists, pages, panels, search and the network:

- administrators see and change everything;
- policy analysts see everything and change nothing (403 on every form and write);
- frontline workers and district coordinators see and change the communities *active in
  their home district* (based there, or active there or in one of its neighbourhoods), the
  relationships, contacts and restore plans that involve one of those communities;
- everyone else (partner professionals, prevention officers, the data-protection officer)
  sees none: the module's lists, the network and the forms that add a community answer 403;
  a record's page, and a form about a record, answer 404.

A record someone may not see answers 404, exactly as one that does not exist; one they may
see but not change answers 403 to a write.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from samen.communities.models import Community, Contact, Relationship, RestorePlan
from samen.people.roles import Role
from samen.places.models import without_boundaries

SEE_ALL_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST})
DISTRICT_ROLES = frozenset({Role.FRONTLINE_WORKER, Role.DISTRICT_COORDINATOR})
COMMUNITY_ROLES = SEE_ALL_ROLES | DISTRICT_ROLES
EDIT_ALL_ROLES = frozenset({Role.ADMINISTRATOR})


def _in_module(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in COMMUNITY_ROLES)


def check_may_use(user) -> None:
    """Refuse the module's lists and pages to roles that have no part in it (403)."""
    if not _in_module(user):
        raise PermissionDenied


def active_in(place) -> Q:
    """Communities active in `place`: a district (based there, or active in it or one of its
    neighbourhoods) or a neighbourhood (listed as active there)."""
    through = Community.places.through
    if place.kind == "district":
        listed = through.objects.filter(community=OuterRef("pk")).filter(
            Q(place_id=place.pk) | Q(place__parent_id=place.pk)
        )
        return Q(district_id=place.pk) | Q(Exists(listed))
    listed = through.objects.filter(community=OuterRef("pk"), place_id=place.pk)
    return Q(Exists(listed))


def _home(user):
    if user.role in DISTRICT_ROLES and user.home_district_id:
        return user.home_district
    return None


def visible_communities(communities: QuerySet, user) -> QuerySet:
    """Restrict `communities` to those `user` may see (the rule in this module's docstring)."""
    if not _in_module(user):
        return communities.none()
    if user.role in SEE_ALL_ROLES:
        return communities
    home = _home(user)
    return communities.filter(active_in(home)) if home else communities.none()


def editable_communities(communities: QuerySet, user) -> QuerySet:
    if not _in_module(user) or user.role == Role.POLICY_ANALYST:
        return communities.none()
    return visible_communities(communities, user)


def get_community_for_user(user, pk) -> object:
    """The community `pk` if `user` may see it; 404 otherwise, whether it exists or not."""
    try:
        return visible_communities(
            without_boundaries(Community.objects.all(), "district").select_related("organisation"),
            user,
        ).get(pk=pk)
    except (Community.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def may_edit_community(user, community) -> bool:
    return editable_communities(Community.objects.filter(pk=community.pk), user).exists()


def check_may_edit_community(user, community) -> None:
    if not may_edit_community(user, community):
        raise PermissionDenied


def may_add_community(user) -> bool:
    """Administrators and the district roles (with a home district) add communities."""
    return _in_module(user) and (user.role in EDIT_ALL_ROLES or _home(user) is not None)


def check_may_add_community(user) -> None:
    if not may_add_community(user):
        raise PermissionDenied


def _involving(communities: QuerySet) -> Q:
    return Q(community__in=communities) | Q(other__in=communities)


def visible_relationships(relationships: QuerySet, user) -> QuerySet:
    """Relationships of which at least one side is a community `user` may see."""
    if not _in_module(user):
        return relationships.none()
    if user.role in SEE_ALL_ROLES:
        return relationships
    return relationships.filter(_involving(visible_communities(Community.objects.all(), user)))


def get_relationship_for_user(user, pk) -> object:
    try:
        return visible_relationships(
            Relationship.objects.select_related("community", "other"), user
        ).get(pk=pk)
    except (Relationship.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def editable_relationships(relationships: QuerySet, user) -> QuerySet:
    if not _in_module(user) or user.role == Role.POLICY_ANALYST:
        return relationships.none()
    if user.role in EDIT_ALL_ROLES:
        return relationships
    return relationships.filter(_involving(editable_communities(Community.objects.all(), user)))


def may_edit_relationship(user, relationship) -> bool:
    mine = editable_relationships(Relationship.objects.filter(pk=relationship.pk), user)
    return mine.exists()


def check_may_edit_relationship(user, relationship) -> None:
    if not may_edit_relationship(user, relationship):
        raise PermissionDenied


def visible_contacts(contacts: QuerySet, user) -> QuerySet:
    """Contacts that involve at least one community `user` may see."""
    if not _in_module(user):
        return contacts.none()
    if user.role in SEE_ALL_ROLES:
        return contacts
    seen = visible_communities(Community.objects.all(), user)
    involved = Contact.communities.through.objects.filter(
        contact=OuterRef("pk"), community__in=seen
    )
    return contacts.filter(Exists(involved))


def visible_restore_plans(plans: QuerySet, user) -> QuerySet:
    if not _in_module(user):
        return plans.none()
    if user.role in SEE_ALL_ROLES:
        return plans
    return plans.filter(relationship__in=visible_relationships(Relationship.objects.all(), user))


def get_restore_plan_for_user(user, pk) -> object:
    try:
        return visible_restore_plans(
            RestorePlan.objects.with_behind().select_related(
                "relationship__community", "relationship__other", "created_by"
            ),
            user,
        ).get(pk=pk)
    except (RestorePlan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def may_own_restore_actions(person, relationship) -> bool:
    """An action's owner must be able to open the plan it belongs to."""
    return may_edit_relationship(person, relationship)
