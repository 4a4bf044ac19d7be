from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from samen.core.lists import render_list
from samen.core.navigation import panels_for
from samen.people.access import (
    check_directory_access,
    check_organisations_access,
    get_staff_member_for_reader,
    get_welcome_member,
    visible_organisations,
    visible_staff,
)
from samen.people.actions import own_password_set
from samen.people.forms import DirectoryFilterForm, OrganisationFilterForm
from samen.people.roles import duties_of


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in person's home page: panels chosen by their role."""
    context = {"panels": panels_for("home", request), "duties": duties_of(request.user)}
    return render(request, "people/home.html", context)


@require_GET
@login_required
def directory(request: HttpRequest) -> HttpResponse:
    check_directory_access(request.user)
    form = DirectoryFilterForm(request.GET)
    staff = visible_staff(request.user)
    if form.is_valid():
        if query := form.cleaned_data["q"]:
            staff = staff.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
        if role := form.cleaned_data["role"]:
            staff = staff.filter(role=role)
    return render_list(
        request,
        "people/directory.html",
        "people/directory_rows.html",
        staff,
        {"form": form},
        ordering=("full_name", "pk"),
    )


@require_GET
@login_required
def staff_member(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_staff_member_for_reader(request, pk)
    memberships = member.memberships.select_related("organisation")
    return render(
        request, "people/staff_member.html", {"member": member, "memberships": memberships}
    )


@require_GET
@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    check_organisations_access(request.user)
    form = OrganisationFilterForm(request.GET)
    found = visible_organisations(request.user)
    if form.is_valid():
        if query := form.cleaned_data["q"]:
            found = found.filter(name__icontains=query)
        if level := form.cleaned_data["policy_level"]:
            found = found.filter(policy_level=level)
    return render_list(
        request,
        "people/organisations.html",
        "people/organisation_rows.html",
        found,
        {"form": form},
        ordering=("name", "pk"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest, token: str) -> HttpResponse:
    """Let a new person choose their own password through their one-time sign-in link."""
    member = get_welcome_member(token)
    if member is None:
        return render(request, "people/welcome_invalid.html", status=404)
    form = SetPasswordForm(member, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            own_password_set(by=member, member=member, password=form.cleaned_data["new_password1"])
        except ValidationError as refused:
            form.add_error("new_password1", refused)
        else:
            messages.success(request, _("Your password is set. Sign in with it now."))
            return redirect("account_login")
    return render(request, "people/welcome.html", {"form": form, "member": member})
