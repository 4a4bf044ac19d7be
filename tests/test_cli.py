import subprocess
import sys

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
