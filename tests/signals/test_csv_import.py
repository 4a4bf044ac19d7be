"""CSV import: every row checked like the form, all or nothing, one audited batch."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.core.weeks import week_of
from samen.monitor.models import WeeklyCount
from samen.signals.csv_import import COLUMNS, check_file, import_file
from samen.signals.models import Signal, SignalImport

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def moment(hours_ago: int = 3) -> str:
    return (timezone.now() - datetime.timedelta(hours=hours_ago)).isoformat(timespec="minutes")


def row(**cells) -> str:
    values = {
        "occurred_at": moment(),
        "district": "11002S",
        "neighbourhood": "11002S01",
        "categories": "youth-groups;housing",
        "severity": "2",
        "source_type": "resident",
        "information_class": "experienced",
        "confidence": "3",
        "text": "Spanning tussen jongeren op het plein in de avond.",
    }
    values.update(cells)
    return ",".join(_cell(values[c]) for c in COLUMNS)


def _cell(value: str) -> str:
    if any(ch in value for ch in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def test_a_good_file_is_imported_as_one_audited_batch(personas, wijk):
    data = csv_bytes(
        row(),
        row(categories="racism|religion", severity="4", neighbourhood=""),
        row(district="11002t", neighbourhood="", categories=" rules "),
    )
    outcome = import_file(data, by=personas.analyst, file_name="maart.csv")
    assert outcome.checked.problems == []
    batch = outcome.batch
    assert (batch.rows, batch.file_name, batch.imported_by) == (3, "maart.csv", personas.analyst)
    signals = Signal.objects.filter(imported_in=batch)
    assert signals.count() == 3
    assert {s.reporter for s in signals} == {personas.analyst}
    assert {s.status for s in signals} == {"new"}
    codes = sorted(sorted(s.categories.values_list("code", flat=True)) for s in signals)
    assert codes == [["housing", "youth-groups"], ["racism", "religion"], ["rules"]]
    assert {s.week for s in signals} == {week_of(s.occurred_at) for s in signals}
    borgerhout = WeeklyCount.objects.get(place=personas.borgerhout, category=None)
    assert (borgerhout.count, borgerhout.weighted) == (2, 6)
    assert WeeklyCount.objects.get(place=wijk, category=None).count == 1
    assert WeeklyCount.objects.get(place=personas.borgerhout.parent, category=None).count == 3
    record = AuditRecord.objects.get(content_type__model="signalimport", object_pk=str(batch.pk))
    assert record.actor == personas.analyst
    assert record.action == AuditRecord.Action.CREATE


def test_every_bad_row_is_reported_by_line_and_nothing_is_imported(personas, wijk):
    data = csv_bytes(
        row(),  # line 2: good
        row(severity="5"),  # line 3
        row(district="99999X", categories="no-such-thing"),  # line 4: two problems
        row(occurred_at="gisteren"),  # line 5
        row(),  # line 6: good
        row(neighbourhood="11002T01"),  # line 7: unknown code
        row(district="11002T"),  # line 8: the neighbourhood lies elsewhere
        row(categories="polarisation"),  # line 9: a group heading
        row(source_type="roddel", confidence="zeker"),  # line 10
    )
    outcome = import_file(data, by=personas.analyst, file_name="fout.csv")
    problems = {(p.line, p.column) for p in outcome.checked.problems}
    assert problems == {
        (3, "severity"),
        (4, "district"),
        (4, "categories"),
        (5, "occurred_at"),
        (7, "neighbourhood"),
        (8, "neighbourhood"),
        (9, "categories"),
        (10, "confidence"),
    }
    messages = {p.line: p.message for p in outcome.checked.problems}
    assert messages[3] == "Severity goes from 1 to 4."
    assert "99999X" in messages[4] or "no-such-thing" in messages[4]
    assert outcome.batch is None
    assert not Signal.objects.exists()
    assert not SignalImport.objects.exists()
    assert not WeeklyCount.objects.exists()


def test_a_bad_source_is_reported_once_the_cells_can_be_read(personas, wijk):
    checked = check_file(csv_bytes(row(source_type="roddel")), by=personas.analyst)
    assert [(p.line, p.column) for p in checked.problems] == [(2, "source_type")]


def test_personal_data_is_located_without_being_repeated(personas, wijk):
    text = "Bewoner geeft zijn nummer 0470 12 34 56 aan iedereen in de straat."
    checked = check_file(csv_bytes(row(), row(text=text)), by=personas.analyst)
    [problem] = checked.problems
    assert (problem.line, problem.column) == (3, "text")
    start = text.index("0470") + 1
    assert "phone number" in problem.message
    assert f"{start}–{start + len('0470 12 34 56') - 1}" in problem.message
    assert "0470" not in problem.message
    assert checked.rows == []


def test_line_numbers_count_newlines_inside_quoted_cells(personas, wijk):
    data = csv_bytes(row(text="Eerste regel.\nTweede regel."), row(severity="9"))
    checked = check_file(data, by=personas.analyst)
    assert [(p.line, p.column) for p in checked.problems] == [(4, "severity")]


def test_a_row_with_too_few_cells_is_reported(personas, wijk):
    checked = check_file(csv_bytes(row(), "2025-01-01T10:00,11002S"), by=personas.analyst)
    [problem] = checked.problems
    assert problem.line == 3
    assert "2 cells" in problem.message


def test_missing_and_unknown_columns_are_named(personas):
    header = "occurred_at,district,categories,severity,text,colour"
    checked = check_file(csv_bytes("x,y,z,1,t,rood", header=header), by=personas.analyst)
    [problem] = [p for p in checked.problems if "lacks" in p.message]
    assert problem.line == 1
    for column in ("source_type", "information_class", "confidence"):
        assert column in problem.message
    assert "neighbourhood" not in problem.message  # optional
    assert any("colour" in p.message for p in checked.problems)


def test_the_neighbourhood_column_may_be_left_out(personas):
    header = HEADER.replace("neighbourhood,", "")
    line = row().replace(",11002S01,", ",")
    outcome = import_file(csv_bytes(line, header=header), by=personas.analyst, file_name="a.csv")
    assert outcome.batch.rows == 1
    assert Signal.objects.get().neighbourhood is None


def test_a_file_that_is_not_utf8_is_refused_with_its_line(personas, wijk):
    data = csv_bytes(row(), row(text="Spanning in de straat, café gesloten.")).decode()
    checked = check_file(data.encode("cp1252"), by=personas.analyst)
    [problem] = checked.problems
    assert problem.line == 3
    assert "UTF-8" in problem.message


def test_a_byte_order_mark_and_windows_line_ends_are_fine(personas, wijk):
    data = "\ufeff" + csv_bytes(row(), row()).decode().replace("\n", "\r\n")
    checked = check_file(data.encode(), by=personas.analyst)
    assert checked.problems == []
    assert len(checked.rows) == 2


@pytest.mark.parametrize("data", [b"", HEADER.encode() + b"\n", b"\n\n"])
def test_an_empty_file_imports_nothing(personas, data):
    outcome = import_file(data, by=personas.analyst, file_name="leeg.csv")
    assert outcome.checked.problems
    assert outcome.batch is None
    assert not SignalImport.objects.exists()


def test_a_moment_without_offset_is_the_city_s_own_time(personas, wijk):
    local = timezone.localtime() - datetime.timedelta(days=2)
    naive = local.replace(tzinfo=None, second=0, microsecond=0).isoformat()
    import_file(csv_bytes(row(occurred_at=naive)), by=personas.analyst, file_name="t.csv")
    assert Signal.objects.get().occurred_at == local.replace(second=0, microsecond=0)


def test_the_same_file_name_again_needs_confirmation(personas, wijk):
    data = csv_bytes(row())
    first = import_file(data, by=personas.analyst, file_name="week12.csv")
    again = import_file(data, by=personas.analyst, file_name="week12.csv")
    assert again.batch is None
    assert again.earlier == [first.batch]
    assert Signal.objects.count() == 1
    confirmed = import_file(data, by=personas.analyst, file_name="week12.csv", again=True)
    assert confirmed.batch.pk != first.batch.pk
    assert Signal.objects.count() == 2
    assert SignalImport.objects.count() == 2


def test_a_coordinator_imports_for_their_own_district_only(personas, wijk):
    data = csv_bytes(row(), row(district="11002T", neighbourhood=""))
    outcome = import_file(data, by=personas.coordinator, file_name="c.csv")
    assert [(p.line, p.column) for p in outcome.checked.problems] == [(3, "district")]
    assert not Signal.objects.exists()
    outcome = import_file(csv_bytes(row()), by=personas.coordinator, file_name="c.csv")
    assert outcome.batch.rows == 1


@pytest.mark.parametrize("who", ["frontline", "prevention", "partner", "dpo"])
def test_other_roles_may_not_import(personas, wijk, who):
    with pytest.raises(PermissionDenied):
        import_file(csv_bytes(row()), by=getattr(personas, who), file_name="x.csv")
    assert not Signal.objects.exists()


def test_too_many_rows_for_the_page_are_refused(personas, wijk):
    checked = check_file(csv_bytes(row(), row(), row()), by=personas.analyst, max_rows=2)
    assert [p.line for p in checked.problems] == [4]
    assert checked.rows == []


# --- The command ------------------------------------------------------------------------------
