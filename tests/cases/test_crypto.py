"""Encryption at rest, the blind index and key rotation."""

from __future__ import annotations

import datetime

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from samen.cases import crypto
from samen.cases.models import CasePerson, Referral
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db


def raw_row(table: str, pk: int, columns: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()


def test_the_database_column_holds_no_readable_name(personas):
    case = open_case("Jan Peeters", address="Kerkstraat 1, 2060 Antwerpen")
    person = case.person
    name, birth_date, address, index = raw_row(
        "cases_caseperson", person.pk, "name, birth_date, address, name_index"
    )
    for raw in (name, birth_date, address, index):
        assert "Peeters" not in raw and "Jan" not in raw
    assert "2004" not in birth_date and "Kerkstraat" not in address
    assert CasePerson.objects.get(pk=person.pk).name == "Jan Peeters"
    assert CasePerson.objects.get(pk=person.pk).birth_date == datetime.date(2004, 5, 17)


def test_the_name_is_found_through_the_keyed_index(personas):
    case = open_case("Ömer van Dam")
    found = CasePerson.objects.get(name_index=crypto.name_index("dam VAN omer"))
    assert found.case == case
    assert len(found.name_index) == 64
    assert not CasePerson.objects.filter(name_index=crypto.name_index("Omer van Dammen")).exists()


def test_the_index_depends_on_its_own_key(monkeypatch):
    before = crypto.name_index("Jan Peeters")
    monkeypatch.setenv(crypto.INDEX_KEY_VARIABLE, "another-index-key-of-at-least-32-chars")
    assert crypto.name_index("Jan Peeters") != before


def test_rotation_reencrypts_with_the_newest_key(monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, old)
    token = crypto.encrypt("Jan Peeters")
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{old}")
    assert crypto.decrypt(token) == "Jan Peeters"  # the old key still decrypts
    rotated = crypto.rotate(token)
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)
    assert crypto.decrypt(rotated) == "Jan Peeters"
    with pytest.raises(InvalidToken):
        crypto.decrypt(token)  # the old key is gone


def test_production_refuses_to_run_without_keys(monkeypatch, settings):
    from samen.cases.checks import case_keys_configured

    settings.DEBUG, settings.TESTING = False, False
    monkeypatch.delenv(crypto.KEYS_VARIABLE, raising=False)
    monkeypatch.delenv(crypto.INDEX_KEY_VARIABLE, raising=False)
    assert {e.id for e in case_keys_configured(None)} == {"cases.E001"}
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")
    monkeypatch.setenv(crypto.KEYS_VARIABLE, Fernet.generate_key().decode())
    monkeypatch.setenv(crypto.INDEX_KEY_VARIABLE, "x" * 40)
    assert case_keys_configured(None) == []


def test_a_referral_is_encrypted_too(personas):
    from samen.cases.actions.cases import referral_submit

    referral = referral_submit(
        by=personas.partner,
        name="Marie Janssens",
        reason="Verheerlijkt geweld online.",
        extremism_type="left_wing",
    )
    name, reason = raw_row("cases_referral", referral.pk, "name, reason")
    assert "Janssens" not in name and "geweld" not in reason
    assert Referral.objects.get(pk=referral.pk).name == "Marie Janssens"


def _old_normalise(name: str) -> str:
    """The normalisation before the fix, to show Latin names keep their index."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_name.casefold()).split()
    return " ".join(sorted(words))


@pytest.mark.parametrize(
    "name",
    [
        "Jan Peeters",
        "Ömer  van Dam",
        "Zoë Dubois-Lefèvre",
        "François Müller",
        "José Ñúñez",
        "Şahin Çelik",
        "Zdeněk Dvořák",
        "Björn Ångström",
    ],
)
def test_latin_names_with_accents_keep_the_index_they_had(name):
    import hashlib
    import hmac

    from samen.cases import crypto

    assert crypto.normalise_name(name) == _old_normalise(name)
    old_index = hmac.new(
        crypto.index_key(), _old_normalise(name).encode(), hashlib.sha256
    ).hexdigest()
    assert crypto.name_index(name) == old_index


def test_names_in_other_scripts_have_an_index_of_their_own():
    from samen.cases import crypto

    for name in ("Иван Петров", "محمد العلي", "Łukasz Nowak"):
        assert crypto.normalise_name(name) and len(crypto.name_index(name)) == 64
    assert crypto.name_index("Иван Петров") == crypto.name_index("петров  ИВАН")
    assert crypto.name_index("Иван Петров") != crypto.name_index("Иван Сидоров")
    assert crypto.name_index("محمد العلي") != crypto.name_index("أحمد العلي")
    # Vowel signs are marks: written with or without them, the name is the same.
    assert crypto.name_index("مُحَمَّد") == crypto.name_index("محمد")
    assert crypto.name_index("Łukasz Nowak") != crypto.name_index("ukasz Nowak")
    assert crypto.name_index("Łukasz Nowak") == crypto.name_index("nowak ŁUKASZ")


def test_a_case_about_a_person_named_in_cyrillic_can_be_opened_and_found(table):
    from samen.cases import crypto
    from samen.cases.models import CasePerson
    from tests.cases.conftest import open_case

    case = open_case("Иван Петров")
    found = CasePerson.objects.get(name_index=crypto.name_index("петров иван"))
    assert found.case_id == case.pk
    assert not CasePerson.objects.filter(name_index=crypto.name_index("Иван Сидоров")).exists()


def test_the_migration_recomputes_indexes_made_without_the_other_scripts(table):
    import hashlib
    import hmac
    import importlib

    from django.apps import apps

    from samen.cases import crypto
    from samen.cases.models import CasePerson
    from tests.cases.conftest import open_case

    case = open_case("Łukasz Nowak")
    stale = hmac.new(
        crypto.index_key(), _old_normalise("Łukasz Nowak").encode(), hashlib.sha256
    ).hexdigest()
    CasePerson.objects.filter(case=case).update(name_index=stale)
    unchanged = CasePerson.objects.get(case=table.case).name_index
    migration = importlib.import_module("samen.cases.migrations.0004_recompute_name_index")
    migration.recompute(apps, None)
    assert CasePerson.objects.get(case=case).name_index == crypto.name_index("Łukasz Nowak")
    assert CasePerson.objects.get(case=table.case).name_index == unchanged
