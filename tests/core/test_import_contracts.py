"""The import contracts in pyproject.toml hold, cover every module, ignore no import, and
break when violated."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

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


def top_level() -> set[str]:
    return {f"samen.{m.name}" for m in pkgutil.iter_modules(samen.__path__)}


def layer_names(layer: str) -> set[str]:
    return {name.strip() for name in layer.replace(":", "|").split("|")}


def platform() -> set[str]:
    """The packages of every layer below the modules'."""
    _modules, *lower = contracts()["layers"]["layers"]
    return {name for layer in lower for name in layer_names(layer)}


def test_no_contract_ignores_an_import():
    assert all(not contract.get("ignore_imports") for contract in contracts().values())


def test_every_module_but_the_case_consultation_is_held_to_the_purpose_lock():
    assert set(contracts()["purpose-lock"]["source_modules"]) == top_level() - {"samen.cases"}


def test_the_case_consultation_may_import_the_platform_and_nothing_else():
    contract = contracts()["cases-on-the-platform-only"]
    assert contract["source_modules"] == ["samen.cases"]
    assert set(contract["forbidden_modules"]) == top_level() - platform() - {"samen.cases"}


def test_the_tension_monitor_may_import_the_platform_and_nothing_else():
    contract = contracts()["monitor-on-the-platform-only"]
    assert contract["source_modules"] == ["samen.monitor"]
    assert set(contract["forbidden_modules"]) == top_level() - platform() - {"samen.monitor"}


def test_the_platform_and_the_modules_are_all_layered():
    layers = contracts()["layers"]["layers"]
    named = {name for layer in layers for name in layer_names(layer)}
    packages = {f"samen.{m.name}" for m in pkgutil.iter_modules(samen.__path__) if m.ispkg}
    assert named == packages


def test_the_platform_is_layered_in_a_strict_order():
    """Below the modules, one package per layer, or independent siblings: never ":"."""
    _modules, *lower = contracts()["layers"]["layers"]
    assert lower[-1] == "samen.core"
    assert all(":" not in layer for layer in lower)


def matching(graph, expressions: list[str]) -> set[str]:
    found = set()
    for expression in expressions:
        if "*" in expression:
            found |= graph.find_matching_modules(expression)
        else:
            found.add(expression)
    return found


def named(module: str, kind: str) -> bool:
    """Whether `module` is, or lies inside, a module named `kind` or `*_<kind>`."""
    return any(part == kind or part.endswith(f"_{kind}") for part in module.split(".")[1:])


def test_every_access_module_and_every_views_module_is_in_the_access_contract():
    contract = contracts()["access-without-views"]
    graph = grimp.build_graph("samen", cache_dir=None)
    access = {m for m in graph.modules if named(m, "access")}
    views = {m for m in graph.modules if named(m, "views")}
    assert "samen.cases.access.cases" in access and "samen.cases.views.cases" in views
    assert matching(graph, contract["source_modules"]) >= access
    assert matching(graph, contract["forbidden_modules"]) >= views


def test_the_case_consultation_is_layered_by_its_folders():
    """Each layer of the case consultation is one of its packages, views at the top, models at
    the bottom, and the access and views folders are in the access contract."""
    contract = contracts()["cases-layers"]
    assert contract["type"] == "layers"
    assert contract["containers"] == ["samen.cases"]
    layers = contract["layers"]
    assert "views" in layer_names(layers[0])
    assert layers[-2:] == ["access", "models"]
    packages = {m.name for m in pkgutil.iter_modules([str(ROOT / "samen" / "cases")]) if m.ispkg}
    named_layers = {name for layer in layers for name in layer_names(layer)}
    assert named_layers <= packages
    assert {"access", "actions", "forms", "models", "sections", "seed", "views"} <= named_layers


def test_the_signals_module_is_layered_by_its_folders():
    """Each layer of the signals module is one of its modules or packages, its pages at the
    top, its models at the bottom."""
    contract = contracts()["signals-layers"]
    assert contract["type"] == "layers"
    assert contract["containers"] == ["samen.signals"]
    layers = contract["layers"]
    assert {"views", "api"} <= layer_names(layers[0])
    assert layers[-4:] == ["forms", "actions", "access", "models"]
    found = {m.name for m in pkgutil.iter_modules([str(ROOT / "samen" / "signals")])}
    assert {name for layer in layers for name in layer_names(layer)} <= found


def test_a_forbidden_import_breaks_the_build(tmp_path):
    """A copy of the code with an import from the platform into a module, one from a lower
    platform layer into a higher one, one into the case consultation, one from it into another
    module, one from the tension monitor into the signals module, one from access rules into
    views, and ones from the case consultation's and the signals module's access rules into
    their actions: every contract breaks, lint-imports fails."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT / "samen",
        tmp_path / "samen",
        ignore=shutil.ignore_patterns("locale", "static", "templates", "__pycache__", "*.pyc"),
    )
    with open(tmp_path / "samen" / "core" / "dates.py", "a") as dates:
        dates.write("\nimport samen.signals.models  # noqa\n")
    with open(tmp_path / "samen" / "audit" / "reads.py", "a") as reads:
        reads.write("\nimport samen.people.models  # noqa\n")
    with open(tmp_path / "samen" / "mediation" / "exports.py", "a") as exports:
        exports.write("\nimport samen.cases.models  # noqa\n")
    with open(tmp_path / "samen" / "cases" / "apps.py", "a") as apps:
        apps.write("\nimport samen.signals.models  # noqa\n")
    with open(tmp_path / "samen" / "monitor" / "charts.py", "a") as charts:
        charts.write("\nimport samen.signals.models  # noqa\n")
    with open(tmp_path / "samen" / "signals" / "access.py", "a") as signals_access:
        signals_access.write("\nimport samen.signals.actions  # noqa\n")
    with open(tmp_path / "samen" / "mediation" / "access.py", "a") as access:
        access.write("\nimport samen.mediation.views  # noqa\n")
    with open(tmp_path / "samen" / "cases" / "access" / "work.py", "a") as work_access:
        work_access.write("\nimport samen.cases.actions.meetings  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "Contracts: 0 kept, 7 broken." in result.stdout, result.stdout
    assert "samen.core.dates -> samen.signals.models" in result.stdout
    assert "samen.audit.reads -> samen.people.models" in result.stdout
    assert "samen.mediation.exports -> samen.cases.models" in result.stdout
    assert "samen.cases.apps -> samen.signals.models" in result.stdout
    assert "samen.mediation.access -> samen.mediation.views" in result.stdout
    assert "samen.cases.access.work -> samen.cases.actions.meetings" in result.stdout
    assert "samen.monitor.charts -> samen.signals.models" in result.stdout
    assert "samen.signals.access -> samen.signals.actions" in result.stdout
