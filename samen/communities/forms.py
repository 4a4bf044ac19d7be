"""Forms of the communities module: they validate input and offer choices; actions write."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.communities.access import (
    COMMUNITY_ROLES,
    active_in,
    editable_communities,
    editable_relationships,
    visible_communities,
)
from samen.communities.models import (
    Community,
    Contact,
    KeyFigure,
    Language,
    Relationship,
    RestorePlan,
    State,
    Theme,
)
from samen.people.models import Organisation, User
from samen.people.roles import Role
from samen.places.models import Place, without_boundaries

# A date field gives and takes ISO dates, whatever the language of the page.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STRENGTHS = [(n, str(n)) for n in range(1, 6)]


def _districts():
    return Place.objects.current().districts().without_boundary().order_by("name_nl")


def _place_label(place: Place) -> str:
    return f"{place.parent.name} – {place.name}" if place.kind == "neighbourhood" else place.name


class CommunityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Community.Kind.choices])
    district = forms.ModelChoiceField(label=_("Based in district"), queryset=Place.objects.none())
    places = forms.ModelMultipleChoiceField(
        label=_("Also active in (optional)"),
        queryset=Place.objects.none(),
        required=False,
        help_text=_("Other districts, or neighbourhoods, where the community is active."),
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activities = forms.CharField(
        label=_("What they do (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The community's activities. Never describe or judge individual people."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Also a partner organisation (optional)"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
    )
    is_active = forms.BooleanField(
        label=_("The city still works with this community"),
        required=False,
        initial=True,
        help_text=_("Untick when it has stopped: it leaves the network and the forms."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        districts = _districts()
        self.fields["district"].queryset = districts
        self.fields["places"].queryset = (
            without_boundaries(
                Place.objects.filter(Q(pk__in=districts) | Q(parent__in=districts)), "parent"
            )
            .without_boundary()
            .order_by("kind", "parent__name_nl", "name_nl")
        )
        self.fields["places"].label_from_instance = _place_label
        if user.home_district_id and not self.is_bound:
            self.initial.setdefault("district", user.home_district_id)


class KeyFigureForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    role = forms.ChoiceField(
        label=_("Role with the city"), choices=[("", "—"), *KeyFigure.Role.choices]
    )
    contact_channel = forms.CharField(
        label=_("Contact channel (optional)"),
        max_length=120,
        required=False,
        help_text=_("How the city reaches them: a work e-mail address, a phone number, a desk."),
    )


class StateChangeForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=State.choices, widget=forms.RadioSelect)
    strength = forms.TypedChoiceField(
        label=_("Strength (1 very weak – 5 very strong)"), choices=STRENGTHS, coerce=int
    )
    reason = forms.CharField(
        label=_("Why?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    changed_on = forms.DateField(label=_("Since"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("changed_on", timezone.localdate())


class RelationshipForm(StateChangeForm):
    other = forms.ModelChoiceField(
        label=_("With"),
        queryset=Community.objects.none(),
        required=False,
        empty_label=_("the city"),
    )
    field_order = ["other", "state", "strength", "reason", "changed_on"]

    def __init__(self, *args, user, community: Community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (
            visible_communities(Community.objects.filter(is_active=True), user)
            .exclude(pk=community.pk)
            .order_by("name")
        )
        self.fields["changed_on"].label = _("Since")


class ContactForm(forms.Form):
    occurred_on = forms.DateField(label=_("Date"), widget=DATE)
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=Contact.Kind.choices)
    communities = forms.ModelMultipleChoiceField(
        label=_("Communities involved"), queryset=Community.objects.none(), required=False
    )
    staff = forms.ModelMultipleChoiceField(
        label=_("Colleagues involved (you are included)"),
        queryset=User.objects.none(),
        required=False,
    )
    summary = forms.CharField(
        label=_("What was discussed?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The situation and what was agreed. Never judge individual people."),
    )
    next_step = forms.CharField(label=_("Next step (optional)"), max_length=500, required=False)
    next_step_by = forms.DateField(label=_("Next step by (optional)"), required=False, widget=DATE)
    new_state = forms.ChoiceField(
        label=_("The relationship is now"),
        choices=[("", _("unchanged")), *State.choices],
        required=False,
    )
    new_strength = forms.TypedChoiceField(
        label=_("Its strength is now"),
        choices=[("", _("unchanged")), *STRENGTHS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    reason = forms.CharField(
        label=_("Why did it change?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, user, relationship: Relationship | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communities"].queryset = editable_communities(
            Community.objects.filter(is_active=True), user
        ).order_by("name")
        colleagues = User.objects.filter(is_active=True, role__in=COMMUNITY_ROLES).exclude(
            role=Role.POLICY_ANALYST
        )
        if user.home_district_id:
            colleagues = colleagues.filter(home_district_id=user.home_district_id)
        self.fields["staff"].queryset = colleagues.exclude(pk=user.pk).order_by("full_name")
        if relationship is None:
            for name in ("new_state", "new_strength", "reason"):
                del self.fields[name]
        self.initial.setdefault("occurred_on", timezone.localdate())


class RestorePlanForm(forms.Form):
    relationship = forms.ModelChoiceField(
        label=_("Relationship to restore"), queryset=Relationship.objects.none()
    )
    title = forms.CharField(label=_("Title"), max_length=160)
    goal = forms.CharField(
        label=_("Goal"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the relationship should be like when the plan succeeds."),
    )

    def __init__(self, *args, user, district: Place | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        relationships = editable_relationships(
            Relationship.objects.select_related("community", "other"), user
        ).exclude(restore_plans__status=RestorePlan.Status.OPEN)
        if district is not None:
            here = Community.objects.filter(active_in(district))
            relationships = relationships.filter(Q(community__in=here) | Q(other__in=here))
        self.fields["relationship"].queryset = relationships.order_by(
            "community__name", "other__name"
        )


class RestoreActionForm(forms.Form):
    description = forms.CharField(label=_("What has to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args, plan: RestorePlan, **kwargs):
        super().__init__(*args, **kwargs)
        relationship = plan.relationship
        districts = {relationship.community.district_id}
        if relationship.other_id:
            districts.add(relationship.other.district_id)
        self.fields["owner"].queryset = User.objects.filter(is_active=True).filter(
            Q(role=Role.ADMINISTRATOR)
            | Q(
                role__in=(Role.FRONTLINE_WORKER, Role.DISTRICT_COORDINATOR),
                home_district__in=districts,
            )
        )


class ClosePlanForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (RestorePlan.Status.RESTORED, _("restored")),
            (RestorePlan.Status.STOPPED, _("stopped")),
        ],
        widget=forms.RadioSelect,
    )


class CommunityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=Place.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("all")), *Community.Kind.choices], required=False
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.all(), required=False)
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _districts()


class NetworkFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"), queryset=Place.objects.none(), required=False, empty_label=_("all")
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, empty_label=_("all")
    )

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
