"""Who manages partner tokens and webhooks (samen/api/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from samen.api.access import check_may_manage_partners, grantable_organisations
from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership

pytestmark = pytest.mark.django_db


def test_only_an_administrator_manages_partners(personas):
    check_may_manage_partners(personas.admin)
    for who in ("analyst", "coordinator", "frontline", "prevention", "partner", "dpo"):
        with pytest.raises(PermissionDenied):
            check_may_manage_partners(getattr(personas, who))
    with pytest.raises(PermissionDenied):
        check_may_manage_partners(AnonymousUser())


def test_an_administrator_grants_active_organisations_but_never_their_own(
    personas, partner_organisation
):
    own = organisation_create(by=None, name="Stad Antwerpen", policy_level="municipal")
    OrganisationMembership.objects.create(user=personas.admin, organisation=own)
    closed = organisation_create(by=None, name="Opgeheven Agentschap", policy_level="flemish")
    closed.is_active = False
    closed.save()

    grantable = list(grantable_organisations(personas.admin))

    assert partner_organisation in grantable
    assert own not in grantable and closed not in grantable
    assert own in grantable_organisations(personas.analyst)
