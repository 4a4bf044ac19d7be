"""The sections of a case page and of its one-case export, filled by whoever adds case work.

`add_case_section(order, template, context_fn)` registers a section; `context_fn(case, *,
reader, export)` returns the template's context, or None to leave the section out. The page
and the export both call `sections_for`, so a section added once appears in both. A section
only ever gets a case that came through access.get_case_for_reader. The case's own sections
(`sections.case`) and the case work's (`sections.work`) register when apps.py imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

SectionContext = Callable[..., dict | None]


@dataclass(frozen=True)
class CaseSection:
    order: int
    template: str
    context: SectionContext = field(compare=False)


@dataclass(frozen=True)
class FilledSection:
    template: str
    context: dict


_sections: list[CaseSection] = []


def add_case_section(order: int, template: str, context_fn: SectionContext) -> None:
    """Show `template` on every case page and export, in `order` (lower first)."""
    if all(s.template != template for s in _sections):
        _sections.append(CaseSection(order, template, context_fn))
        _sections.sort(key=lambda s: s.order)


def case_section(order: int, template: str) -> Callable[[SectionContext], SectionContext]:
    """Decorator form of add_case_section."""

    def register(context_fn: SectionContext) -> SectionContext:
        add_case_section(order, template, context_fn)
        return context_fn

    return register


def sections_for(case, *, reader, export: bool = False) -> list[FilledSection]:
    """The filled sections of `case` for `reader`, on the page or (export=True) the export."""
    filled = []
    for section in _sections:
        context = section.context(case, reader=reader, export=export)
        if context is not None:
            filled.append(FilledSection(section.template, {"case": case, **context}))
    return filled
