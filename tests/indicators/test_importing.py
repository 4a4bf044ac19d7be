"""The importer on files the tests write: both layouts, the encodings and separators cities
send, every bad row reported, all or nothing, re-imports and corrections."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from samen.indicators.actions import values_import
from samen.indicators.importing import check_file, number
from samen.indicators.models import Aggregate, DataImport, Value, ValueRevision
from tests.indicators.conftest import mapping

pytestmark = pytest.mark.django_db


def sectors_file(lines: list[str], *, sep: str = "|", encoding: str = "utf-8") -> bytes:
    return "\n".join(sep.join(cells) for cells in (line.split("|") for line in lines)).encode(
        encoding
    )


GOOD = [
    "CD_YEAR|CD_SECTOR|TX_DESCR_NL|TOTAL|BIRTHS",
    "2024|11002S01-|Stuivenberg|600|12",
    "2024|11002S02-|Terloo|300|4",
    "2024|11002T01-|Berchem-Centrum|400|6",
    "2025|11002S01-|Stuivenberg|610|11",
]


def import_lines(lines: list[str], source, file_name: str):
    """Check and import a sector file of `lines` with the mapping `source`."""
    return values_import(
        by=None,
        checked=check_file(sectors_file(lines), source),
        file_name=file_name,
        mapping=source,
    )


def aggregate(code: str, place: str, year: int) -> float:
    return Aggregate.objects.get(
        element__code=code, place__code=place, year=year, boundaries="then"
    ).value


def test_a_pipe_separated_sector_file_is_stored_and_summed(small_city):
    source = mapping()
    checked = check_file(sectors_file(GOOD), source)
    assert checked.ok and checked.rows == 4 and len(checked.values) == 8
    outcome = values_import(by=None, checked=checked, file_name="sectors.txt", mapping=source)
    assert (outcome.created, outcome.changed, outcome.unchanged) == (8, 0, 0)
    assert Value.objects.count() == 8
    assert aggregate("residents", "11002S", 2024) == 900
    assert aggregate("residents", "11002S01", 2024) == 900
    assert aggregate("births", "11002", 2024) == 22
    assert outcome.data_import.status == DataImport.Status.DONE


def test_a_latin1_file_with_accents_reads(small_city):
    lines = [*GOOD[:2], "2024|11002S02-|Sint-Willibrordus – Élisabeth|300|4"]
    data = "\n".join(lines).replace("–", "-").encode("latin-1")
    assert b"\xc9" in data  # É in Latin-1, not UTF-8
    checked = check_file(data, mapping())
    assert checked.ok and checked.rows == 2


def test_a_utf8_file_with_a_byte_order_mark_and_commas_reads(small_city):
    data = "\ufeff".encode() + sectors_file(GOOD, sep=",")
    checked = check_file(data, mapping())
    assert checked.ok and checked.rows == 4


def test_a_semicolon_file_with_decimal_commas_reads(small_city):
    source = mapping(columns={"TOTAL": "residents", "INCOME": "median_income"})
    data = sectors_file(
        ["CD_YEAR|CD_SECTOR|TOTAL|INCOME", "2024|11002S01-|1.200|21.345,5"], sep=";"
    )
    checked = check_file(data, source)
    assert checked.ok
    assert sorted(checked.values.values()) == [1200.0, 21345.5]


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1234", 1234.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234", 1234.0),
        ("-3", -3.0),
        ("12,5", 12.5),
        ("abc", None),
        ("1..2", None),
        ("", None),
    ],
)
def test_numbers_read_as_belgian_and_english_files_write_them(cell, value):
    assert number(cell) == value


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_stored(small_city):
    data = sectors_file(
        [
            *GOOD,
            "2025|99999X99-|Nergens|10|1",  # line 6: unknown sector
            "2025|11002T01-|Berchem|veel|2",  # line 7: not a number
            "2024|11002S02-|Terloo|301|4",  # line 8: duplicate of line 3
            "twintig|11002S10-|x|1|1",  # line 9: not a year
        ]
    )
    checked = check_file(data, mapping())
    problems = [(p.line, p.column, p.message) for p in checked.problems]
    assert problems == [
        (6, "CD_SECTOR", "Unknown statistical sector code “99999X99-”."),
        (7, "TOTAL", "“veel” is not a number."),
        (8, "CD_SECTOR", "A duplicate of line 3: the same place and period."),
        (9, "CD_YEAR", "The year “twintig” is not a year."),
    ]
    assert checked.values == {}
    with pytest.raises(ValueError):
        values_import(by=None, checked=checked, file_name="bad.txt")
    assert not Value.objects.exists()


def test_a_header_without_the_mapped_columns_is_refused(small_city):
    checked = check_file(b"SECTOR;JAAR;INWONERS\n11002S01-;2024;5\n", mapping())
    assert [p.line for p in checked.problems] == [1]
    assert "CD_SECTOR" in checked.problems[0].message


def test_a_wide_xlsx_export_per_place_reads_codes_and_names(small_city):
    book = Workbook()
    sheet = book.active
    sheet.append(["Gebied", "Jaar", "Inwoners", "Mediaan inkomen"])
    sheet.append(["Borgerhout", 2024, 45800, 19876.5])
    sheet.append(["11002T", 2024, 42000, None])
    sheet.append(["Borgerhout-Noord", 2024, 20000, 18000])
    buffer = io.BytesIO()
    book.save(buffer)
    source = mapping(
        "Stadsportaal",
        layout="places",
        place_column="Gebied",
        year_column="Jaar",
        columns={"Inwoners": "residents", "Mediaan inkomen": "median_income"},
    )
    checked = check_file(buffer.getvalue(), source)
    assert checked.ok and checked.rows == 3 and len(checked.values) == 5
    values_import(by=None, checked=checked, file_name="portaal.xlsx", mapping=source)
    assert aggregate("residents", "11002S", 2024) == 45800
    assert aggregate("median_income", "11002S01", 2024) == 18000
    assert aggregate("residents", "11002", 2024) == 45800 + 42000


def test_a_wide_csv_names_an_unknown_place(small_city):
    source = mapping(
        "Stadsportaal",
        layout="places",
        place_column="gebied",
        year_column="jaar",
        columns={"inwoners": "residents"},
    )
    checked = check_file(b"gebied,jaar,inwoners\nAtlantis,2024,5\n", source)
    assert [(p.line, p.column) for p in checked.problems] == [(2, "gebied")]


def test_a_corrected_value_keeps_its_history(small_city):
    source = mapping()
    first = import_lines(GOOD, source, "a.txt")
    second = import_lines([GOOD[0], "2024|11002S01-|Stuivenberg|605|12"], source, "b.txt")
    assert (second.created, second.changed, second.unchanged) == (0, 1, 1)
    value = Value.objects.get(element__code="residents", sector__code="11002S01-", year=2024)
    assert value.value == 605 and value.source_import == second.data_import
    revision = ValueRevision.objects.get(value=value)
    assert revision.previous == 600
    assert revision.previous_import == first.data_import
    assert revision.replaced_in == second.data_import
    assert aggregate("residents", "11002S", 2024) == 905
