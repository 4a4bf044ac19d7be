"""The list's filters, the old filter name of bookmarks, and the aftercare check's form."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from samen.mediation.forms import AftercareCheckForm, MediationFilterForm
from samen.mediation.models import Mediation

pytestmark = pytest.mark.django_db


def test_the_old_follow_up_filter_is_read_as_the_aftercare_filter():
    form = MediationFilterForm(QueryDict("follow_up=overdue&kind=noise"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["aftercare"] == "overdue"
    assert form.cleaned_data["kind"] == "noise"
    assert "follow_up" not in form.data


def test_the_aftercare_filter_wins_over_the_old_name():
    form = MediationFilterForm(QueryDict("follow_up=overdue&aftercare=due"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["aftercare"] == "due"


def test_an_unknown_aftercare_value_selects_nothing(personas, assigned):
    form = MediationFilterForm(QueryDict("aftercare=soon"))
    assert not form.is_valid()
    assert not form.apply(Mediation.objects.all(), personas.coordinator).exists()


def test_the_aftercare_check_offers_the_four_results():
    form = AftercareCheckForm({"result": "holds", "note": ""})
    assert form.is_valid(), form.errors
    values = [value for value, _ in form.fields["result"].choices if value]
    assert values == ["holds", "partly", "broken", "unreachable"]
    assert not AftercareCheckForm({"result": "fine"}).is_valid()
