"""The case consultation's models. Import them from here: `from samen.cases.models import Case`.

Modules that add case work (meetings, assessments, plans) add their own file here and
re-export it below.
"""

from samen.cases.models.cases import (
    AgeBand,
    Case,
    CasePerson,
    Correction,
    ExtremismType,
    Invitation,
    age_band_on,
)
from samen.cases.models.notices import TableNotice
from samen.cases.models.referrals import Referral
from samen.cases.models.table import (
    POLICE_MINIMUM_CLEARANCE,
    Acknowledgement,
    Clearance,
    ConsultationCycle,
    CoreSeat,
    Delegation,
    Grant,
)
from samen.cases.models.work import *  # noqa: F403  (meetings, assessments, plans, police)

__all__ = [
    "POLICE_MINIMUM_CLEARANCE",
    "Acknowledgement",
    "AgeBand",
    "Case",
    "CasePerson",
    "Clearance",
    "ConsultationCycle",
    "CoreSeat",
    "Correction",
    "Delegation",
    "ExtremismType",
    "Grant",
    "Invitation",
    "Referral",
    "TableNotice",
    "age_band_on",
]
