"""What the retention run removes of the case work when a case is anonymised.

The core's run (samen.cases.retention) calls every function in its ANONYMISERS with the ids
of the cases it anonymises, inside its transaction and with the per-row trail off.
"""

from __future__ import annotations

from samen.cases import retention
from samen.cases.models import AgendaItem, Assessment, PoliceExchange, SupportPlan


def anonymise_case_work(case_ids: list[int]) -> None:
    """Delete the minutes and decisions, assessments, support plans and police exchanges of
    these cases. Meetings stay (they name no case); the agenda items go with their minutes."""
    AgendaItem.objects.filter(case_id__in=case_ids).delete()
    Assessment.objects.filter(case_id__in=case_ids).delete()
    SupportPlan.objects.filter(case_id__in=case_ids).delete()
    PoliceExchange.objects.filter(case_id__in=case_ids).delete()


if anonymise_case_work not in retention.ANONYMISERS:
    retention.ANONYMISERS.append(anonymise_case_work)
