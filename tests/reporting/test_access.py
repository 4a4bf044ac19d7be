"""Who reads, draws, signs off and sends reports to other levels."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from samen.reporting.access import (
    get_level_report_for_user,
    may_draw,
    may_read_level_reports,
    may_send,
    may_sign_off,
    visible_level_reports,
)
from samen.reporting.actions import level_report_draw, level_report_send, level_report_sign_off


@pytest.fixture
def reports(personas, partners):
    sent = level_report_sign_off(by=personas.analyst, report=level_report_draw(by=None, year=2024))
    sent = level_report_send(by=personas.analyst, report=sent, recipients=[partners.flemish])
    other = level_report_sign_off(by=personas.analyst, report=level_report_draw(by=None, year=2023))
    other = level_report_send(by=personas.analyst, report=other, recipients=[partners.federal])
    draft = level_report_draw(by=personas.analyst, year=2025)
    return sent, other, draft


@pytest.mark.parametrize("role", ["admin", "analyst", "dpo"])
def test_the_citys_readers_see_every_report(personas, reports, role):
    assert set(visible_level_reports(getattr(personas, role))) == set(reports)


def test_a_partner_sees_only_the_reports_sent_to_their_organisation(personas, reports):
    sent, other, draft = reports
    assert list(visible_level_reports(personas.partner)) == [sent]
    for hidden in (other, draft):
        with pytest.raises(Http404):
            get_level_report_for_user(personas.partner, hidden.pk)


@pytest.mark.parametrize("role", ["coordinator", "frontline", "other_frontline", "prevention"])
def test_district_staff_and_the_case_consultation_see_none(personas, reports, role):
    person = getattr(personas, role)
    assert not may_read_level_reports(person)
    assert not visible_level_reports(person).exists()


def test_anonymous_and_inactive_people_see_none(personas, reports):
    assert not visible_level_reports(AnonymousUser()).exists()
    personas.analyst.is_active = False
    assert not visible_level_reports(personas.analyst).exists()
    assert not may_draw(personas.analyst)


def test_absent_and_forbidden_answer_alike(personas, reports):
    with pytest.raises(Http404):
        get_level_report_for_user(personas.partner, 999_999)


def test_sign_off_needs_a_second_person_and_sending_a_signed_report(personas, reports):
    sent, _other, draft = reports
    assert not may_sign_off(personas.analyst, draft)  # drew it
    assert may_sign_off(personas.admin, draft)
    assert not may_send(personas.admin, draft)
    assert not may_send(personas.admin, sent)  # sent already
    assert not may_sign_off(personas.partner, draft)
