"""The policy forms: they check each field's type and choices, and hand the actions their
fields; they never save (the actions check again, and write)."""

from __future__ import annotations

import datetime

from django import forms
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from samen.core.categories import signal_category_choices
from samen.people.models import Organisation, PolicyLevel
from samen.places.models import Place
from samen.policy.actions import ActionFields, ObjectiveFields, PlanFields, StrategyFields
from samen.policy.initiative_actions import InitiativeFields, OutcomeFields, quarter_of
from samen.policy.models import (
    Action,
    ActionPlan,
    Evaluation,
    ExtremismType,
    Initiative,
    LifeDomain,
    Objective,
    OutcomeIndicator,
    OutputMeasure,
    Strategy,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _organisations():
    return Organisation.objects.filter(is_active=True)


def _districts():
    return Place.objects.current().districts().without_boundary()


def _places():
    return Place.objects.current().filter(kind__in=("district", "neighbourhood")).without_boundary()


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=DateInput())


def _text(label, max_length, *, required=True, rows=None, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, max_length=max_length, required=required, widget=widget, help_text=help_text
    )


def _multiple(label, choices):
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class FieldsForm(forms.Form):
    """A form whose cleaned data is the dataclass an action takes."""

    fields_class = None
    lists = ()

    def to_fields(self, **extra):
        values = {**self.cleaned_data, **extra}
        for name in self.lists:
            values[name] = list(values.get(name) or [])
        return self.fields_class(**values)

    @classmethod
    def initial_from(cls, record) -> dict:
        names = [name for name in cls.base_fields if hasattr(record, name)]
        return model_to_dict(record, fields=names)


class StrategyForm(FieldsForm):
    fields_class = StrategyFields

    title = _text(_("Title"), 200)
    level = forms.ChoiceField(label=_("Policy level"), choices=PolicyLevel.choices)
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=_organisations())
    starts = _date(_("Starts"))
    ends = _date(_("Ends"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Strategy.Status.choices)
    replaced_by = forms.ModelChoiceField(
        label=_("Replaced by"), queryset=Strategy.objects.all(), required=False
    )
    summary = _text(_("Summary"), 4000, required=False, rows=5)


class ObjectiveForm(FieldsForm):
    fields_class = ObjectiveFields

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Objective.Kind.choices, widget=forms.RadioSelect
    )
    parent = forms.ModelChoiceField(
        label=_("Serves the strategic objective"),
        queryset=Objective.objects.none(),
        required=False,
        help_text=_("For an operational objective."),
    )
    code = _text(_("Code"), 20, help_text=_("For example SD1 or OD1.2."))
    title = _text(_("Title"), 300)
    description = _text(_("Description"), 4000, required=False, rows=4)

    def __init__(self, *args, strategy: Strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = strategy.objectives.filter(kind=Objective.Kind.STRATEGIC)


class PlanForm(FieldsForm):
    fields_class = PlanFields

    title = _text(_("Title"), 200)
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=_districts(),
        required=False,
        empty_label=_("The whole city"),
    )
    starts = _date(_("Starts"))
    ends = _date(_("Ends"))
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=_organisations())
    status = forms.ChoiceField(label=_("Status"), choices=ActionPlan.Status.choices)


class ActionForm(FieldsForm):
    fields_class = ActionFields
    lists = ("partners", "places", "life_domains", "signal_categories", "extremism_types")

    code = _text(_("Code"), 20, help_text=_("For example A1.3."))
    title = _text(_("Title"), 300)
    description = _text(_("Description"), 4000, required=False, rows=4)
    objective = forms.ModelChoiceField(
        label=_("Objective it serves"), queryset=Objective.objects.none(), required=False
    )
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=_organisations())
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), queryset=_organisations(), required=False
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Districts and neighbourhoods"), queryset=_places(), required=False
    )
    target_groups = _text(
        _("Target groups"),
        500,
        required=False,
        help_text=_("Described as groups, never as named people."),
    )
    life_domains = _multiple(_("Life domains"), LifeDomain.choices)
    signal_categories = _multiple(_("Signal categories it answers"), signal_category_choices)
    extremism_types = _multiple(_("Extremism types"), ExtremismType.choices)
    planned_start = _date(_("Planned start"), required=False)
    planned_end = _date(_("Planned end"), required=False)
    actual_start = _date(_("Actual start"), required=False)
    actual_end = _date(_("Actual end"), required=False)
    budget_planned = forms.DecimalField(
        label=_("Planned budget (EUR)"), min_value=0, max_digits=12, decimal_places=2
    )
    funding_source = _text(_("Funding source"), 200, required=False)
    funding_level = forms.ChoiceField(
        label=_("Policy level of the funding"),
        choices=[("", "—"), *PolicyLevel.choices],
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = plan.strategy.objectives.all()


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, widget=forms.NumberInput
    )
    budget_spent = forms.DecimalField(
        label=_("Budget spent so far (EUR)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    on = _date(_("Date"), required=False)
    note = _text(_("Note"), 2000, required=False, rows=3)


class LinkForm(forms.Form):
    reference = _text(
        _("Reference"), 80, help_text=_("The reference of a restore plan, such as restore_plan:12.")
    )


class PlanFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"), queryset=_districts(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *Action.Status.choices], required=False
    )
    life_domain = forms.ChoiceField(
        label=_("Life domain"), choices=[("", _("All")), *LifeDomain.choices], required=False
    )


class InitiativeFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"), queryset=_districts(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *Initiative.Status.choices], required=False
    )


class InitiativeForm(FieldsForm):
    fields_class = InitiativeFields
    lists = ("actions", "places", "life_domains", "signal_categories")

    title = _text(_("Title"), 200)
    summary = _text(_("Summary"), 2000, required=False, rows=3)
    owner = forms.ModelChoiceField(label=_("Owner organisation"), queryset=_organisations())
    level = forms.ChoiceField(label=_("Policy level"), choices=PolicyLevel.choices)
    starts = _date(_("Starts"))
    ends = _date(_("Ends"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Initiative.Status.choices)
    places = forms.ModelMultipleChoiceField(
        label=_("Districts and neighbourhoods"), queryset=_places(), required=False
    )
    target_groups = _text(
        _("Target groups"),
        500,
        required=False,
        help_text=_("Described as groups, never as named people."),
    )
    life_domains = _multiple(_("Life domains"), LifeDomain.choices)
    signal_categories = _multiple(_("Signal categories it answers"), signal_category_choices)
    actions = forms.ModelMultipleChoiceField(
        label=_("Actions it carries out"),
        queryset=Action.objects.select_related("plan"),
        required=False,
    )
    problem = _text(_("Problem"), 2000, required=False, rows=3)
    activities = _text(_("Activities"), 2000, required=False, rows=3)
    outputs = _text(_("Outputs"), 2000, required=False, rows=3)
    outcomes = _text(_("Outcomes"), 2000, required=False, rows=3)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


def recent_quarters(today: datetime.date, count: int = 8) -> list[tuple[str, str]]:
    """The quarter that runs today and the ones before it, as choices ("2026-04-01", "Q2 2026")."""
    start = quarter_of(today)[0]
    choices = []
    for _n in range(count):
        choices.append((start.isoformat(), f"Q{(start.month - 1) // 3 + 1} {start.year}"))
        start = quarter_of(start - datetime.timedelta(days=1))[0]
    return choices


class OutputForm(forms.Form):
    place = forms.ModelChoiceField(label=_("District"), queryset=_districts())
    quarter_start = forms.TypedChoiceField(
        label=_("Quarter"), coerce=datetime.date.fromisoformat, choices=()
    )
    kind = forms.ChoiceField(label=_("What was counted"), choices=OutputMeasure.Kind.choices)
    label = _text(_("Label"), 120, required=False, help_text=_("Say what, for “other”."))
    value = forms.IntegerField(label=_("Number"), min_value=0)

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter_start"].choices = recent_quarters(today)


class OutcomeForm(FieldsForm):
    fields_class = OutcomeFields

    title = _text(_("Title"), 200)
    indicator_key = _text(
        _("District indicator (code)"),
        40,
        required=False,
        help_text=_("The code of an indicator of the district indicators, where one fits."),
    )
    definition = _text(_("Definition"), 2000, required=False, rows=3)
    unit = _text(_("Unit"), 40, required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=OutcomeIndicator.Direction.choices)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    baseline_on = _date(_("Baseline date"))
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    target_on = _date(_("Target date"))
    latest_value = forms.DecimalField(
        label=_("Latest value"), max_digits=14, decimal_places=2, required=False
    )
    latest_on = _date(_("Latest value date"), required=False)


class EvaluationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Evaluation.Kind.choices, widget=forms.RadioSelect
    )
    on = _date(_("Date"))
    by_whom = _text(_("Evaluated by (organisation)"), 200)
    summary = _text(_("Summary"), 4000, rows=4)
    conclusions = _text(_("Conclusions"), 4000, required=False, rows=4)


class UpdateForm(forms.Form):
    on = _date(_("Date"), required=False)
    text = _text(_("Update"), 2000, rows=4)


def show_refusal(form: forms.Form, refused) -> None:
    """Put an action's refusal on the form: each message under its field (the form's own
    errors for fields the form does not show), so that the error summary lists them all."""
    if not hasattr(refused, "error_dict"):
        form.add_error(None, refused.messages)
        return
    for name, messages in refused.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)
