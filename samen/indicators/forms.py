"""What the indicators page asks: which indicator, places, year, period and comparison."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.indicators.models import Indicator, SourceMapping
from samen.places.models import Place

PERIODS = [
    ("5", _("last 5 years")),
    ("10", _("last 10 years")),
    ("all", _("every year")),
]
LEVELS = [
    (Place.Kind.DISTRICT, _("districts")),
    (Place.Kind.NEIGHBOURHOOD, _("neighbourhoods")),
]


class IndicatorChoiceForm(forms.Form):
    """The indicators page's choices; every field has a default, so an empty query is valid."""

    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=None,
    )
    level = forms.ChoiceField(
        label=_("Places"), choices=LEVELS, required=False, initial=Place.Kind.DISTRICT
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    compare = forms.TypedChoiceField(
        label=_("Compare with"), coerce=int, required=False, empty_value=None
    )
    period = forms.ChoiceField(label=_("Chart"), choices=PERIODS, required=False, initial="10")
    place = forms.CharField(label=_("Place in the chart"), required=False, max_length=16)

    def __init__(self, data, *, indicators, years: list[int]):
        super().__init__(data)
        self.fields["indicator"].queryset = indicators
        self.fields["year"].choices = [(y, y) for y in reversed(years)]
        self.fields["compare"].choices = [("", _("no comparison"))] + [
            (y, y) for y in reversed(years)
        ]


class UploadForm(forms.Form):
    """A file of figures and the source whose saved mapping reads it."""

    mapping = forms.ModelChoiceField(
        label=_("Source"),
        queryset=SourceMapping.objects.order_by("name"),
        help_text=_("The saved mapping says which column is which data element."),
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 50 MB: import it with samen import-indicators.")
            )
        return upload
