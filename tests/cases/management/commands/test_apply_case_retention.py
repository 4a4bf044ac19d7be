"""The retention command counts what it would anonymise, then does it."""

import io

import pytest
from django.core.management import call_command

from samen.cases import tasks
from samen.cases.actions.cases import case_close
from samen.cases.models import Case
from tests.cases.test_retention import later
from tests.cases.test_tasks import DATABASE_TASKS

pytestmark = pytest.mark.django_db


def test_the_command_counts_and_runs(table):
    case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=False)
    out = io.StringIO()
    with later(400):
        call_command("apply_case_retention", "--dry-run", stdout=out)
        assert Case.objects.live().count() == 2
        call_command("apply_case_retention", stdout=out)
    assert "1" in out.getvalue()
    assert Case.objects.live().count() == 1


@DATABASE_TASKS
def test_the_command_schedules_the_run(table):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("apply_case_retention", "--schedule", stdout=out)
    assert "queued" in out.getvalue()
    assert tasks.queued_run() is not None
