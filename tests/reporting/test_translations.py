"""The reports to other levels speak Dutch first, and French: every string translated with its
placeholders, and the pages read in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

import samen.reporting
from samen.reporting.actions import level_report_draw

CATALOGUES = Path(samen.reporting.__file__).parent / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s")


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated_with_its_placeholders(language):
    po = polib.pofile(str(CATALOGUES / language / "LC_MESSAGES" / "django.po"))
    entries = [e for e in po if not e.obsolete]
    assert entries
    for entry in entries:
        assert "fuzzy" not in entry.flags, entry.msgid
        assert entry.msgstr.strip(), entry.msgid
        assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid))


@pytest.mark.parametrize(
    "language, title, section",
    [
        ("nl", "Rapport 2025 aan andere beleidsniveaus", "Signalen per district en categorie"),
        ("fr", "Rapport 2025 aux autres niveaux de pouvoir", "Niveaux de tension par district"),
    ],
)
def test_the_report_reads_in_the_readers_language(client, personas, language, title, section):
    report = level_report_draw(by=None, year=2025)
    client.force_login(personas.analyst)
    client.cookies["django_language"] = language
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert title in page
    assert section in page
