"""Small-cell suppression: counts under 5 shown as "<5", and no hidden count can be worked out."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from samen.privacy.small_cells import HIDDEN, SMALL, suppress


def row(total: int, *parts: int):
    """One row with its total: values by name, and the relation between them."""
    values = {"total": total, **{f"p{n}": v for n, v in enumerate(parts)}}
    return values, [("total", [f"p{n}" for n in range(len(parts))])]


def pinned(values: dict, shown: dict, relations) -> set:
    """Cells not shown whose value one relation fixes, found by trying every value.

    Independent of the rule under test: "<5" may be 1 to 4, "x" 5 or more (tried up to a cap
    above the relation's largest count), and a cell is pinned when only one of its possible
    values lets the sum hold.
    """
    found = set()
    for total, parts in relations:
        sign = {total: 1, **{p: -1 for p in parts}}
        cap = max(values[c] for c in sign) + 5
        hidden = [c for c in sign if not isinstance(shown[c], int)]
        if not hidden:
            continue
        known = sum(sign[c] * shown[c] for c in sign if isinstance(shown[c], int))

        domain = {c: range(1, 5) if shown[c] == SMALL else range(5, cap + 1) for c in hidden}
        possible = {c: set() for c in hidden}
        *free, last = hidden
        for combo in itertools.product(*(domain[c] for c in free)):
            rest = -(known + sum(sign[c] * v for c, v in zip(free, combo, strict=True)))
            value = rest * sign[last]
            if value in domain[last]:
                for c, v in zip(free, combo, strict=True):
                    possible[c].add(v)
                possible[last].add(value)
        found |= {c for c, values_seen in possible.items() if len(values_seen) <= 1}
    return found


def test_counts_from_one_to_four_show_as_under_five_and_zero_stays():
    shown = suppress({"a": 0, "b": 1, "c": 4, "d": 5, "e": 17}, [])
    assert shown == {"a": 0, "b": SMALL, "c": SMALL, "d": 5, "e": 17}


def test_one_small_cell_beside_a_total_hides_the_smallest_other_cell():
    values, relations = row(18, 9, 6, 3, 0)
    shown = suppress(values, relations)
    assert shown == {"total": 18, "p0": 9, "p1": HIDDEN, "p2": SMALL, "p3": 0}
    assert not pinned(values, shown, relations)


def test_two_small_cells_can_hide_each_other():
    # 21 - 9 - 6 leaves 6 for two "<5": 2 + 4, 3 + 3 or 4 + 2.
    values, relations = row(21, 9, 6, 3, 3)
    assert suppress(values, relations) == {"total": 21, "p0": 9, "p1": 6, "p2": SMALL, "p3": SMALL}


def test_a_hidden_five_beside_a_one_is_not_enough():
    # 6 = 5 + 1: with the 5 hidden the 1 is still the only value that fits, so the total goes.
    values, relations = row(6, 5, 1)
    shown = suppress(values, relations)
    assert shown == {"total": HIDDEN, "p0": HIDDEN, "p1": SMALL}
    assert not pinned(values, shown, relations)


def test_two_ones_beside_a_total_are_not_safe_together():
    values, relations = row(12, 10, 1, 1)  # 12 - 10 = 2 = 1 + 1
    shown = suppress(values, relations)
    assert shown == {"total": 12, "p0": HIDDEN, "p1": SMALL, "p2": SMALL}
    assert not pinned(values, shown, relations)


def test_small_cells_that_fill_a_total_hide_the_total():
    values, relations = row(8, 4, 4, 0)  # 8 = 4 + 4: both must be 4
    shown = suppress(values, relations)
    assert shown == {"total": HIDDEN, "p0": SMALL, "p1": SMALL, "p2": 0}


def test_a_small_total_needs_nothing_more():
    values, relations = row(3, 3, 0, 0)
    assert suppress(values, relations) == {"total": SMALL, "p0": SMALL, "p1": 0, "p2": 0}


def test_zeros_are_never_hidden():
    values, relations = row(9, 6, 3, 0, 0)
    shown = suppress(values, relations)
    assert shown == {"total": 9, "p0": HIDDEN, "p1": SMALL, "p2": 0, "p3": 0}


def test_an_inexact_sum_is_not_read_as_exact():
    # "All signals" 6 with categories 6 and 2: one signal carries both categories.
    values, relations = row(6, 6, 2)
    assert suppress(values, relations) == {"total": 6, "p0": 6, "p1": SMALL}


def test_hiding_spreads_through_linked_totals():
    # A 2x2 table with row and column totals: hiding in one row forces a column, and on.
    values = {"a": 6, "b": 2, "c": 7, "d": 8, "r1": 8, "r2": 15, "k1": 13, "k2": 10, "all": 23}
    relations = [
        ("r1", ["a", "b"]),
        ("r2", ["c", "d"]),
        ("k1", ["a", "c"]),
        ("k2", ["b", "d"]),
        ("all", ["r1", "r2"]),
        ("all", ["k1", "k2"]),
    ]
    shown = suppress(values, relations)
    assert shown["b"] == SMALL
    assert sum(v == HIDDEN for v in shown.values()) >= 3
    assert not pinned(values, shown, relations)


grids = st.integers(2, 3).flatmap(
    lambda rows: st.integers(2, 3).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 8), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=120, deadline=None)
@given(grids)
def test_no_table_lets_a_hidden_count_be_worked_out(grid):
    values, relations = {}, []
    for r, line in enumerate(grid):
        for c, value in enumerate(line):
            values[r, c] = value
        values["row", r] = sum(line)
        relations.append((("row", r), [(r, c) for c in range(len(line))]))
    for c in range(len(grid[0])):
        values["col", c] = sum(line[c] for line in grid)
        relations.append((("col", c), [(r, c) for r in range(len(grid))]))
    values["all"] = sum(map(sum, grid))
    relations.append(("all", [("row", r) for r in range(len(grid))]))
    relations.append(("all", [("col", c) for c in range(len(grid[0]))]))

    shown = suppress(values, relations)

    for cell, value in values.items():
        if 0 < value < 5:
            assert shown[cell] == SMALL
        elif isinstance(shown[cell], int):
            assert shown[cell] == value
        else:
            assert shown[cell] == HIDDEN and value >= 5
    assert not pinned(values, shown, relations)
