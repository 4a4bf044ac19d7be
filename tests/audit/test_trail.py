"""The audit trail: writes and confidential reads recorded, redacted, append-only."""

import pytest
from django.db import IntegrityError, connection, transaction

from samen.audit.models import AppendOnlyError, AuditRecord
from samen.audit.redaction import REDACTED
from samen.core.acting import acting_as
from samen.people.actions import staff_member_change_role, staff_member_create
from samen.places.models import Place

pytestmark = pytest.mark.django_db


def test_create_records_who_and_what(personas):
    member = staff_member_create(
        by=personas.admin,
        email="new@samen.test",
        full_name="Nieuwe Collega",
        role="frontline_worker",
        home_district=personas.berchem,
    )
    record = AuditRecord.objects.get(
        object_pk=str(member.pk), action=AuditRecord.Action.CREATE, content_type__model="user"
    )
    assert record.actor == personas.admin
    assert record.actor_email == personas.admin.email
    assert record.changes["full_name"] == ["None", "Nieuwe Collega"]
    assert record.timestamp is not None


def test_update_records_old_and_new_values(personas):
    staff_member_change_role(
        by=personas.admin,
        member=personas.frontline,
        role="district_coordinator",
        home_district=personas.borgerhout,
    )
    record = AuditRecord.objects.filter(
        object_pk=str(personas.frontline.pk), action=AuditRecord.Action.UPDATE
    ).latest()
    assert record.actor == personas.admin
    assert record.changes["role"] == ["frontline_worker", "district_coordinator"]


def test_sensitive_fields_are_fully_redacted(personas):
    member = staff_member_create(
        by=personas.admin,
        email="secret@samen.test",
        full_name="Geheim",
        role="frontline_worker",
    )
    record = AuditRecord.objects.get(
        object_pk=str(member.pk), action=AuditRecord.Action.CREATE, content_type__model="user"
    )
    assert record.changes["password"][1] == REDACTED
    assert member.password not in str(record.changes)
    assert "argon2" not in str(record.changes) and "md5" not in str(record.changes)


def test_two_factor_secrets_never_reach_the_trail(personas):
    record = AuditRecord.objects.filter(content_type__model="authenticator").latest()
    assert record.changes["data"][1] == REDACTED
    assert personas.prevention.totp_secret not in str(record.changes)


def test_a_failed_action_leaves_no_record(personas):
    before = AuditRecord.objects.count()
    with pytest.raises(Exception):  # noqa: B017 - the e-mail address is taken
        staff_member_create(
            by=personas.admin,
            email=personas.frontline.email,
            full_name="Dubbel",
            role="frontline_worker",
        )
    assert AuditRecord.objects.count() == before


def test_change_and_record_share_one_transaction(personas):
    before = AuditRecord.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic(), acting_as(personas.admin):
        Place.objects.create(
            kind="neighbourhood", code="X1", name_nl="X", parent=personas.borgerhout
        )
        assert AuditRecord.objects.count() == before + 1
        raise RuntimeError("roll back")
    assert AuditRecord.objects.count() == before
    assert not Place.objects.filter(code="X1").exists()


def test_nested_actors_are_restored(personas):
    with acting_as(personas.admin):
        with acting_as(personas.dpo):
            Place.objects.create(
                kind="neighbourhood", code="X2", name_nl="X", parent=personas.berchem
            )
        place = Place.objects.create(
            kind="neighbourhood", code="X3", name_nl="Y", parent=personas.berchem
        )
    assert AuditRecord.objects.filter(object_pk=str(place.pk)).get().actor == personas.admin


def test_records_cannot_be_changed_or_deleted_through_the_application(personas):
    record = AuditRecord.objects.first()
    record.object_repr = "rewritten"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditRecord.objects.filter(pk=record.pk).update(object_repr="rewritten")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_to_rewrite_the_trail(personas):
    record = AuditRecord.objects.first()
    for sql in [
        "UPDATE audit_auditrecord SET object_repr = 'x' WHERE id = %s",
        "DELETE FROM audit_auditrecord WHERE id = %s",
    ]:
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [record.pk])


def test_a_person_with_a_trail_cannot_be_deleted(personas):
    staff_member_change_role(by=personas.admin, member=personas.frontline, role="policy_analyst")
    from django.db.models import ProtectedError

    with pytest.raises((ProtectedError, IntegrityError)):
        personas.admin.delete()


def test_api_tokens_are_audited_without_the_token(personas):
    from knox.models import AuthToken

    _, token = AuthToken.objects.create(user=personas.analyst)
    record = AuditRecord.objects.filter(content_type__model="authtoken").latest()
    assert record.changes["digest"][1] == REDACTED
    assert token not in str(record.changes) and token[:8] not in str(record.changes)
