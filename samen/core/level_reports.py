"""The sections of the city's yearly report to other policy levels, each given by the module that
owns its figures, without the report importing them.

A module registers a section when Django starts (`add_report_section`): a code, a title, its
columns and a function that builds the year's rows. The reports module (samen.reporting) draws a
report from every registered section, freezes it at sign-off and sends it to partner
organisations at other levels. Rows hold figures about places and plans, never about persons;
a section whose counts could single someone out suppresses its small cells itself
(samen.privacy.small_cells), before its rows leave the module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# A cell is a number, a code or name, or a suppressed count ("<5", "x").
Cell = int | float | str | None
SectionRows = Callable[[int], list[dict[str, Cell]]]


@dataclass(frozen=True)
class ReportColumn:
    code: str  # language-neutral key of the cell in each row (the JSON and CSV field name)
    label: object  # its heading, lazily translated


@dataclass(frozen=True)
class ReportSection:
    code: str  # language-neutral, stable: other levels' systems read it
    title: object  # lazily translated
    columns: tuple[ReportColumn, ...]
    rows: SectionRows = field(compare=False)  # year -> the year's rows
    order: int = 50
    note: object = ""  # how the figures were made (suppression, counting rule), translated


_sections: dict[str, ReportSection] = {}


def add_report_section(section: ReportSection) -> ReportSection:
    """Register a section of the yearly report (the owning module, in its AppConfig.ready)."""
    _sections[section.code] = section
    return section


def report_sections() -> list[ReportSection]:
    """Every registered section, in report order."""
    return sorted(_sections.values(), key=lambda s: (s.order, s.code))
