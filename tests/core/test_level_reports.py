"""The registry of the report to other levels' sections: modules add, the report reads in order."""

from __future__ import annotations

from samen.core.level_reports import (
    ReportColumn,
    ReportSection,
    add_report_section,
    report_sections,
)


def test_the_modules_sections_are_registered_at_start_up():
    codes = [section.code for section in report_sections()]
    assert codes == sorted(
        codes, key=lambda c: next(s.order for s in report_sections() if s.code == c)
    )
    assert {"signals_per_district", "tension_per_district", "action_plan_progress"} <= set(codes)


def test_a_section_registered_twice_is_listed_once():
    before = len(report_sections())
    again = next(s for s in report_sections() if s.code == "tension_per_district")
    add_report_section(again)
    assert len(report_sections()) == before


def test_columns_and_rows_of_a_section():
    section = ReportSection(
        code="c", title="t", columns=(ReportColumn("a", "A"),), rows=lambda year: [{"a": year}]
    )
    assert section.rows(2025) == [{"a": 2025}]
    assert [c.code for c in section.columns] == ["a"]
