import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from samen.audit.models import AuditRecord
from samen.people.models import Organisation, PolicyLevel, Team, User
from samen.people.roles import Role

ROOT = Path(__file__).resolve().parents[4]


@pytest.mark.django_db
def test_seed_builds_a_city_with_one_demo_account_per_role():
    out = StringIO()
    call_command("seed", staff=60, seed=7, signals=300, no_progress=True, stdout=out)
    # The staff asked for, the demo mayor of the case consultation, and the two demo partners
    # at the federal and Flemish level (samen.exchange.seed).
    assert User.objects.count() == 60 + 1 + 2
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    for role in Role.values:
        assert User.objects.filter(role=role, email__endswith="@samen.test").exists()
    assert set(Organisation.objects.values_list("policy_level", flat=True)) == set(
        PolicyLevel.values
    )
    assert Team.objects.count() == 40
    text = out.getvalue()
    assert "buurtwerker@samen.test" in text and "Samen-" in text
    # Everything it made went through actions, so it is in the audit trail.
    created = AuditRecord.objects.filter(
        content_type__model="user", action=AuditRecord.Action.CREATE
    )
    assert created.count() == 60 + 1 + 2
    # Only the demo accounts can sign in with a password; the rest need a reset.
    assert User.objects.filter(password__startswith="!").count() == 60 - 7
    assert "burgemeester@samen.test" in text


@pytest.mark.django_db
def test_seed_refuses_a_database_that_has_accounts(personas):
    with pytest.raises(CommandError, match="already holds accounts"):
        call_command("seed", staff=20, no_progress=True, stdout=StringIO())


@pytest.mark.django_db
def test_seed_refuses_a_tiny_city():
    with pytest.raises(CommandError, match="at least 10"):
        call_command("seed", staff=3, no_progress=True, stdout=StringIO())
    assert not User.objects.exists()


def seed_in_fresh_database(folder: Path, seed: int) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SAMEN_", "DATABASE_URL"))}
    env.update(SAMEN_DEBUG="1", SAMEN_DATA_DIR=str(folder))
    samen = [sys.executable, "-m", "samen.cli"]
    subprocess.run([*samen, "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=300)
    subprocess.run(
        [*samen, "seed", "--staff", "40", "--signals", "200", "--seed", str(seed), "--no-progress"],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
    )
    listing = subprocess.run(
        [
            *samen,
            "shell",
            "-c",
            "from samen.people.models import User;"
            "print(list(User.objects.order_by('email').values_list('email', 'full_name', 'role')))",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    return listing.stdout


def test_the_same_seed_gives_the_same_city(tmp_path):
    first = seed_in_fresh_database(tmp_path / "a", 11)
    again = seed_in_fresh_database(tmp_path / "b", 11)
    other = seed_in_fresh_database(tmp_path / "c", 12)
    assert first == again
    assert first != other


# --- Production settings: no demo city, no known password --------------------------------------


def row_counts() -> dict[str, int]:
    """The number of rows in every table of the database."""
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def production(settings):
    """The settings of a server: no debug, and not the test run."""
    settings.DEBUG = False
    settings.TESTING = False


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["seed", "demo"])
def test_seed_and_demo_refuse_production_settings_and_change_nothing(
    production, monkeypatch, command
):
    # The demo would migrate and compile first: it must refuse before that too.
    monkeypatch.setattr("samen.core.management.commands.demo.call_command", _nothing_called)
    before = row_counts()
    with pytest.raises(CommandError, match="production settings") as refused:
        call_command(command, staff=20, stdout=StringIO())
    assert refused.value.returncode == 2
    assert row_counts() == before
    assert not User.objects.exists()


def _nothing_called(name, *args, **kwargs):
    raise AssertionError(f"{name} ran under production settings")


def run_samen(args: list[str], folder: Path, **env) -> subprocess.CompletedProcess:
    """A `samen` command in a fresh process, as on a server whose environment has `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SAMEN_", "DATABASE_URL"))}
    clean.pop("SECRET_KEY", None)
    clean.update(SAMEN_DATA_DIR=str(folder), DJANGO_SETTINGS_MODULE="samen.settings", **env)
    return subprocess.run(
        [sys.executable, *args], env=clean, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "args",
    [
        ["-m", "samen.cli", "seed", "--staff", "20"],
        ["-m", "samen.cli", "demo", "--no-serve"],
        ["manage.py", "seed", "--staff", "20"],
    ],
)
def test_on_a_server_seed_and_demo_exit_with_status_2_in_dutch(tmp_path, args):
    result = run_samen(args, tmp_path, SECRET_KEY="s" * 60, ALLOWED_HOSTS="samen.example")
    assert result.returncode == 2, result.stderr
    assert "Geweigerd: dit zijn productie-instellingen" in result.stderr
    # Not even a database file was made.
    assert not (tmp_path / "samen.sqlite3").exists()
