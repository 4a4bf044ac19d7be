"""Every catalogue of every module is whole: no message defined twice (a merge of two
branches' catalogues can leave duplicates, which msgfmt refuses and polib silently keeps),
no fuzzy entry, and every Dutch and French entry translated."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib
import pytest

import samen

CATALOGUES = sorted(Path(samen.__file__).parent.glob("**/locale/*/LC_MESSAGES/django.po"))


def test_every_module_catalogue_is_found():
    modules = {po.parts[-5] for po in CATALOGUES}
    assert {"samen", "cases", "communities", "indicators", "mediation", "monitor", "policy"} <= (
        modules
    )


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: "/".join(p.parts[-6:-2]))
def test_no_message_is_defined_twice(path):
    po = polib.pofile(str(path))
    keys = Counter((e.msgctxt, e.msgid) for e in po if not e.obsolete)
    assert [key for key, n in keys.items() if n > 1] == []


@pytest.mark.parametrize(
    "path",
    [p for p in CATALOGUES if p.parts[-3] in ("nl", "fr")],
    ids=lambda p: "/".join(p.parts[-6:-2]),
)
def test_dutch_and_french_have_every_entry_translated_and_none_fuzzy(path):
    po = polib.pofile(str(path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
