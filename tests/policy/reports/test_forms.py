"""The forms of the documents, yearly reports and CSV import pages: a file is required, and a
year is one from the first year to this one."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from samen.policy.report_actions import FIRST_YEAR
from samen.policy.reports.forms import ImportForm, UploadForm, YearForm


def test_the_years_run_from_this_one_back_to_the_first():
    form = YearForm()
    years = [year for year, _label in form.fields["year"].choices]
    assert years[0] == 2026 and years[-1] == FIRST_YEAR  # a day in June 2026
    assert form.fields["year"].initial == 2026


def test_a_year_is_chosen_from_the_list_and_given_as_a_number():
    form = YearForm({"year": "2025"})
    assert form.is_valid() and form.cleaned_data["year"] == 2025
    for year in ("2027", str(FIRST_YEAR - 1), "soon"):
        refused = YearForm({"year": year})
        assert not refused.is_valid() and list(refused.errors) == ["year"], year


def test_an_upload_and_an_import_need_a_file():
    assert not UploadForm({}, {}).is_valid()
    assert not ImportForm({}, {}).is_valid()
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.7", content_type="application/pdf")
    assert UploadForm({}, {"file": pdf}).is_valid()
    csv = SimpleUploadedFile("acties.csv", b"code,title\r\n", content_type="text/csv")
    assert ImportForm({}, {"file": csv}).is_valid()
    empty = SimpleUploadedFile("leeg.csv", b"", content_type="text/csv")
    assert not ImportForm({}, {"file": empty}).is_valid()


def test_the_file_pickers_ask_for_the_right_kinds():
    assert UploadForm().fields["file"].widget.attrs["accept"].startswith(".pdf,.odt")
    assert ImportForm().fields["file"].widget.attrs["accept"] == ".csv,text/csv"
