"""The CSV of mediations: the anonymous facts, the aftercare check among them."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import translation

from samen.mediation.actions import aftercare_check_record, mediation_close
from samen.mediation.exports import mediation_csv
from samen.mediation.models import Mediation
from tests.mediation.conftest import NEIGHBOUR, RESIDENT, STREET

pytestmark = pytest.mark.django_db


def _table(mediations) -> list[list[str]]:
    with translation.override("en"):
        text = "".join(mediation_csv(mediations)).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_a_closed_mediation_shows_its_aftercare_check_and_no_party(mediation_people, assigned):
    closed = mediation_close(by=mediation_people.mediator, mediation=assigned, outcome="agreement")
    due = closed.aftercare_due
    aftercare_check_record(by=mediation_people.mediator, mediation=closed, result="holds")
    header, row = _table(Mediation.objects.filter(pk=closed.pk))
    facts = dict(zip(header, row, strict=True))
    assert facts["Number"] == str(closed.pk)
    assert facts["Parties"] == "2"
    assert facts["Aftercare check due"] == due.isoformat()
    assert facts["Aftercare check done"]
    assert facts["Aftercare check result"] == "the agreement holds"
    for secret in (RESIDENT, NEIGHBOUR, STREET):
        assert secret not in ",".join(row)


def test_an_open_mediation_leaves_the_aftercare_columns_empty(assigned):
    header, row = _table(Mediation.objects.filter(pk=assigned.pk))
    facts = dict(zip(header, row, strict=True))
    assert [facts[h] for h in header[-3:]] == ["", "", ""]
