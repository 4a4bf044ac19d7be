"""Everything held about one person, for the data-protection officer (GDPR art. 15).

Security-critical. The person is found by full name through the blind index only, never by a
search over names. Each case and referral found is recorded in the audit trail as read by the
data-protection officer for this purpose, before anything is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from samen.audit.reads import record_reads
from samen.cases import crypto
from samen.cases.access import check_data_protection_officer
from samen.cases.models import Case, Referral
from samen.cases.sections.work import case_work_sections


@dataclass
class PersonRecords:
    cases: list[Case]
    referrals: list[Referral]

    @property
    def found(self) -> bool:
        return bool(self.cases or self.referrals)


def person_records(request: HttpRequest, name: str) -> PersonRecords:
    """The cases (anonymised ones hold no person any more) and referrals naming `name`."""
    check_data_protection_officer(request)
    index = crypto.name_index(name)
    if not index:
        return PersonRecords(cases=[], referrals=[])
    cases = list(
        Case.objects.live()
        .filter(person__name_index=index)
        .select_related("person", "opened_by", "closed_by")
        .prefetch_related("invitations__user", "corrections__corrected_by", "referrals")
        .order_by("opened_at")
    )
    referrals = list(
        Referral.objects.filter(name_index=index)
        .select_related("submitted_by", "decided_by", "case")
        .order_by("submitted_at")
    )
    # One access record per case and referral found, all in one INSERT, before any is shown.
    record_reads(
        by=request.user, objects=[*cases, *referrals], request=request, what="person export"
    )
    for case in cases:
        # Meetings' minutes, assessments, the support plan and police exchanges are held
        # about the person too; they are shown as in the one-case export.
        case.work_sections = case_work_sections(case, reader=request.user)
    return PersonRecords(cases=cases, referrals=referrals)
