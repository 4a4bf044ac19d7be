"""The import command files a CSV of signals from the server: every bad line listed and
nothing imported, a file imported before refused unless told again, an importing role needed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from samen.signals.csv_import import check_file, import_file
from samen.signals.models import Signal, SignalImport
from tests.signals.test_csv_import import csv_bytes, row

pytestmark = pytest.mark.django_db


def run(*args, language="en"):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_signals", *args, "--no-progress", "--language", language, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


def test_the_command_imports_a_file(personas, wijk, tmp_path):
    path = tmp_path / "signalen.csv"
    path.write_bytes(csv_bytes(row(), row()))
    out, _err = run(str(path), "--as", personas.analyst.email.upper())
    assert "Imported 2 signals from signalen.csv" in out
    assert SignalImport.objects.get().imported_by == personas.analyst


def test_the_command_lists_every_bad_line_and_imports_nothing(personas, wijk, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(csv_bytes(row(severity="0"), row(), row(confidence="9")))
    with pytest.raises(CommandError, match="nothing was imported"):
        run(str(path), "--as", personas.analyst.email)
    assert not Signal.objects.exists()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_signals", str(path), "--as", personas.analyst.email, "--no-progress", stderr=err
        )
    # Dutch unless asked otherwise, like the rest of Samen.
    with translation.override("nl"):
        expected = f"{gettext('line %(line)s') % {'line': 2}} [severity]: "
        expected += gettext("Severity goes from 1 to 4.")
    assert expected in err.getvalue()
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_signals",
            *(str(path), "--as", personas.analyst.email, "--no-progress", "--language", "en"),
            stderr=err,
        )
    assert "line 2 [severity]: Severity goes from 1 to 4." in err.getvalue()
    assert "line 4 [confidence]" in err.getvalue()


def test_the_command_refuses_a_file_imported_before_unless_told_again(personas, wijk, tmp_path):
    path = tmp_path / "week.csv"
    path.write_bytes(csv_bytes(row()))
    run(str(path), "--as", personas.analyst.email)
    with pytest.raises(CommandError, match="--again"):
        run(str(path), "--as", personas.analyst.email)
    run(str(path), "--as", personas.analyst.email, "--again")
    assert Signal.objects.count() == 2


def test_the_command_needs_an_importing_role(personas, wijk, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(csv_bytes(row()))
    with pytest.raises(CommandError, match="may not import"):
        run(str(path), "--as", personas.frontline.email)
    with pytest.raises(CommandError, match="No active account"):
        run(str(path), "--as", "nobody@samen.test")
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.csv"), "--as", personas.analyst.email)
    assert not Signal.objects.exists()


def test_checking_in_worker_processes_gives_the_same_outcome(personas, wijk):
    from samen.signals.management.commands.import_signals import ParallelChunks

    bad = csv_bytes(*(row() for _ in range(30)), row(severity="8"), row(text="mail a@b.be"))
    sequential = check_file(bad, by=personas.analyst)
    parallel = check_file(bad, by=personas.analyst, chunks=ParallelChunks(2))
    assert parallel.problems == sequential.problems
    assert [p.line for p in parallel.problems] == [32, 33]
    good = csv_bytes(*(row(severity=str(1 + n % 4)) for n in range(25)))
    outcome = import_file(
        good, by=personas.analyst, file_name="groot.csv", chunks=ParallelChunks(2)
    )
    assert outcome.batch.rows == 25
    assert sorted(Signal.objects.values_list("severity", flat=True)) == sorted(
        1 + n % 4 for n in range(25)
    )
    assert Signal.objects.filter(neighbourhood=wijk).count() == 25
