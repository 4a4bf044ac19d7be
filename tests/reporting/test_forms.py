"""The reports' forms (samen/reporting/forms.py): the years offered, the recipients offered."""

import pytest
from django.utils import timezone

from samen.people.actions import organisation_create
from samen.reporting.actions import FIRST_YEAR
from samen.reporting.forms import SendForm, YearForm

pytestmark = pytest.mark.django_db


def test_the_years_run_from_this_year_back_to_the_first_and_last_year_is_proposed():
    this_year = timezone.localdate().year
    form = YearForm()
    years = [year for year, _label in form.fields["year"].choices]
    assert years == list(range(this_year, FIRST_YEAR - 1, -1))
    assert form.fields["year"].initial == this_year - 1
    assert YearForm({"year": str(FIRST_YEAR)}).is_valid()
    assert not YearForm({"year": str(FIRST_YEAR - 1)}).is_valid()
    assert not YearForm({"year": str(this_year + 1)}).is_valid()


def test_only_active_partners_at_another_level_are_offered():
    flemish = organisation_create(by=None, name="Vlaams Agentschap", policy_level="flemish")
    city = organisation_create(by=None, name="Stad Antwerpen", policy_level="municipal")
    closed = organisation_create(by=None, name="Opgeheven FOD", policy_level="federal")
    closed.is_active = False
    closed.save()
    offered = list(SendForm().fields["recipients"].queryset)
    assert flemish in offered
    assert city not in offered and closed not in offered


def test_sending_to_nobody_is_refused_with_the_message():
    form = SendForm({"recipients": []})
    assert not form.is_valid()
    assert form.errors["recipients"] == ["Choose at least one organisation to send the report to."]
    city = organisation_create(by=None, name="Stad Antwerpen", policy_level="municipal")
    refused = SendForm({"recipients": [city.pk]})
    assert not refused.is_valid() and "recipients" in refused.errors
