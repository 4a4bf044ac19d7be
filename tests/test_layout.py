"""tests/ mirrors samen/ (CONTRIBUTING.md, "Layout"): `samen/<module>/<file>.py` is tested in
`tests/<module>/test_<file>.py`, folders and management commands included, and every test file
is named after the source file it tests. What is left out either way is listed here, with why.

A package's `__init__.py` that holds code is tested in `test_init.py` in the package's mirror.
"""

import ast
from pathlib import Path

import samen

SAMEN = Path(samen.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent

# Folders whose files are not code to mirror.
EXEMPT_FOLDERS = {
    "migrations": "held by each module's test_migrations.py and by makemigrations --check",
    "locale": "catalogues: tests/core/test_catalogues.py and the modules' test_translations.py",
    "templates": "rendered by the tests of the views that use them",
    "static": "stylesheets and scripts, no Python",
    "formats": "Django's date formats per language, declarations tested together by "
    "tests/core/test_formats.py",
}

# Files, by name, that only declare what the framework runs.
EXEMPT_NAMES = {
    "apps.py": "the app's wiring: every test run runs ready(), its hooks are tested where used",
    "urls.py": "walked URL by URL by tests/test_urls.py and tests/core/test_no_store.py",
    "examples.py": "an API's OpenAPI examples, checked by tests/api/test_docs.py",
}

# Single files, relative to samen/, with nothing of their own to test.
EXEMPT_FILES = {
    "wsgi.py": "the production server's entry point, three lines of Django's",
    "policy/match_urls.py": "a URL configuration, walked by tests/test_urls.py",
    "policy/report_urls.py": "a URL configuration, walked by tests/test_urls.py",
    "signals/exchange_urls.py": "a URL configuration, walked by tests/test_urls.py",
    "audit/admin.py": "one unregister call; tests/core/test_shell.py holds the trail is absent",
    "communities/admin.py": "declarative; tests/people/test_permissions.py opens its lists",
    "monitor/admin.py": "declarative, read only; tests/people/test_permissions.py opens it",
    "notifications/admin.py": "declarative, read only; tests/people/test_permissions.py opens it",
    "places/admin.py": "declarative; tests/people/test_permissions.py opens its list",
}

# Source files whose own test file is still to be written. The list only shrinks: a file here
# that has its mirror now, or no longer exists, fails the test below.
NOT_YET_MIRRORED: dict[str, str] = {}

# Test files that test no one source file, each with what it spans.
NOT_A_MIRROR_NAMES = {
    "test_migrations.py": "a module's migrations, which are not mirrored file by file",
    "test_translations.py": "a module's own catalogue (its locale/ folder)",
    "test_case_references.py": "the purpose lock across every free-text door of a module",
}
NOT_A_MIRROR = {
    "test_layout.py": "this file: the layout of samen/ and tests/",
    "peers/test_federation.py": "two running Samen instances, across the API and the peers page",
    "api/test_scope_policy.py": "walks every module's API endpoints for their scope policy",
    "audit/test_trail.py": "the audit trail end to end: registry, models, acting and database",
    "cases/test_acknowledgement.py": "the confidentiality rules per meeting, across folders",
    "cases/test_api_secrecy.py": "what the case API reveals, across api, access and audit",
    "cases/test_insider_attack.py": "the administrator's path to a case, across people and cases",
    "core/test_catalogues.py": "every module's catalogue",
    "core/test_formats.py": "the date formats of every language (samen/core/formats/*/) in use",
    "core/test_import_contracts.py": "the import contracts of pyproject.toml",
    "core/test_public_apis.py": "reads all of samen/ for private library APIs",
    "core/test_shell.py": "headers, languages and the health check on every page",
    "mediation/test_signal_follow_up.py": "a signal followed up by a mediation: two modules",
    "people/test_authentication.py": "signing in: settings, adapters, lockout and second factor",
    "people/test_role_recertification.py": "elevated roles lapse and are re-confirmed: actions, "
    "roles, admin, middleware and API (its middleware part is being changed elsewhere)",
}


def has_code(path: Path) -> bool:
    """Whether a file holds more than a docstring, imports and `__all__`."""
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["__all__"]:
            continue
        return True
    return False


def mirror_of(source: Path) -> Path:
    relative = source.relative_to(SAMEN)
    name = "test_init.py" if relative.name == "__init__.py" else f"test_{relative.name}"
    return TESTS / relative.parent / name


def exempt(source: Path) -> bool:
    relative = source.relative_to(SAMEN)
    return (
        bool(set(relative.parts[:-1]) & set(EXEMPT_FOLDERS))
        or relative.name in EXEMPT_NAMES
        or relative.as_posix() in EXEMPT_FILES
    )


def sources() -> list[Path]:
    return sorted(path for path in SAMEN.rglob("*.py") if not exempt(path) and has_code(path))


def name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def test_every_source_file_has_its_test_file():
    missing = {
        name(path, SAMEN): name(mirror_of(path), TESTS)
        for path in sources()
        if not mirror_of(path).exists() and name(path, SAMEN) not in NOT_YET_MIRRORED
    }
    assert not missing, f"source file: the test file it needs {missing}"


def test_the_list_of_files_not_yet_mirrored_only_shrinks():
    listed = {SAMEN / relative for relative in NOT_YET_MIRRORED}
    gone = sorted(name(path, SAMEN) for path in listed if not path.exists())
    assert not gone, f"no longer in samen/, take them off NOT_YET_MIRRORED: {gone}"
    mirrored = sorted(name(path, SAMEN) for path in listed if mirror_of(path).exists())
    assert not mirrored, f"mirrored now, take them off NOT_YET_MIRRORED: {mirrored}"
    unneeded = sorted(name(path, SAMEN) for path in listed if path not in sources())
    assert not unneeded, f"exempt or without code, take them off NOT_YET_MIRRORED: {unneeded}"


def test_every_test_file_is_named_after_a_source_file():
    orphans = []
    for path in sorted(TESTS.rglob("test_*.py")):
        relative = path.relative_to(TESTS)
        if relative.parts[0] == "e2e":  # browser journeys through many pages, run on their own
            continue
        if relative.name in NOT_A_MIRROR_NAMES or relative.as_posix() in NOT_A_MIRROR:
            continue
        stem = relative.name.removeprefix("test_")
        source = SAMEN / relative.parent / stem
        package = SAMEN / relative.parent / "__init__.py"
        if not (source.exists() or (stem == "init.py" and package.exists())):
            orphans.append(relative.as_posix())
    assert not orphans, f"test files that mirror no source file: {orphans}"


def test_the_exemptions_name_what_exists():
    for relative in [*EXEMPT_FILES, *NOT_YET_MIRRORED]:
        assert (SAMEN / relative).exists(), relative
    for relative in NOT_A_MIRROR:
        assert (TESTS / relative).exists(), relative


def test_the_mirror_of_a_file_a_folder_and_a_command():
    assert mirror_of(SAMEN / "people/forms.py") == TESTS / "people/test_forms.py"
    assert mirror_of(SAMEN / "signals/views/lists.py") == TESTS / "signals/views/test_lists.py"
    command = SAMEN / "places/management/commands/import_places.py"
    expected = TESTS / "places/management/commands/test_import_places.py"
    assert mirror_of(command) == expected
    assert not has_code(SAMEN / "cases/models/work.py")  # re-exports only
    assert has_code(SAMEN / "cases/sections/__init__.py")  # the sections' registry
