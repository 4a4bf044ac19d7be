"""Case references are random, count nothing and are never given twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


class _Choices:
    """Stands in for `secrets` in samen.cases.actions: choice() gives these characters."""

    def __init__(self, text: str):
        self.characters = iter(text)

    def choice(self, _alphabet):
        return next(self.characters)


def test_references_are_random_and_reveal_no_count(table):
    import re

    from django.utils import timezone

    from samen.cases.actions.cases import REFERENCE_ALPHABET
    from tests.cases.conftest import open_case

    year = timezone.localdate().year
    pattern = re.compile(rf"^LIVC-{year}-[{REFERENCE_ALPHABET}]{{6}}$")
    cases = [table.case, table.other_case, *(open_case(f"Persoon {n}") for n in range(10))]
    references = [case.reference for case in cases]
    assert all(pattern.match(reference) for reference in references), references
    assert len(set(references)) == len(references)
    assert not any(ch in reference[10:] for reference in references for ch in "01ILOU")
    assert f"LIVC-{year}-0001" not in references and f"LIVC-{year}-0012" not in references


def test_a_removed_cases_reference_is_never_given_again(table, monkeypatch):
    from samen.cases.actions import cases as actions
    from samen.cases.models import Case
    from tests.cases.conftest import open_case

    removed = actions.case_remove(by=table.mayor, case=table.case)
    live = table.other_case.reference
    code = removed.rsplit("-", 1)[1]
    # The random draw gives the removed reference, then a live one, then a new one.
    monkeypatch.setattr(actions, "secrets", _Choices(code + live.rsplit("-", 1)[1] + "ABCDEF"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-ABCDEF")
    assert not Case.objects.filter(reference=removed).exists()


def test_a_reference_taken_meanwhile_is_drawn_again(table, monkeypatch):
    from samen.cases.actions import cases as actions
    from tests.cases.conftest import open_case

    live = table.other_case.reference
    real = actions._reference_taken
    asked: list[str] = []

    def taken_after_the_check(reference):
        asked.append(reference)
        # The first check misses that another request saved this reference just now.
        return False if len(asked) == 1 else real(reference)

    monkeypatch.setattr(actions, "_reference_taken", taken_after_the_check)
    monkeypatch.setattr(actions, "secrets", _Choices(live.rsplit("-", 1)[1] + "XYZ234"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-XYZ234")
    assert table.other_case.reference == live
