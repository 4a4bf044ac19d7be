"""The case's own sections: summary, person, who sits at the table, corrections; what the core
may do from them on the page, and nothing to do in the export."""

import pytest

from samen.cases.sections import case as case_sections
from samen.cases.sections import sections_for

pytestmark = pytest.mark.django_db

OWN = [
    "cases/sections/summary.html",
    "cases/sections/person.html",
    "cases/sections/members.html",
    "cases/sections/corrections.html",
]


def test_the_case_own_sections_come_in_their_order(table):
    templates = [s.template for s in sections_for(table.case, reader=table.prevention)]
    assert [t for t in templates if t in OWN] == OWN


def test_the_core_may_invite_and_correct_on_the_page_but_not_in_the_export(table):
    members = case_sections.members(table.case, reader=table.prevention, export=False)
    assert members["may_invite"]
    assert case_sections.corrections(table.case, reader=table.prevention, export=False)[
        "may_correct"
    ]
    exported = case_sections.members(table.case, reader=table.prevention, export=True)
    assert not exported["may_invite"]
    assert not case_sections.corrections(table.case, reader=table.prevention, export=True)[
        "may_correct"
    ]


def test_an_invited_professional_may_neither_invite_nor_correct(table):
    assert not case_sections.members(table.case, reader=table.invited, export=False)["may_invite"]
    assert not case_sections.corrections(table.case, reader=table.invited, export=False)[
        "may_correct"
    ]


def test_the_seated_core_is_listed_and_grants_access(table):
    seats = case_sections.members(table.case, reader=table.prevention, export=False)["seats"]
    assert seats
    assert {state for _, state in seats} == {""}
