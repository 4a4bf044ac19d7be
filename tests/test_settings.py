"""Production settings, checked in a separate process as a server would load them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SAMEN_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "samen.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_python(
        "import django, sys; from django.core.management import call_command; django.setup();"
        "call_command('check', deploy=True, fail_level='WARNING')",
        SECRET_KEY="a" * 20 + "production-secret-for-the-test-only-0123456789",
        ALLOWED_HOSTS="samen.example",
        SAMEN_DATA_DIR=str(tmp_path),
        # The case consultation's keys, kept apart from SECRET_KEY (docs/cases.md).
        SAMEN_CASE_KEYS="Zm9yLXRoZS10ZXN0LW9ubHktMDEyMzQ1Njc4OWFiY2Q=",
        SAMEN_CASE_INDEX_KEY="index-key-for-the-test-only-0123456789abcdef",
        # The keys of stored second-factor secrets, apart from both.
        SAMEN_MFA_KEYS="bWZhLWZvci10aGUtdGVzdC1vbmx5LTAxMjM0NTY3ODk=",
        # The keys of the webhooks' signing secrets, apart from all of them.
        SAMEN_WEBHOOK_KEYS="d2ViaG9va3MtZm9yLXRoZS10ZXN0LW9ubHktMDEyMzQ=",
        SAMEN_PEER_KEYS="cGVlcnMtdG9rZW5zLWZvci10aGUtdGVzdC1vbmx5LTA=",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_secret_key_is_required_outside_debug(tmp_path):
    result = run_python("import django; django.setup()", SAMEN_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_hashes_passwords_with_argon2(tmp_path):
    result = run_python(
        "import django; django.setup(); from django.contrib.auth.hashers import make_password;"
        "print(make_password('x'))",
        SECRET_KEY="a" * 60,
        SAMEN_DATA_DIR=str(tmp_path),
    )
    assert result.stdout.startswith("argon2$argon2id$"), result.stderr


def test_sqlite_by_default_in_wal_mode(tmp_path):
    result = run_python(
        "import django; django.setup(); from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(connection.vendor, c.fetchone()[0])",
        SAMEN_DEBUG="1",
        SAMEN_DATA_DIR=str(tmp_path),
    )
    assert result.stdout.split() == ["sqlite", "wal"], result.stderr
    assert (tmp_path / "samen.sqlite3").exists()


def test_database_url_selects_postgresql(tmp_path):
    result = run_python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE'])",
        SAMEN_DEBUG="1",
        DATABASE_URL="postgres://someone@db.example:5432/samen",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr


@pytest.mark.parametrize("minutes", ["30", "10"])
def test_idle_timeout_is_configurable(minutes):
    result = run_python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.SESSION_COOKIE_AGE)",
        SAMEN_DEBUG="1",
        SAMEN_IDLE_TIMEOUT_MINUTES=minutes,
    )
    assert result.stdout.strip() == str(int(minutes) * 60), result.stderr


# What once relaxed a safeguard from the environment, and must not any more.
OLD_SWITCHES = {
    "SAMEN_TESTING": "1",
    "SAMEN_LOGIN_LOCKOUT": "0",
    "SAMEN_SSL_REDIRECT": "0",
    "SAMEN_BENCH_VIEWS": "1",
    "SAMEN_BENCH_CASE_READ_AUDIT": "off",
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    "SAMEN_MFA_REQUIRED_ROLES": "frontline_worker",
}
PRODUCTION = {"SECRET_KEY": "p" * 60, "ALLOWED_HOSTS": "samen.example"}


SAFEGUARDS = """
import django
django.setup()
from django.conf import settings
from django.urls import Resolver404, resolve
from samen.core.keys import development_mode

def resolves(path):
    try:
        return resolve(path).url_name
    except Resolver404:
        return None

print(settings.AXES_ENABLED, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE)
print(settings.PASSWORD_HASHERS[0], settings.TASKS["default"]["BACKEND"], settings.EMAIL_BACKEND)
print("development keys:", development_mode())
print("bench urls:", [path for path in ("/bench/bare/", "/bench/insert/") if resolves(path)])
print(*sorted(settings.MFA_REQUIRED_ROLES))
"""


def test_no_variable_switches_a_safeguard_off_in_production(tmp_path):
    result = run_python(SAFEGUARDS, SAMEN_DATA_DIR=str(tmp_path), **OLD_SWITCHES, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True True True",
        "django.contrib.auth.hashers.Argon2PasswordHasher django_tasks_db.DatabaseBackend "
        "django.core.mail.backends.smtp.EmailBackend",
        "development keys: False",
        "bench urls: []",
        # The variable adds roles that need a second factor; it cannot take one away.
        "administrator data_protection_officer frontline_worker partner_professional "
        "prevention_officer",
    ]


def test_the_test_runs_variable_does_not_stand_in_for_a_secret_key(tmp_path):
    result = run_python(
        "import django; django.setup()", SAMEN_DATA_DIR=str(tmp_path), SAMEN_TESTING="1"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("rate", ["lots", "120", "120/fortnight", "-5/min"])
def test_an_api_rate_that_is_not_a_rate_stops_the_server_with_a_clear_message(tmp_path, rate):
    result = run_python(
        "import django; django.setup()",
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_API_RATE_TOKEN=rate,
        **PRODUCTION,
    )
    assert result.returncode != 0
    assert "SAMEN_API_RATE_TOKEN must be a rate such as 120/min" in result.stderr


def test_the_api_rates_come_from_the_environment(tmp_path):
    result = run_python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.SAMEN_API_RATE_PERSON, settings.SAMEN_API_RATE_TOKEN)",
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_API_RATE_PERSON="50/hour",
        SAMEN_API_RATE_TOKEN="10/s",
        **PRODUCTION,
    )
    assert result.stdout.split() == ["50/hour", "10/s"], result.stderr


AFTERCARE = (
    "import django; django.setup(); from django.conf import settings;"
    "print(settings.SAMEN_CASE_AFTERCARE_MONTHS, settings.SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS)"
)


def test_the_aftercare_settings_default_to_6_and_12_months_and_one_year(tmp_path):
    result = run_python(AFTERCARE, SAMEN_DEBUG="1", SAMEN_DATA_DIR=str(tmp_path))
    assert result.stdout.split() == ["(6,", "12)", "1"], result.stderr


def test_the_aftercare_settings_read_their_names(tmp_path):
    result = run_python(
        AFTERCARE,
        SAMEN_DEBUG="1",
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_CASE_AFTERCARE_MONTHS="3,9",
        SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS="2",
    )
    assert result.stdout.split() == ["(3,", "9)", "2"], result.stderr


def test_a_deployment_configured_with_the_follow_up_names_keeps_its_values(tmp_path):
    result = run_python(
        AFTERCARE,
        SAMEN_DEBUG="1",
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_CASE_FOLLOW_UP_MONTHS="4",
        SAMEN_CASE_RETENTION_NO_FOLLOW_UP_YEARS="3",
    )
    assert result.stdout.split() == ["(4,)", "3"], result.stderr


def test_the_aftercare_names_win_over_the_follow_up_names(tmp_path):
    result = run_python(
        AFTERCARE,
        SAMEN_DEBUG="1",
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_CASE_AFTERCARE_MONTHS="5",
        SAMEN_CASE_FOLLOW_UP_MONTHS="4",
        SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS="2",
        SAMEN_CASE_RETENTION_NO_FOLLOW_UP_YEARS="3",
    )
    assert result.stdout.split() == ["(5,)", "2"], result.stderr
