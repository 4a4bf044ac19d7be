"""Forms of the mediation module: they validate, the actions write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.mediation.access import MEDIATOR_ROLES
from samen.mediation.actions import CLOSING_OUTCOMES, PartyFields, check_free_text, check_street
from samen.mediation.models import DUE_SOON, Mediation, Party
from samen.mediation.periods import warning_cutoff
from samen.people.models import User
from samen.places.models import Place, without_boundaries

STREET_HELP = _("The street name only, never a house number.")


class IntakeForm(forms.Form):
    """What the dispute is, and where; the parties come in PartyForms beside it."""

    kind = forms.ChoiceField(
        label=_("Kind of conflict"), choices=Mediation.Kind.choices, widget=forms.RadioSelect
    )
    district = forms.ModelChoiceField(label=_("District"), queryset=Place.objects.none())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (optional)"), queryset=Place.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("What is the dispute about? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        help_text=_("Seen only by the mediator and the mediation coordinators."),
    )

    def __init__(self, *args, user, signal=None, **kwargs):
        super().__init__(*args, **kwargs)
        districts = Place.objects.current().districts().without_boundary().order_by("name_nl")
        self.fields["district"].queryset = districts
        self.fields["neighbourhood"].queryset = (
            without_boundaries(Place.objects.neighbourhoods(), "parent")
            .without_boundary()
            .filter(parent__in=districts)
            .order_by("parent__name_nl", "name_nl")
        )
        self.fields["neighbourhood"].label_from_instance = lambda p: f"{p.parent.name} – {p.name}"
        if not self.is_bound:
            if signal is not None:
                self.initial.update(
                    district=signal.district_id, neighbourhood=signal.neighbourhood_id
                )
            elif user.home_district_id:
                self.initial.setdefault("district", user.home_district_id)

    def clean_description(self) -> str:
        description = self.cleaned_data["description"]
        check_free_text(description)
        return description


class PartyForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Party"), choices=Party.Kind.choices, initial=Party.Kind.RESIDENT
    )
    name = forms.CharField(label=_("Name"), max_length=150)
    contact = forms.CharField(
        label=_("Contact (phone or e-mail, optional)"), max_length=150, required=False
    )
    street = forms.CharField(
        label=_("Street (optional)"), max_length=120, required=False, help_text=STREET_HELP
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        check_free_text(name)
        return name

    def clean_contact(self) -> str:
        contact = self.cleaned_data["contact"]
        check_free_text(contact)
        return contact

    def clean_street(self) -> str:
        street = self.cleaned_data["street"]
        check_street(street)
        return street

    def party_fields(self) -> PartyFields:
        return PartyFields(**self.cleaned_data)


class OptionalPartyForm(PartyForm):
    """A further party at intake: left empty, it is not a party."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def is_empty(self) -> bool:
        return self.is_valid() and not any(
            self.cleaned_data[f] for f in ("name", "contact", "street")
        )

    def clean(self):
        data = super().clean()
        if (data.get("contact") or data.get("street")) and not data.get("name"):
            self.add_error("name", _("Give the party's name."))
        return data


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        district = obj.home_district.name if obj.home_district_id else "—"
        return f"{obj.full_name} ({district})"


class AssignForm(forms.Form):
    mediator = StaffChoiceField(label=_("Mediator"), queryset=User.objects.none())

    def __init__(self, *args, mediation: Mediation, **kwargs):
        super().__init__(*args, **kwargs)
        # Colleagues of the district first; anyone may be chosen (a neutral outsider, say).
        elsewhere = Case(When(home_district_id=mediation.district_id, then=0), default=1)
        self.fields["mediator"].queryset = (
            without_boundaries(
                User.objects.filter(is_active=True, role__in=MEDIATOR_ROLES), "home_district"
            )
            .annotate(elsewhere=elsewhere)
            .order_by("elsewhere", "full_name")
        )


class SessionForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date of the session"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    attended = forms.ModelMultipleChoiceField(
        label=_("Who came?"),
        queryset=Party.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = parties
        self.fields["attended"].label_from_instance = lambda p: p.name or p.get_kind_display()
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(o, Mediation.Outcome(o).label) for o in CLOSING_OUTCOMES],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional): what was agreed, or where it was referred"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AftercareCheckForm(forms.Form):
    result = forms.ChoiceField(
        label=_("What did the check find?"),
        choices=Mediation.AftercareResult.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, with_note: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered without a note once the party data is gone (actions.aftercare_check_record).
        if not with_note:
            del self.fields["note"]


class MediationFilterForm(forms.Form):
    """Filters of the list; every one narrows the visible mediations further."""

    # Filter names that were renamed, so that bookmarked lists and downloads keep filtering.
    RENAMED = {"follow_up": "aftercare"}

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("all")),
            ("open", pgettext_lazy("mediation status", "open")),
            ("idle", _("open, without activity: party data to be removed")),
            *Mediation.Status.choices,
        ],
    )
    district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=Place.objects.none()
    )
    kind = forms.ChoiceField(
        label=_("Kind of conflict"),
        required=False,
        choices=[("", _("all")), *Mediation.Kind.choices],
    )
    aftercare = forms.ChoiceField(
        label=_("Aftercare check"),
        required=False,
        choices=[("", _("all")), ("due", _("due")), ("overdue", _("overdue"))],
    )
    mine = forms.BooleanField(label=_("Only where I am the mediator"), required=False)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and any(old in data for old in self.RENAMED):
            data = data.copy()
            for old, new in self.RENAMED.items():
                if old in data and new not in data:
                    data.setlist(new, data.getlist(old))
                data.pop(old, None)
        super().__init__(data, *args, **kwargs)
        districts = Place.objects.districts().without_boundary()
        self.fields["district"].queryset = districts.order_by("name_nl")

    def apply(self, mediations, user):
        if not self.is_valid():
            return mediations.none()
        data = self.cleaned_data
        if data["status"] == "open":
            mediations = mediations.open()
        elif data["status"] == "idle":
            mediations = mediations.idle_since_before(warning_cutoff())
        elif data["status"]:
            mediations = mediations.filter(status=data["status"])
        if data["district"]:
            mediations = mediations.filter(district=data["district"])
        if data["kind"]:
            mediations = mediations.filter(kind=data["kind"])
        if data["aftercare"]:
            today = timezone.localdate()
            pending = mediations.filter(aftercare_done_at__isnull=True)
            mediations = (
                pending.filter(aftercare_due__lt=today)
                if data["aftercare"] == "overdue"
                else pending.filter(aftercare_due__gte=today, aftercare_due__lte=today + DUE_SOON)
            )
        if data["mine"]:
            mediations = mediations.filter(mediator=user)
        return mediations


def add_action_errors(form: forms.Form, error: ValidationError) -> None:
    """Put an action's ValidationError beside the form's fields (or at the top)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages in problems.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
