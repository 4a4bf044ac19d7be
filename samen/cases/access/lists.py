"""What a reader is shown of cases and referrals in lists, recorded as read.

Security-critical. That a case with a given reference exists, whose case it is, or that a
referral was made, is itself confidential: the data-protection officer asks who saw it. Every
list of cases or referrals (the case list, the API, the referral list, the known-person hint,
the agenda's choice of cases) gets the rows it shows through these functions, after its access
check, so that no list can forget it. They guarantee one access record per row actually shown
(the current page, not the whole list), with `what` "list", written in one INSERT before the
response; an empty list writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.paginator import Page
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from samen.audit.reads import LIST_READ, record_reads
from samen.cases.access.referrals import known_person_hint
from samen.cases.models import Case, Referral
from samen.core.lists import list_page

Row = TypeVar("Row", bound=Model)


def listed_for_reader(request: HttpRequest, rows: Iterable[Row]) -> list[Row]:
    """Return `rows` as a list, each recorded as read in a list by the requester.

    `rows` come from `access.cases_visible_to` or `access.referrals_visible_to`; the caller
    shows the returned list itself, never a fresh query, so what is shown is what is recorded.
    """
    shown = list(rows)
    record_reads(by=request.user, objects=shown, request=request, what=LIST_READ)
    return shown


def page_for_reader(request: HttpRequest, rows: QuerySet, *, ordering: tuple[str, ...]) -> Page:
    """The page of `rows` the request asks for, its rows recorded (see listed_for_reader)."""
    page = list_page(request, rows, ordering=ordering)
    page.object_list = listed_for_reader(request, page.object_list)
    return page


def known_cases_for_controller(request: HttpRequest, referral: Referral) -> list[Case]:
    """The live cases about the referred person, for the mayor's decision on `referral` (which
    came through access.get_referral_for_controller). They are recorded as read, with the case
    the referral opened, which its page names too."""
    known = list(known_person_hint(referral))
    opened = referral.case
    named = known if opened is None or opened in known else [*known, opened]
    listed_for_reader(request, named)
    return known
