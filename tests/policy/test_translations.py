"""The module's own catalogue: every string in Dutch and French, none left fuzzy."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from samen.policy.models import LifeDomain, Strategy

LOCALE = Path(__file__).resolve().parents[2] / "samen" / "policy" / "locale"


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    assert not catalogue.metadata_is_fuzzy


@pytest.mark.parametrize(
    ("language", "label"),
    [("nl", "strategiedocument"), ("fr", "document stratégique"), ("en", "strategy document")],
)
def test_the_models_speak_the_users_language(language, label):
    with translation.override(language):
        assert str(Strategy._meta.verbose_name) == label


def test_life_domains_in_dutch():
    with translation.override("nl"):
        assert str(LifeDomain.RULES_CUSTOMS.label) == "regels en omgangsvormen"
