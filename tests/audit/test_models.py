"""The audit records and the searches of the trail (samen/audit/models.py)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from samen.audit.models import AppendOnlyError, AuditRecord, TrailSearch
from samen.core.acting import acting_as
from samen.places.actions import place_merge
from samen.places.models import Place


def merge_berchem(personas):
    place_merge(
        by=personas.admin,
        place=personas.berchem,
        into=personas.borgerhout,
        on=datetime.date(2030, 1, 1),
    )


def test_the_trail_is_searched_by_actor_kind_record_period_and_action(personas):
    merge_berchem(personas)
    places = ContentType.objects.get_for_model(Place)
    found = AuditRecord.objects.search(
        actor=personas.admin,
        content_type=places,
        object_pk=str(personas.berchem.pk),
        since=timezone.now() - datetime.timedelta(minutes=5),
        until=timezone.now() + datetime.timedelta(minutes=5),
        action=AuditRecord.Action.UPDATE,
    )
    assert found.count() == 1
    assert not AuditRecord.objects.search(actor=personas.dpo, content_type=places).exists()
    assert not AuditRecord.objects.search(until=timezone.now() - datetime.timedelta(days=1))


def test_a_record_names_the_acting_person_and_is_not_a_read(personas):
    merge_berchem(personas)
    record = AuditRecord.objects.search(object_pk=str(personas.berchem.pk)).latest("timestamp")
    assert record.actor == personas.admin
    assert record.actor_email == personas.admin.email
    assert not record.is_read


def test_records_are_neither_changed_nor_deleted(personas):
    merge_berchem(personas)
    record = AuditRecord.objects.latest("timestamp")
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.update(actor_email="")


def test_a_trail_search_reads_as_its_filters(personas):
    with acting_as(personas.dpo):
        search = TrailSearch.objects.create(searched_by=personas.dpo, filters={"actor": "x"})
    assert str(search) == "actor=x"
    assert str(TrailSearch(searched_by=personas.dpo)) == "—"
