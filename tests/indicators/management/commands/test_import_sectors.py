"""The sector lookup is imported from its file: sectors named, those without a district too."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_sector_lookup_imports_and_names_sectors_without_a_district(db, tmp_path):
    path = tmp_path / "lookup.csv"
    path.write_text(
        "statsec,district_code,district_name,wijk_code,wijk_name\n"
        "11002S01-,11002S,Borgerhout,11002S01,Noord\n"
        "11002ZZZZ,11002ONB,,11002WONB,\n"
    )
    out = io.StringIO()
    call_command("import_sectors", str(path), stdout=out)
    assert "11002ZZZZ" in out.getvalue() and "2 created" in out.getvalue()
    again = io.StringIO()
    call_command("import_sectors", str(path), stdout=again)
    assert "0 created, 0 updated, 2 unchanged" in again.getvalue()


def test_the_real_lookup_from_the_shared_folder(db, shared_data):
    out = io.StringIO()
    call_command(
        "import_sectors", str(shared_data / "antwerp_statsec_district_wijk_lookup.csv"), stdout=out
    )
    assert "321 created" in out.getvalue()
