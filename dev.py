#!/usr/bin/env python3
"""Samen's two commands for a fresh machine with only Python 3.11+.

    python3 dev.py demo   install into .venv, prepare the demo city and serve it
    python3 dev.py test   install into .venv and run the whole test suite (extra args go to pytest)

Standard library only, because it runs before anything is installed.
"""

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SAMEN_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def install(extras: str = "") -> None:
    """Create the virtual environment once and install Samen into it (editable)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before anything checks it
        sys.exit("Samen needs Python 3.11 or newer.")
    if not (BIN / "python").exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    print(f"Installing Samen{f' with {extras}' if extras else ''} ...", flush=True)
    subprocess.run(
        [
            BIN / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )


def main() -> int:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "demo":
        install()
        return subprocess.call([BIN / "samen", "demo", *rest], cwd=ROOT)
    if command == "test":
        install("test")
        subprocess.run(
            [BIN / "samen", "compile-translations"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "SAMEN_DEBUG": "1"},
        )
        return subprocess.call([BIN / "python", "-m", "pytest", *rest], cwd=ROOT)
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main())
