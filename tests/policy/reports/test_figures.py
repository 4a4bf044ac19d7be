"""The yearly report's figures: actions by standing, budget per funding level, outputs per
district with people reached suppressed in small cells, the year's evaluations."""

from __future__ import annotations

import datetime
from decimal import Decimal

from samen.policy.progress import Standing
from samen.policy.reports.figures import report_figures


def test_the_figures_of_a_plan(figures_world):
    figures = report_figures(plan=figures_world.city_plan, year=2026)
    assert figures.as_of == datetime.date(2026, 6, 15)
    assert figures.standings == {
        Standing.ON_TRACK: 1,
        Standing.BEHIND: 1,
        Standing.DONE: 1,
        Standing.STOPPED: 1,
    }
    assert [(a.code, a.standing) for a in figures.actions] == [
        ("A1", Standing.BEHIND),
        ("A2", Standing.ON_TRACK),
        ("A3", Standing.DONE),
        ("A4", Standing.STOPPED),
    ]
    budgets = {b.level: (b.planned, b.spent) for b in figures.budgets}
    assert budgets == {
        "Flemish": (Decimal("5000.50"), Decimal("2500")),
        "municipal": (Decimal("1300"), Decimal("500")),
        "not given": (Decimal(0), Decimal(0)),  # the stopped action had no funding
    }


def test_people_reached_are_suppressed_in_small_cells(figures_world):
    figures = report_figures(plan=figures_world.city_plan, year=2026)
    rows = {o.district: (o.sessions, o.participants) for o in figures.outputs}
    # 3 shows as <5, and Berchem's 40 is hidden too, or the total would give Borgerhout away.
    assert rows == {"Berchem": (7, "x"), "Borgerhout": (2, "<5")}
    assert (figures.outputs_total.sessions, figures.outputs_total.participants) == (9, 43)


def test_the_evaluations_of_the_year(figures_world):
    [evaluation] = report_figures(plan=figures_world.city_plan, year=2026).evaluations
    assert evaluation.initiative == "Buurtgesprekken" and evaluation.on == datetime.date(2026, 4, 2)
    assert report_figures(plan=figures_world.city_plan, year=2025).evaluations == []


def test_a_strategy_counts_the_actions_of_its_plans_of_the_year(figures_world):
    figures = report_figures(strategy=figures_world.strategy, year=2026)
    assert len(figures.actions) == 6  # the city plan's four, Borgerhout's and Berchem's one each
    assert report_figures(strategy=figures_world.strategy, year=2024).actions == []
