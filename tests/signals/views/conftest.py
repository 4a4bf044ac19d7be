"""The signals the view tests share, and who sees which."""

import pytest

from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership


@pytest.fixture
def signals(personas, file_signal):
    """One signal in Borgerhout, one in Berchem by the Berchem worker, one in Berchem by the
    Borgerhout worker, one shared with the partner's organisation."""
    school = organisation_create(by=None, name="School", policy_level="flemish")
    OrganisationMembership.objects.create(user=personas.partner, organisation=school)
    borgerhout = file_signal(personas.frontline, personas.borgerhout)
    berchem = file_signal(personas.other_frontline, personas.berchem)
    own_elsewhere = file_signal(personas.frontline, personas.berchem)
    shared = file_signal(personas.analyst, personas.berchem)
    shared.shared_with.add(school)
    return {"borgerhout": borgerhout, "berchem": berchem, "own": own_elsewhere, "shared": shared}
