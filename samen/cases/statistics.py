"""Counts of the case consultation, and nothing else: cases opened and closed per quarter, by
extremism type and age band. Counts from 1 to 4 show as "<5", and further cells are hidden
("x") wherever a total would let a hidden count be worked out (the same rule as the signal
statistics). The tables by type and by age band of the same cases share their totals, so they
are suppressed together: no total hidden in one is shown in the other, and no hidden cell can
be worked out from all their sums taken together. Anonymised cases still count; removed cases
do not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from samen.cases.models import AgeBand, Case, ExtremismType
from samen.privacy.small_cells import HIDDEN, SMALL, SMALL_CELL_LIMIT, suppress

QUARTERS = (1, 2, 3, 4)


@dataclass
class CountTable:
    """A table of counts: one row per quarter plus the year, one column per category."""

    title: str
    columns: list[str]
    rows: list[tuple[str, list]]


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


def _counts(year: int, moment: str, by: str) -> dict[tuple[int, str], int]:
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    rows = (
        Case.objects.filter(**{f"{moment}__gte": start, f"{moment}__lt": end})
        .annotate(y=ExtractYear(moment), m=ExtractMonth(moment))
        .values("m", by)
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, str], int] = {}
    for row in rows:
        key = (_quarter(row["m"]), row[by])
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


PERIODS = (*QUARTERS, "year")
INFINITY = float("inf")


def _reader_bounds(shown: dict, relations: list) -> dict:
    """What a reader can work out of every cell from all the published sums together.

    A shown number is itself, "<5" is 1 to 4 and "x" at least 1 (zero is always shown; a
    hidden cell may be small). Each sum narrows its cells in turn, repeated until nothing
    changes, so that reasoning over several rows and columns is caught too.
    """
    bounds = {}
    for cell, value in shown.items():
        if value == SMALL:
            bounds[cell] = (1, 4)
        elif value == HIDDEN:
            bounds[cell] = (1, INFINITY)
        else:
            bounds[cell] = (value, value)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            lows = sum(bounds[p][0] for p in parts)
            highs = sum(bounds[p][1] for p in parts)
            implied = [(total, lows, highs)]
            for part in parts:
                others_low, others_high = lows - bounds[part][0], highs - bounds[part][1]
                implied.append(
                    (part, bounds[total][0] - others_high, bounds[total][1] - others_low)
                )
            for cell, low, high in implied:
                old_low, old_high = bounds[cell]
                new = (max(old_low, low), min(old_high, high))
                if new != (old_low, old_high) and new[0] <= new[1]:
                    bounds[cell] = new
                    changed = True
    return bounds


def _pinned(shown: dict, relations: list) -> list:
    """The cells not shown whose value a reader can nevertheless work out."""
    bounds = _reader_bounds(shown, relations)
    return [
        cell
        for cell, value in shown.items()
        if value in (SMALL, HIDDEN) and bounds[cell][0] == bounds[cell][1]
    ]


def _close_gaps(shown: dict, relations: list) -> dict:
    """Hide more until no "<5" or "x" can be worked out from the sums taken together.

    `suppress` looks at one sum at a time and only hides counts of 5 or more; when the counts
    are all small (four cases in four age bands, a total of "<5") that is not enough. For a
    cell that can be worked out, hide the smallest count of 5 or more in a sum it is part of,
    or else that sum's "<5" cells; if neither is left, the smallest shown count anywhere.
    Every round hides at least one more non-zero cell, so it ends, at worst with every
    non-zero cell hidden, where nothing can be worked out.
    """
    shown = dict(shown)
    while pinned := _pinned(shown, relations):
        cell = pinned[0]
        hidden = False
        for total, parts in relations:
            members = [total, *parts]
            if cell not in members:
                continue
            large = [
                c for c in members if isinstance(shown[c], int) and shown[c] >= SMALL_CELL_LIMIT
            ]
            small = [c for c in members if shown[c] == SMALL]
            if large:
                shown[min(large, key=lambda c: shown[c])] = HIDDEN
            elif small:
                for c in small:
                    shown[c] = HIDDEN
            else:
                continue
            hidden = True
            break
        if not hidden:
            left = [c for c, v in shown.items() if v == SMALL or (isinstance(v, int) and v > 0)]
            if not left:
                break
            smallest = min(left, key=lambda c: 0 if shown[c] == SMALL else shown[c])
            shown[smallest] = HIDDEN
    return shown


TOTAL = "all"


def linked_tables(
    counts: dict[str, dict[tuple[int, str], int]],
    categories: dict[str, list[tuple[str, str]]],
) -> dict[str, CountTable]:
    """Build and suppress, together, tables that count the same cases in different ways.

    `counts` and `categories` are keyed by table name: each table splits the same cases per
    quarter into its own categories, so every table has the same quarter and year totals.
    Suppressed one at a time, a total hidden in one table would be shown in the other and a
    "<5" could be worked out from it. Here the totals are one cell shared by every table, and
    every row and column sum of every table is a relation of one suppression, so a total
    hidden anywhere is hidden everywhere and no sum across the tables pins a hidden cell.
    """
    values: dict = {}
    relations: list = []
    first = next(iter(counts))
    for q in QUARTERS:
        values[q, TOTAL] = sum(n for (quarter, _code), n in counts[first].items() if quarter == q)
    values["year", TOTAL] = sum(values[q, TOTAL] for q in QUARTERS)
    relations.append((("year", TOTAL), [(q, TOTAL) for q in QUARTERS]))
    for name, table_counts in counts.items():
        codes = [code for code, _label in categories[name]]
        for code in codes:
            for q in QUARTERS:
                values[(name, q, code)] = table_counts.get((q, code), 0)
            values[(name, "year", code)] = sum(values[(name, q, code)] for q in QUARTERS)
            relations.append(((name, "year", code), [(name, q, code) for q in QUARTERS]))
        for q in PERIODS:
            relations.append(((q, TOTAL), [(name, q, code) for code in codes]))
    shown = _close_gaps(suppress(values, relations), relations)
    tables = {}
    for name in counts:
        codes = [code for code, _label in categories[name]]
        rows = [
            (
                f"Q{q}" if q != "year" else "year",
                [*(shown[(name, q, code)] for code in codes), shown[q, TOTAL]],
            )
            for q in PERIODS
        ]
        columns = [str(label) for _code, label in categories[name]]
        tables[name] = CountTable(title=name, columns=columns, rows=rows)
    return tables


def case_statistics(year: int) -> dict[str, CountTable]:
    """The year's tables: cases opened and closed, each by extremism type and by age band.

    The two tables of opened cases share their totals, and so do the two of closed cases:
    each pair is suppressed together (`linked_tables`).
    """
    types, bands = list(ExtremismType.choices), list(AgeBand.choices)
    tables: dict[str, CountTable] = {}
    for moment, prefix in (("opened_at", "opened"), ("closed_at", "closed")):
        tables.update(
            linked_tables(
                {
                    f"{prefix}_by_type": _counts(year, moment, "extremism_type"),
                    f"{prefix}_by_age": _counts(year, moment, "age_band"),
                },
                {f"{prefix}_by_type": types, f"{prefix}_by_age": bands},
            )
        )
    return {
        name: tables[name]
        for name in ("opened_by_type", "opened_by_age", "closed_by_type", "closed_by_age")
    }


__all__ = ["HIDDEN", "SMALL", "case_statistics"]
