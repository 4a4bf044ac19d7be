"""Forms of the signals module: they validate, the actions write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.people.models import Organisation
from samen.places.models import Place, without_boundaries
from samen.signals.actions import SignalFields, check_signal
from samen.signals.models import Category, FollowUp, Signal


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        return obj.name


class SignalForm(forms.Form):
    """The two-minute intake form, laid out for a phone."""

    district = forms.ModelChoiceField(label=_("District"), queryset=Place.objects.none())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood (optional)"), queryset=Place.objects.none(), required=False
    )
    occurred_at = forms.DateTimeField(
        label=_("When did it happen?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    categories = CategoryChoiceField(
        label=_("Categories"),
        queryset=Category.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    severity = forms.TypedChoiceField(
        label=_("Severity"), choices=Signal.Severity.choices, coerce=int, widget=forms.RadioSelect
    )
    source_type = forms.ChoiceField(label=_("Source"), choices=Signal.SourceType.choices)
    information_class = forms.ChoiceField(
        label=_("Information class"),
        choices=Signal.InformationClass.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Evidenced: seen or documented. Experienced: felt or told by those involved. "
            "Potential: a rumour or a fear of what may come."
        ),
    )
    confidence = forms.TypedChoiceField(
        label=_("How sure are you?"),
        choices=Signal.Confidence.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What happened?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        help_text=_("Describe the situation and its dynamics. Never name or identify people."),
    )

    def __init__(self, *args, user, **kwargs):
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
        self.fields["categories"].queryset = (
            Category.objects.filter(is_active=True, parent__isnull=False)
            .select_related("parent")
            .order_by("parent__order", "order")
        )
        if user.home_district_id and not self.is_bound:
            self.initial.setdefault("district", user.home_district_id)
        if not self.is_bound:
            self.initial.setdefault(
                "occurred_at", timezone.localtime().replace(second=0, microsecond=0)
            )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        fields = self.signal_fields()
        try:
            check_signal(fields)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

    def signal_fields(self) -> SignalFields:
        return SignalFields.from_data(self.cleaned_data)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What did it lead to?"), choices=[("", "—"), *FollowUp.Kind.choices]
    )
    reference = forms.CharField(label=_("Reference (optional)"), max_length=80, required=False)
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)
    due_on = forms.DateField(
        label=_("Due by (optional)"),
        help_text=_("You are reminded three days before, and again once it is overdue."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ShareForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Share with the partner organisation"),
        queryset=Organisation.objects.filter(is_active=True).exclude(
            sector=Organisation.Sector.CITY
        ),
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Number of the signal this one duplicates"), min_value=1)
