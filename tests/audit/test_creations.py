"""The record of a creation built for a one-statement write is the one auditlog writes."""

import json

import pytest
from auditlog.context import disable_auditlog, set_actor

from samen.audit.context import acting_as
from samen.audit.creations import creation_record
from samen.audit.models import AuditRecord
from samen.people.models import Organisation

pytestmark = pytest.mark.django_db

_OWN = {"id", "timestamp"}


def test_built_record_equals_the_saved_one(personas):
    with set_actor(None, remote_addr="10.1.2.3"), acting_as(personas.admin):
        organisation = Organisation.objects.create(
            name="Buurtwerk Noord", policy_level="municipal", sector="community"
        )
        built = creation_record(organisation)
    saved = AuditRecord.objects.get_for_object(organisation).get(action=AuditRecord.Action.CREATE)
    assert built is not None and built.pk is None
    for field in AuditRecord._meta.concrete_fields:
        if field.attname not in _OWN:
            # As stored: the object's key is text, the changes JSON (pairs become lists).
            stored = field.to_python(getattr(built, field.attname))
            if isinstance(stored, dict):
                stored = json.loads(json.dumps(stored))
            assert stored == getattr(saved, field.attname), field.name
    assert built.actor == personas.admin and built.remote_addr == "10.1.2.3"
    assert list(built.changes["name"]) == ["None", "Buurtwerk Noord"]


def test_reverse_relations_stay_out_of_the_record(personas):
    """Other models' links to an organisation (its teams, its people) are not its fields."""
    with acting_as(personas.admin):
        organisation = Organisation.objects.create(name="Jeugdwerk Zuid", policy_level="municipal")
    record = AuditRecord.objects.get_for_object(organisation).get(action=AuditRecord.Action.CREATE)
    reverse = [f.name for f in Organisation._meta.get_fields() if f.auto_created and not f.concrete]
    assert reverse  # the model has some, so the check below can fail
    assert not set(reverse) & set(record.changes)
    assert {"name", "policy_level", "sector", "is_active"} <= set(record.changes)


def test_no_record_where_auditlog_is_switched_off(personas):
    organisation = Organisation(pk=424242, name="Stil", policy_level="municipal")
    with disable_auditlog():
        assert creation_record(organisation) is None
