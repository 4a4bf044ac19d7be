"""This city's table beside the other cities': columns matched by code (this city's first, then
what only the others have), "–" where a city lacks a column, periods in order, cities that did
not answer left out of the rows; only the statistics roles ask, every city at once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from samen.core.published import Published
from samen.peers import comparison
from samen.peers.client import PeerAnswer
from samen.peers.comparison import compare, comparisons
from samen.peers.models import Peer

OWN = {
    "columns": [{"code": "all", "label": "All signals"}, {"code": "polarisation", "label": "P"}],
    "rows": [
        {
            "district": "11002A",
            "district_name": "Borgerhout",
            "period": "2026-02",
            "counts": [9, 6],
        },
        {
            "district": "11002A",
            "district_name": "Borgerhout",
            "period": "2026-01",
            "counts": [8, 5],
        },
    ],
}
THEIRS = {
    "columns": [{"code": "life_domain", "label": "L"}, {"code": "all", "label": "Alle"}],
    "rows": [
        {
            "district": "44021A",
            "district_name": "Gentbrugge",
            "period": "2026-01",
            "counts": [3, 7],
        },
    ],
}
PUBLISHED = Published("signals", "Signals", "/api/signals/statistics/", read=lambda **k: OWN)


def answer(name: str, table: dict | None, problem: str = "") -> PeerAnswer:
    return PeerAnswer(Peer(name=name), table, problem)


def test_columns_are_matched_by_code_and_a_missing_one_shows_a_dash():
    result = compare(PUBLISHED, OWN, [answer("Gent", THEIRS)], "Antwerpen")
    assert [column["code"] for column in result.columns] == ["all", "polarisation", "life_domain"]
    assert result.columns[0]["label"] == "All signals"  # this city's labels head the columns
    january = result.periods[0]
    assert [(row.city, row.own, row.counts) for row in january.rows] == [
        ("Antwerpen", True, [8, 5, "–"]),
        ("Gent", False, [7, "–", 3]),
    ]


def test_periods_come_in_order_with_this_city_first_in_each():
    result = compare(PUBLISHED, OWN, [answer("Gent", THEIRS)], "Antwerpen")
    assert [block.period for block in result.periods] == ["2026-01", "2026-02"]
    assert [row.city for row in result.periods[1].rows] == ["Antwerpen"]
    assert result.periods[1].rows[0].district_name == "Borgerhout"


def test_a_city_that_did_not_answer_is_kept_among_the_answers_and_out_of_the_rows():
    down = answer("Brugge", None, "unreachable")
    result = compare(PUBLISHED, OWN, [down], "Antwerpen")
    assert result.answers == [down]
    assert [column["code"] for column in result.columns] == ["all", "polarisation"]
    assert {row.city for block in result.periods for row in block.rows} == {"Antwerpen"}


@pytest.mark.django_db
def test_only_the_statistics_roles_compare(personas):
    for person in (personas.coordinator, personas.frontline):
        with pytest.raises(PermissionDenied):
            comparisons(
                by=person,
                request=None,
                since=datetime.date(2026, 1, 1),
                until=datetime.date(2026, 2, 28),
                granularity="month",
                level="group",
                city_name="Antwerpen",
            )


@pytest.mark.django_db
def test_every_city_is_asked_the_same_period_once_per_table(personas, liege, monkeypatch):
    asked = []

    def fetch(peer, *, api_path, params, language):
        asked.append((peer.name, api_path, params, language))
        return PeerAnswer(peer, None, "unreachable")

    monkeypatch.setattr(comparison, "fetch", fetch)
    result = comparisons(
        by=personas.analyst,
        request=None,
        since=datetime.date(2026, 1, 1),
        until=datetime.date(2026, 2, 28),
        granularity="month",
        level="group",
        city_name="Antwerpen",
    )
    assert result  # this city publishes at least one table
    assert len(asked) == len(result)
    params = {
        "since": "2026-01-01",
        "until": "2026-02-28",
        "granularity": "month",
        "level": "group",
    }
    assert {(name, p == params) for name, _path, p, _lang in asked} == {("Liège", True)}
    assert [a.problem for c in result for a in c.answers] == ["unreachable"] * len(result)
