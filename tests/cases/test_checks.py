"""Production refuses to start without the case keys; debug and tests use a development key."""

import base64

import pytest
from cryptography.fernet import Fernet

from tests.test_settings import run_python

PRODUCTION = {"SECRET_KEY": "p" * 60, "ALLOWED_HOSTS": "samen.example"}
CHECK = (
    "import django; from django.core.management import call_command; django.setup();"
    "call_command('check', deploy=True, fail_level='ERROR')"
)


def test_check_deploy_fails_without_the_case_keys(tmp_path):
    result = run_python(CHECK, SAMEN_DATA_DIR=str(tmp_path), **PRODUCTION)
    assert result.returncode != 0
    assert "cases.E001" in result.stderr and "SAMEN_CASE_KEYS" in result.stderr


@pytest.mark.parametrize(
    "keys, index_key, problem",
    [
        ("not-a-key", "i" * 40, "is not a Fernet key"),
        # A fixed valid key: a random one would give each parallel test worker another name.
        (base64.urlsafe_b64encode(bytes(range(32))).decode(), "short", "SAMEN_CASE_INDEX_KEY"),
    ],
    ids=["bad-case-key", "short-index-key"],
)
def test_check_deploy_names_a_bad_key(tmp_path, keys, index_key, problem):
    result = run_python(
        CHECK,
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_CASE_KEYS=keys,
        SAMEN_CASE_INDEX_KEY=index_key,
        **PRODUCTION,
    )
    assert result.returncode != 0
    assert problem in result.stderr


def test_check_deploy_passes_with_real_keys(tmp_path):
    keys = f"{Fernet.generate_key().decode()},{Fernet.generate_key().decode()}"
    result = run_python(
        CHECK,
        SAMEN_DATA_DIR=str(tmp_path),
        SAMEN_CASE_KEYS=keys,
        SAMEN_CASE_INDEX_KEY="an-index-key-of-forty-characters-or-more",
        **PRODUCTION,
    )
    assert "cases.E001" not in result.stderr, result.stderr
