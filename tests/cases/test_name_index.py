"""The blind index keeps the letters of every script."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


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
