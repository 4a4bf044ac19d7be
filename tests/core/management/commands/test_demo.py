"""The demo command: seeds once, serves from a fresh interpreter, prints every demo account on each
run."""

import sys
from io import StringIO

import pytest
from django.core.management import call_command


def _only_seed_calls(name, *args, **kwargs):
    assert name in {"compile_translations", "migrate"}, name


@pytest.mark.django_db
def test_a_later_demo_run_prints_every_demo_account_again_the_mayor_too(monkeypatch):
    call_command("seed", staff=60, seed=7, signals=300, no_progress=True, stdout=StringIO())
    # The demo migrates and compiles first; the test database is ready already.
    monkeypatch.setattr("samen.core.management.commands.demo.call_command", _only_seed_calls)
    out = StringIO()
    call_command("demo", seed=7, no_serve=True, stdout=out)
    text = out.getvalue()
    assert "buurtwerker@samen.test" in text
    assert "burgemeester@samen.test" in text


@pytest.mark.django_db
def test_the_demo_serves_from_a_fresh_interpreter_that_loads_the_compiled_catalogues(
    monkeypatch,
):
    call_command("seed", staff=60, seed=7, signals=300, no_progress=True, stdout=StringIO())
    monkeypatch.setattr("samen.core.management.commands.demo.call_command", _only_seed_calls)
    started = []
    monkeypatch.setattr(
        "samen.core.management.commands.demo.os.execv",
        lambda path, argv: started.append((path, argv)),
    )
    call_command("demo", seed=7, addrport="127.0.0.1:8123", stdout=StringIO())
    [(path, argv)] = started
    assert path == sys.executable
    assert argv[1:] == [
        "-m",
        "samen.cli",
        "runserver",
        "127.0.0.1:8123",
        "--noreload",
        "--skip-checks",
    ]
