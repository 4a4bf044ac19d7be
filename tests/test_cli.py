import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from samen.cli import COMMANDS, main


def test_help_lists_the_commands(capsys):
    main(["--help"])
    out = capsys.readouterr().out
    for name in ["demo", "serve", "seed", "import-places"]:
        assert name in out and name in COMMANDS


def test_console_script_runs_django_commands():
    result = subprocess.run(
        [sys.executable, "-m", "samen.cli", "import-places", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"SAMEN_DEBUG": "1", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "GeoJSON" in result.stdout


def test_serve_refuses_debug_settings(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr("os.execv", _never_exec)
    with pytest.raises(CommandError, match="production settings") as refused:
        call_command("serve", no_collectstatic=True)
    assert refused.value.returncode == 2


def _never_exec(*args):
    raise AssertionError("gunicorn started with debug settings")
