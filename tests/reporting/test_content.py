"""A report's content: drawn from every registered section, one canonical hash, and a CSV
with the JSON's field names where no cell becomes a spreadsheet formula."""

from __future__ import annotations

import csv
import io

from samen.core.level_reports import ReportColumn, ReportSection
from samen.reporting import content


def test_draw_holds_every_registered_section_by_code(personas):
    drawn = content.draw(2025)
    assert drawn["schema_version"] == content.SCHEMA_VERSION
    assert drawn["year"] == 2025
    codes = [s["code"] for s in drawn["sections"]]
    assert codes[:2] == ["signals_per_district", "tension_per_district"]
    assert "action_plan_progress" in codes
    signals = drawn["sections"][0]
    assert signals["columns"] == ["district", "category", "signals"]
    assert all(set(row) == set(signals["columns"]) for row in signals["rows"])


def test_the_hash_ignores_key_order_but_not_a_changed_figure():
    a = {"year": 2025, "sections": [{"code": "s", "rows": [{"n": 5}]}]}
    b = {"sections": [{"rows": [{"n": 5}], "code": "s"}], "year": 2025}
    assert content.sha256_of(a) == content.sha256_of(b)
    b["sections"][0]["rows"][0]["n"] = 6
    assert content.sha256_of(a) != content.sha256_of(b)


def test_the_csv_has_the_json_field_names_and_no_formula():
    report = {
        "sections": [
            {
                "code": "plans",
                "columns": ["plan", "done"],
                "rows": [{"plan": "=HYPERLINK(1)", "done": None}],
            }
        ]
    }
    rows = list(csv.reader(io.StringIO(content.as_csv(report))))
    assert rows == [["section", "plan", "done"], ["plans", "'=HYPERLINK(1)", ""]]


def test_labelled_sections_read_in_the_active_language(monkeypatch):
    section = ReportSection(
        code="test_section",
        title="Test title",
        columns=(ReportColumn("a", "Column A"),),
        rows=lambda year: [{"a": year}],
        order=99,
    )
    monkeypatch.setattr(content, "report_sections", lambda: [section])
    [mine] = content.labelled(content.draw(2025))
    assert mine["title"] == "Test title"
    assert mine["headings"] == ["Column A"]
    assert mine["rows"] == [[2025]]


def test_a_section_no_module_registers_keeps_its_codes():
    shown = content.labelled({"sections": [{"code": "gone", "columns": ["x"], "rows": [{"x": 1}]}]})
    assert shown == [
        {"code": "gone", "title": "gone", "note": "", "headings": ["x"], "rows": [[1]]}
    ]
