"""The serve command refuses to serve debug settings."""

import pytest
from django.core.management import CommandError, call_command


def _never_exec(*args):
    raise AssertionError("gunicorn started with debug settings")


def test_serve_refuses_debug_settings(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr("os.execv", _never_exec)
    with pytest.raises(CommandError, match="production settings") as refused:
        call_command("serve", no_collectstatic=True)
    assert refused.value.returncode == 2
