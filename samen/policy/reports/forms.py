"""The forms of the documents, yearly reports and CSV import pages: validation only."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.policy.report_actions import FIRST_YEAR


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document (PDF or ODT)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.odt,application/pdf,application/vnd.oasis.opendocument.text"}
        ),
    )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = range(this_year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [(year, year) for year in years]
        self.fields["year"].initial = this_year


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file (UTF-8)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
