"""The nightly command records the roles that lapsed and says how many."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_record_role_lapses_reports_what_it_recorded(personas, capsys):
    call_command("record_role_lapses")
    assert "0" in capsys.readouterr().out
