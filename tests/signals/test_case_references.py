"""The purpose lock in signals: every door that files text refuses case references."""

from __future__ import annotations

import pytest

CASE_TEXT = "Jongere bekend in het casusoverleg (zie LIVC-2026-K7QW3M), spanning op het plein."


@pytest.mark.django_db
def test_a_signal_with_a_case_reference_is_refused_at_the_field_and_not_stored(client, personas):
    from django.urls import reverse

    from samen.signals.models import Signal
    from tests.signals.views.test_filing import intake

    client.force_login(personas.frontline)
    data = intake(personas.borgerhout, text=CASE_TEXT)
    response = client.post(reverse("signals:new"), data, HTTP_ACCEPT_LANGUAGE="nl")
    [message] = response.context["form"].errors["text"]
    assert "casusoverleg mag alleen daar gebruikt worden" in message
    assert "LIVC-2026-K7QW3M" in message
    assert not Signal.objects.exists()


@pytest.mark.django_db
def test_the_api_answers_422_with_where_the_case_reference_sits(personas):
    from samen.monitor.models import WeeklyCount
    from samen.signals.models import Signal
    from tests.signals.api.test_serializers import api_as, good_signal

    response = api_as(personas.frontline).post(
        "/api/signals/", good_signal(text=CASE_TEXT), format="json", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 422
    body = response.json()
    start = CASE_TEXT.index("LIVC")
    assert body["personal_data"] == [
        {
            "field": "text",
            "kind": "case_reference",
            "label": "référence de la concertation de cas",
            "start": start,
            "end": start + len("LIVC-2026-K7QW3M"),
        }
    ]
    assert "concertation de cas" in body["detail"]
    assert "K7QW3M" not in response.content.decode()
    assert not Signal.objects.exists() and not WeeklyCount.objects.exists()


@pytest.mark.django_db
def test_the_csv_import_locates_a_case_reference_without_repeating_it(personas):
    from samen.places.models import Place
    from samen.signals.csv_import import check_file
    from tests.signals.test_csv_import import csv_bytes, row

    Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    text = "Zie livc 2026 k7qw3m: spanning op het plein."
    checked = check_file(
        csv_bytes(row(), row(text=text), row(categories="LIVC-2026-K7QW3M")), by=personas.analyst
    )
    problems = {(p.line, p.column): p.message for p in checked.problems}
    assert set(problems) == {(3, "text"), (4, "categories")}
    assert "case consultation" in problems[(3, "text")]
    assert "characters 5–20" in problems[(3, "text")]
    assert not any("k7qw3m" in m.lower() for m in problems.values())
    assert checked.rows == []


@pytest.mark.django_db
def test_comments_follow_ups_and_tension_levels_refuse_case_references(personas, file_signal):
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from samen.core.weeks import week_of
    from samen.monitor.actions import tension_level_set
    from samen.monitor.models import TensionLevel
    from samen.signals import actions
    from samen.signals.models import Comment, FollowUp

    signal = file_signal(personas.frontline, personas.borgerhout)
    actions.signal_review(by=personas.coordinator, signal=signal)
    tries = [
        (
            "text",
            lambda: actions.signal_comment(by=personas.coordinator, signal=signal, text=CASE_TEXT),
        ),
        (
            "reference",
            lambda: actions.signal_follow_up(
                by=personas.coordinator, signal=signal, kind="other", reference="LIVC-2026-K7QW3M"
            ),
        ),
        (
            "note",
            lambda: actions.signal_follow_up(
                by=personas.coordinator, signal=signal, kind="other", note="Zie /cases/12/"
            ),
        ),
        (
            "rationale",
            lambda: tension_level_set(
                by=personas.coordinator,
                place=personas.borgerhout,
                week=week_of(timezone.localdate()),
                level=2,
                rationale=CASE_TEXT,
            ),
        ),
    ]
    for field, attempt in tries:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert "case consultation" in error.value.message_dict[field][0], field
    assert not Comment.objects.exists()
    assert not FollowUp.objects.exists()
    assert not TensionLevel.objects.exists()
