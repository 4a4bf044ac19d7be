"""The module's own catalogue: every string in Dutch and French, none left fuzzy; the pages
speak the reader's language."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from samen.exchange.models import Exchange

LOCALE = Path(__file__).resolve().parents[2] / "samen" / "exchange" / "locale"


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    assert not catalogue.metadata_is_fuzzy


@pytest.mark.parametrize(
    ("language", "label"), [("nl", "uitwisseling"), ("fr", "échange"), ("en", "exchange")]
)
def test_the_models_speak_the_users_language(language, label):
    with translation.override(language):
        assert str(Exchange._meta.verbose_name) == label


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "Ontvangen uitwisselingen"), ("fr", "Échanges reçus")],
)
def test_the_inbox_in_dutch_and_french(client, personas, language, title):
    client.force_login(personas.analyst)
    page = client.get(reverse("exchange:inbox"), HTTP_ACCEPT_LANGUAGE=language)
    assert title in page.content.decode()
