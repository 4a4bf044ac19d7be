"""Key rotation as an action: every encrypted value under the newest key, one audit record."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from samen.audit.models import AuditRecord
from samen.cases import crypto
from samen.cases.models import Case, CasePerson
from samen.cases.rotation import encrypted_models, rotate_case_keys

pytestmark = pytest.mark.django_db


def raw_name(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_caseperson WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_every_model_with_encrypted_fields_is_found():
    fields = dict(encrypted_models())
    assert {"name", "birth_date", "address"} <= set(fields[CasePerson])
    assert all(names for names in fields.values())


def test_rotation_counts_rows_and_leaves_one_audit_record(table, personas):
    development = crypto._development_key("encryption").decode()
    new = Fernet.generate_key().decode()
    persons = CasePerson.objects.count()
    before = AuditRecord.objects.count()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(crypto.KEYS_VARIABLE, f"{new},{development}")
        counts = rotate_case_keys(by=personas.admin)
        patch.setenv(crypto.KEYS_VARIABLE, new)
        assert crypto.decrypt(raw_name(table.case.person.pk)) == "Jan Peeters"
        assert CasePerson.objects.get(pk=table.case.person.pk).name == "Jan Peeters"
    assert counts["CasePerson"] == persons and counts["Case"] == Case.objects.count()
    assert AuditRecord.objects.count() == before + 1
    record = AuditRecord.objects.latest("pk")
    assert record.actor == personas.admin
    assert record.additional_data == {"rotated_rows": counts}
    with pytest.raises(InvalidToken), pytest.MonkeyPatch.context() as patch:
        patch.setenv(crypto.KEYS_VARIABLE, development)
        crypto.decrypt(raw_name(table.case.person.pk))


def test_rotation_renews_the_name_index_under_a_new_index_key(table, monkeypatch):
    monkeypatch.setenv(crypto.INDEX_KEY_VARIABLE, "a-new-index-key-of-at-least-32-characters")
    assert not CasePerson.objects.filter(name_index=crypto.name_index("Jan Peeters")).exists()
    rotate_case_keys(by=None)
    found = CasePerson.objects.filter(name_index=crypto.name_index("Jan Peeters"))
    assert list(found) == [table.case.person]
    assert AuditRecord.objects.latest("pk").actor is None
