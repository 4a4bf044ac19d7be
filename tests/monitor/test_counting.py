"""Weekly-count rows are written in one order, so concurrent signals never deadlock."""

import datetime

import pytest

from samen.core.counters import signal_keys
from samen.monitor import counting

pytestmark = pytest.mark.django_db


def test_rows_go_to_the_database_sorted_by_place_week_and_category(monkeypatch):
    written = []
    monkeypatch.setattr(counting, "_upsert_both", lambda c, a, o, along: written.extend([a, o]))
    monkeypatch.setattr(counting, "_upsert", lambda c, row, target, rows: written.append(rows))
    week = datetime.date(2026, 11, 23)
    changes = counting.CountChanges()
    changes.add(
        signal_keys(
            district_id=3, neighbourhood_id=None, city_id=1, week=week, category_ids=[20, 14, 17]
        ),
        severity=2,
    )
    changes.write()
    per_category = [rows for rows in written if rows and len(rows[0]) == 5][0]
    assert [row[:3] for row in per_category] == sorted(row[:3] for row in per_category)
    assert [row[2] for row in per_category][:3] == [14, 17, 20]
