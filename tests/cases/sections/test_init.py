"""The registry of a case page's sections (samen/cases/sections/__init__.py)."""

import pytest

from samen.cases import sections
from samen.cases.sections import FilledSection, add_case_section, case_section, sections_for


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for one test; the case consultation's own sections come back after."""
    monkeypatch.setattr(sections, "_sections", [])


@pytest.mark.usefixtures("registry")
def test_sections_come_in_their_order_each_once_with_the_case():
    add_case_section(20, "second.html", lambda case, *, reader, export: {"n": 2})
    add_case_section(10, "first.html", lambda case, *, reader, export: {"n": 1})
    add_case_section(5, "second.html", lambda case, *, reader, export: {"n": 99})  # taken

    filled = sections_for("the case", reader="a reader")

    assert filled == [
        FilledSection("first.html", {"case": "the case", "n": 1}),
        FilledSection("second.html", {"case": "the case", "n": 2}),
    ]


@pytest.mark.usefixtures("registry")
def test_a_section_may_leave_itself_out_of_the_page_or_of_the_export():
    @case_section(10, "page_only.html")
    def page_only(case, *, reader, export):
        return None if export else {"reader": reader}

    assert sections_for("case", reader="me") == [
        FilledSection("page_only.html", {"case": "case", "reader": "me"})
    ]
    assert sections_for("case", reader="me", export=True) == []
    assert page_only("case", reader="me", export=False) == {"reader": "me"}
