"""Changes to one case from its page: close, remove, propose or end an invitation, correct,
review.

Each gets the case through access.get_case_for_reader first (so an outsider gets the same 404
as for a case that does not exist), then the action decides whether this member may do it.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.cases import access
from samen.cases.actions import cases as case_actions
from samen.cases.actions import corrections
from samen.cases.actions import table as table_actions
from samen.cases.forms.cases import CloseForm, CorrectionForm, InviteForm, ReviewDateForm
from samen.cases.views.guards import case_page
from samen.cases.views.replies import back, case_url, submit


@require_POST
@case_page
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="close")
    form = CloseForm(request.POST)
    return submit(
        request,
        case_url(case),
        form,
        lambda: case_actions.case_close(by=request.user, case=case, **form.cleaned_data),
        _("The case is closed."),
    )


@require_POST
@case_page
def case_remove(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="remove")
    if request.POST.get("confirm") != case.reference:
        return back(request, case_url(case), [_("Type the case reference to confirm the removal.")])
    reference = case_actions.case_remove(by=request.user, case=case)
    messages.success(request, _("Case %(reference)s was removed.") % {"reference": reference})
    return redirect("cases:list")


@require_POST
@case_page
def case_invite(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="invite")
    form = InviteForm(request.POST)
    return submit(
        request,
        case_url(case),
        form,
        lambda: table_actions.invitation_propose(
            by=request.user,
            case=case,
            user=form.cleaned_data["email"],
            ends_on=form.cleaned_data["ends_on"],
        ),
        _(
            "The invitation is recorded; it opens this case once the mayor or a delegate "
            "confirms it (at once if the mayor proposed it)."
        ),
    )


@require_POST
@case_page
def invitation_end(request: HttpRequest, pk: int, invitation: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="end invitation")
    found = case.invitations.filter(pk=invitation).first()
    if found is None:
        raise Http404
    table_actions.invitation_end(by=request.user, invitation=found)
    messages.success(request, _("The invitation has ended."))
    return back(request, case_url(case))


@require_POST
@case_page
def case_correct(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="correct")
    form = CorrectionForm(request.POST)
    return submit(
        request,
        case_url(case),
        form,
        lambda: corrections.case_correct(by=request.user, case=case, **form.cleaned_data),
        _("The correction is saved; the previous value is kept."),
    )


@require_POST
@case_page
def case_review_date(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="review date")
    form = ReviewDateForm(request.POST)
    return submit(
        request,
        case_url(case),
        form,
        lambda: case_actions.case_set_review_date(by=request.user, case=case, **form.cleaned_data),
        _("The review date is changed."),
    )
