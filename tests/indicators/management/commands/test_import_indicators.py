"""The import command reads a city's file as its script runs it: every bad row reported, a
mapping saved for next year, the same file again changing nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from samen.indicators.models import DataImport, Value
from tests.indicators.conftest import mapping
from tests.indicators.test_importing import GOOD, sectors_file

pytestmark = pytest.mark.django_db


def import_command(path, source: str, *options: str, **streams) -> None:
    """`import_indicators` on `path` in English, without progress, as a city's script runs it."""
    call_command(
        "import_indicators",
        "--language",
        "en",
        str(path),
        "--source",
        source,
        *options,
        "--no-progress",
        **streams,
    )


def test_importing_the_same_file_again_changes_nothing_and_says_so(small_city, tmp_path):
    path = tmp_path / "statbel-2024.txt"
    path.write_bytes(sectors_file(GOOD))
    mapping()
    first, second = io.StringIO(), io.StringIO()
    import_command(path, "Statbel", stdout=first)
    assert "8 new values, 0 corrected, 0 unchanged" in first.getvalue()
    records = DataImport.objects.count()
    import_command(path, "Statbel", stdout=second)
    assert (
        "Nothing changed: the 8 values of statbel-2024.txt are stored already." in second.getvalue()
    )
    assert DataImport.objects.count() == records == 1
    assert Value.objects.count() == 8


def test_the_command_reports_every_bad_row_and_imports_nothing(small_city, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(sectors_file([*GOOD, "2025|XX|?|1|1"], sep=";"))
    mapping()
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 problems in 1 lines; nothing was imported"):
        import_command(path, "Statbel", stderr=errors)
    assert "line 6 [CD_SECTOR]: Unknown statistical sector code “XX”." in errors.getvalue()
    assert not Value.objects.exists() and not DataImport.objects.exists()


def test_the_command_saves_a_mapping_for_the_next_file(small_city, tmp_path):
    path = tmp_path / "2024.csv"
    path.write_text("CD_SECTOR,TOTAL\n11002S01-,600\n")
    import_command(
        path,
        "Bevolking",
        *("--layout", "sectors", "--place-column", "CD_SECTOR", "--year", "2024"),
        *("--map", "TOTAL=residents"),
        stdout=io.StringIO(),
    )
    saved = DataImport.objects.get().mapping
    assert saved.name == "Bevolking" and saved.columns == {"TOTAL": "residents"}
    assert saved.fixed_year == 2024
    path.write_text("CD_SECTOR,TOTAL\n11002S01-,600\n11002S02-,50\n")
    out = io.StringIO()
    import_command(path, "Bevolking", stdout=out)
    assert "1 new values, 0 corrected, 1 unchanged" in out.getvalue()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param([], "No mapping is saved for the source Nieuw", id="unknown-source"),
        pytest.param(
            ["--year", "2024", "--map", "TOTAL=inwoners"],
            "Unknown data element codes: inwoners",
            id="unknown-data-element",
        ),
    ],
)
def test_the_command_refuses_a_source_it_cannot_map(small_city, tmp_path, options, message):
    path = tmp_path / "x.csv"
    path.write_text("CD_SECTOR,TOTAL\n")
    with pytest.raises(CommandError, match=message):
        import_command(path, "Nieuw", *options)
