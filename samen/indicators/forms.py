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
        required=False,
        empty_label=_("a new source: name its columns next"),
        help_text=_("The saved mapping says which column is which data element."),
    )
    new_source = forms.CharField(
        label=_("Name of the new source"),
        max_length=120,
        required=False,
        help_text=_("For example: Statbel bevolking per sector. Its mapping is saved under it."),
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean(self):
        data = super().clean()
        if not data.get("mapping"):
            name = (data.get("new_source") or "").strip()
            if not name:
                self.add_error("new_source", _("Choose a source, or name a new one."))
            elif SourceMapping.objects.filter(name=name).exists():
                self.add_error("new_source", _("A source with this name exists: choose it."))
        return data

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 50 MB: import it with samen import-indicators.")
            )
        return upload


NOT_IMPORTED = ""


class MappingForm(forms.Form):
    """The mapping step: which of the file's columns holds the place, the year, and which
    data element each other column holds."""

    layout = forms.ChoiceField(label=_("Layout"), choices=SourceMapping.Layout.choices)
    place_column = forms.ChoiceField(label=_("Column of the sector or place"))
    year_column = forms.ChoiceField(label=_("Column of the year"), required=False)
    fixed_year = forms.IntegerField(
        label=_("Year of every row"),
        required=False,
        min_value=1900,
        max_value=2200,
        help_text=_("Only when the file has no year column."),
    )

    def __init__(self, data, *, header: list[str], elements):
        super().__init__(data)
        self.header = header
        columns = [(c, c) for c in header]
        self.fields["place_column"].choices = columns
        self.fields["year_column"].choices = [("", _("none: every row is of one year"))] + columns
        choices = [(NOT_IMPORTED, _("not imported"))] + [(e.code, str(e)) for e in elements]
        self.element_fields = []
        for index, column in enumerate(header):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(label=column, choices=choices, required=False)
            self.element_fields.append(name)
        guess = {c.upper(): c for c in header}
        self.initial.update(
            place_column=guess.get("CD_SECTOR", header[0] if header else ""),
            year_column=next((guess[k] for k in ("CD_YEAR", "YEAR", "JAAR") if k in guess), ""),
            layout="sectors" if "CD_SECTOR" in guess else "places",
        )

    def clean(self):
        data = super().clean()
        if not data.get("year_column") and not data.get("fixed_year"):
            self.add_error(
                "fixed_year", _("Choose the year column, or give the year of every row.")
            )
        columns = {
            self.header[int(name.split("_")[1])]: data[name]
            for name in self.element_fields
            if data.get(name)
        }
        if not columns:
            raise forms.ValidationError(_("Name the data element of at least one column."))
        data["columns"] = columns
        return data

    def main_boxes(self):
        return [self[name] for name in ("layout", "place_column", "year_column", "fixed_year")]

    def element_boxes(self):
        return [self[name] for name in self.element_fields]
