"""The case work's models (meetings, assessments, support plans, police exchanges), re-exported
by samen.cases.models in one line so that the core's own list of models stays untouched."""

from samen.cases.models.assessments import DOMAINS, Assessment, SignedAssessmentError
from samen.cases.models.meetings import (
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
)
from samen.cases.models.police import PoliceExchange
from samen.cases.models.support import AftercareReview, PlanAction, PlanReview, SupportPlan

__all__ = [
    "DOMAINS",
    "ActionStatus",
    "AgendaItem",
    "Assessment",
    "Attendance",
    "Decision",
    "AftercareReview",
    "Meeting",
    "PlanAction",
    "PlanReview",
    "PoliceExchange",
    "SignedAssessmentError",
    "SupportPlan",
]
