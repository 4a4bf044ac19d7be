"""Counts of the case consultation, and nothing else: cases opened and closed per quarter, by
extremism type and age band. Counts from 1 to 4 show as "<5", and further cells are hidden
("x") wherever a total would let a hidden count be worked out (the same rule as the signal
statistics). Anonymised cases still count; removed cases do not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from samen.cases.models import AgeBand, Case, ExtremismType
from samen.signals.statistics import HIDDEN, SMALL, suppress

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


def _table(title: str, counts: dict, categories: list[tuple[str, str]]) -> CountTable:
    """Build and suppress one quarter-by-category table with its totals."""
    values: dict = {}
    for q in (*QUARTERS, "year"):
        for code, _label in categories:
            values[q, code] = (
                sum(counts.get((n, code), 0) for n in QUARTERS)
                if q == "year"
                else counts.get((q, code), 0)
            )
        values[q, "all"] = sum(values[q, code] for code, _label in categories)
    relations = []
    codes = [code for code, _label in categories] + ["all"]
    for code in codes:
        relations.append((("year", code), [(q, code) for q in QUARTERS]))
    for q in (*QUARTERS, "year"):
        relations.append(((q, "all"), [(q, code) for code, _label in categories]))
    shown = suppress(values, relations)
    rows = [
        (f"Q{q}" if q != "year" else "year", [shown[q, code] for code in codes])
        for q in (*QUARTERS, "year")
    ]
    return CountTable(title=title, columns=[str(label) for _c, label in categories], rows=rows)


def case_statistics(year: int) -> dict[str, CountTable]:
    """The year's tables: cases opened and closed, each by extremism type and by age band."""
    types, bands = list(ExtremismType.choices), list(AgeBand.choices)
    return {
        "opened_by_type": _table(
            "opened_by_type", _counts(year, "opened_at", "extremism_type"), types
        ),
        "opened_by_age": _table("opened_by_age", _counts(year, "opened_at", "age_band"), bands),
        "closed_by_type": _table(
            "closed_by_type", _counts(year, "closed_at", "extremism_type"), types
        ),
        "closed_by_age": _table("closed_by_age", _counts(year, "closed_at", "age_band"), bands),
    }


__all__ = ["HIDDEN", "SMALL", "case_statistics"]
