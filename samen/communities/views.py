"""Communities: the searchable list, a community's page, adding and editing, key figures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.communities import actions
from samen.communities.access import (
    check_may_add_community,
    check_may_edit_community,
    check_may_use,
    get_community_for_user,
    may_add_community,
    may_edit_community,
    visible_communities,
    visible_contacts,
    visible_relationships,
)
from samen.communities.forms import CommunityFilterForm, CommunityForm, KeyFigureForm
from samen.communities.models import Community, Contact, KeyFigure, Relationship, RestorePlan
from samen.communities.search import search
from samen.core.lists import render_list
from samen.places.models import without_boundaries


def form_problems(form, error: ValidationError) -> None:
    """Show an action's problems beside the fields they concern (or above the form)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, found in problems.items():
        for problem in found:
            form.add_error(field if field in form.fields else None, problem)


@require_GET
@login_required
def community_list(request: HttpRequest) -> HttpResponse:
    """The communities and organisations this person may see, searchable and filtered."""
    check_may_use(request.user)
    form = CommunityFilterForm(request.GET)
    rows = visible_communities(Community.objects.all(), request.user)
    ordering: tuple[str, ...] = ("name", "pk")
    if form.is_valid():
        data = form.cleaned_data
        for name, lookup in (("district", "district"), ("kind", "kind"), ("theme", "themes")):
            if data.get(name):
                rows = rows.filter(**{lookup: data[name]})
        if data.get("language"):
            rows = rows.filter(languages=data["language"])
        if data.get("q"):
            rows = search(rows, data["q"])
            if connection.vendor == "postgresql":
                ordering = ("-rank", "name", "pk")
    rows = without_boundaries(rows, "district").prefetch_related(
        "themes", Prefetch("key_figures", queryset=KeyFigure.objects.order_by("name"))
    )
    return render_list(
        request,
        "communities/community_list.html",
        "communities/community_rows.html",
        rows,
        {"form": form, "may_add": may_add_community(request.user)},
        ordering=ordering,
    )


@require_GET
@login_required
def community_detail(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request.user, pk)
    return _detail(request, community)


def _detail(request, community, status=200, key_figure_form=None) -> HttpResponse:
    user = request.user
    relationships = (
        visible_relationships(Relationship.objects.all(), user)
        .filter(pk__in=_relationships_of(community))
        .select_related("community", "other")
        .order_by("state", "community__name")
    )
    contacts = visible_contacts(Contact.objects.filter(communities=community), user)
    plans = RestorePlan.objects.with_behind().filter(
        relationship__in=relationships, status=RestorePlan.Status.OPEN
    )
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "places": without_boundaries(community.places.without_boundary(), "parent"),
            "languages": community.languages.all(),
            "themes": community.themes.all(),
            "key_figures": community.key_figures.all(),
            "relationships": relationships,
            "contacts": contacts.select_related("recorded_by")[:10],
            "plans": plans.select_related("relationship__community", "relationship__other"),
            "may_edit": may_edit_community(user, community),
            "key_figure_form": key_figure_form or KeyFigureForm(),
        },
        status=status,
    )


def _relationships_of(community: Community):
    return Relationship.objects.filter(Q(community=community) | Q(other=community)).values("pk")


@require_http_methods(["GET", "POST"])
@login_required
def community_new(request: HttpRequest) -> HttpResponse:
    check_may_add_community(request.user)
    form = CommunityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            fields = actions.CommunityFields.from_data(form.cleaned_data)
            community = actions.community_create(by=request.user, fields=fields)
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": community.name})
            return redirect("communities:detail", pk=community.pk)
    status = 400 if form.errors else 200
    return render(request, "communities/community_form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def community_edit(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request.user, pk)
    check_may_edit_community(request.user, community)
    initial = {
        "name": community.name,
        "kind": community.kind,
        "district": community.district_id,
        "places": list(community.places.all()),
        "languages": list(community.languages.all()),
        "themes": list(community.themes.all()),
        "activities": community.activities,
        "organisation": community.organisation_id,
        "is_active": community.is_active,
    }
    form = CommunityForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            fields = actions.CommunityFields.from_data(form.cleaned_data)
            actions.community_update(by=request.user, community=community, fields=fields)
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("communities:detail", pk=community.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "community": community}
    return render(request, "communities/community_form.html", context, status=status)


@require_POST
@login_required
def key_figure_add(request: HttpRequest, pk: int) -> HttpResponse:
    community = get_community_for_user(request.user, pk)
    check_may_edit_community(request.user, community)
    form = KeyFigureForm(request.POST)
    if form.is_valid():
        try:
            actions.key_figure_add(by=request.user, community=community, **form.cleaned_data)
        except ValidationError as error:
            form_problems(form, error)
        else:
            return redirect("communities:detail", pk=community.pk)
    return _detail(request, community, status=400, key_figure_form=form)


@require_POST
@login_required
def key_figure_remove(request: HttpRequest, pk: int, figure: int) -> HttpResponse:
    community = get_community_for_user(request.user, pk)
    check_may_edit_community(request.user, community)
    found = get_object_or_404(community.key_figures, pk=figure)
    actions.key_figure_remove(by=request.user, figure=found)
    messages.success(request, _("The key figure is removed."))
    return redirect("communities:detail", pk=community.pk)
