"""The import contracts in pyproject.toml hold, cover every module, and break when violated."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import samen

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [LINT_IMPORTS, "--no-logo", "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_contracts_hold_today():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_module_but_the_case_consultation_is_held_to_the_purpose_lock():
    top_level = {f"samen.{m.name}" for m in pkgutil.iter_modules(samen.__path__)}
    assert set(contracts()["purpose-lock"]["source_modules"]) == top_level - {"samen.cases"}


def test_the_platform_and_the_modules_are_all_layered():
    layers = contracts()["layers"]["layers"]
    named = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    packages = {f"samen.{m.name}" for m in pkgutil.iter_modules(samen.__path__) if m.ispkg}
    assert named == packages


def test_a_forbidden_import_breaks_the_build(tmp_path):
    """A copy of the code with one import from the platform into a module and one into the
    case consultation: both contracts break, and lint-imports fails."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT / "samen",
        tmp_path / "samen",
        ignore=shutil.ignore_patterns("locale", "static", "templates", "__pycache__", "*.pyc"),
    )
    with open(tmp_path / "samen" / "core" / "dates.py", "a") as dates:
        dates.write("\nimport samen.signals.models  # noqa\n")
    with open(tmp_path / "samen" / "mediation" / "exports.py", "a") as exports:
        exports.write("\nimport samen.cases.models  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "Contracts: 0 kept, 2 broken." in result.stdout, result.stdout
    assert "samen.core.dates -> samen.signals.models" in result.stdout
    assert "samen.mediation.exports -> samen.cases.models" in result.stdout
