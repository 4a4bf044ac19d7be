"""The tension monitor speaks Dutch first, and French: every string translated."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

import samen.monitor

CATALOGUES = Path(samen.monitor.__file__).parent / "locale"
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
def test_the_district_monitor_speaks_french_when_asked(client, personas):
    client.force_login(personas.coordinator)
    client.cookies["django_language"] = "fr"
    response = client.get(reverse("monitor:district", args=["11002S"]))
    assert "Niveau de tension" in response.text and "Derniers signaux" in response.text
