"""The module's own catalogue: every string in Dutch and French, none left fuzzy."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from samen.communities.models import State

LOCALE = Path(__file__).resolve().parents[2] / "samen" / "communities" / "locale"


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    assert not catalogue.metadata_is_fuzzy


@pytest.mark.parametrize(
    ("language", "label"), [("nl", "verbroken"), ("fr", "rompue"), ("en", "broken")]
)
def test_the_states_speak_the_users_language(language, label):
    with translation.override(language):
        assert str(State.BROKEN.label) == label
