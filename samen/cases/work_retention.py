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


# The run's list of anonymisers arrives with the core's retention run; until both are merged
# there is nothing to register with.
_anonymisers = getattr(retention, "ANONYMISERS", None)
if _anonymisers is not None and anonymise_case_work not in _anonymisers:
    _anonymisers.append(anonymise_case_work)
