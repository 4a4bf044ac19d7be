"""The nightly record of lapsed roles (samen/people/tasks.py)."""

import datetime

from django.utils import timezone

from samen.people.tasks import NIGHTLY, record_role_lapses_nightly


def test_the_run_records_the_lapsed_roles_and_queues_nothing_in_tests(personas, settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 1
    personas.analyst.role_confirmed_at = timezone.now() - datetime.timedelta(days=90)
    personas.analyst.save()
    result = record_role_lapses_nightly.enqueue().return_value
    assert result == {"lapsed": 1, "next_run": None}
    assert record_role_lapses_nightly.enqueue().return_value["lapsed"] == 0


def test_it_runs_at_a_quarter_to_three():
    assert NIGHTLY.at == datetime.time(2, 45)
