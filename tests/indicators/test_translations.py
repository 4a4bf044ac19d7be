"""The indicators module speaks Dutch first, and French: every string translated."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

import samen.indicators

CATALOGUES = Path(samen.indicators.__file__).parent / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated_with_its_placeholders(language):
    po = polib.pofile(str(CATALOGUES / language / "LC_MESSAGES" / "django.po"))
    entries = [e for e in po if not e.obsolete]
    assert entries
    for entry in entries:
        assert "fuzzy" not in entry.flags, entry.msgid
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert text.strip(), entry.msgid
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(entry.msgid))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ["Indicatoren", "Plaatsen volgens waarde"]),
        ("fr", ["Indicateurs", "Lieux par valeur"]),
    ],
)
def test_the_page_speaks_the_language_asked_for(client, personas, figures, language, words):
    client.force_login(personas.analyst)
    client.cookies["django_language"] = language
    response = client.get(reverse("indicators:overview"))
    for word in words:
        assert word in response.text
