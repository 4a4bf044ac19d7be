"""Small-cell suppression of published counts, so that no individual can be singled out.

Every count from 1 to 4 shows as "<5"; `suppress` hides more cells ("x") wherever a total would
let a hidden count be worked out from the cells shown (docs/exports.md). The signal statistics
and the case consultation's counts use it alike.
"""

from __future__ import annotations

from collections.abc import Hashable

SMALL_CELL_LIMIT = 5
SMALL = "<5"
HIDDEN = "x"
INFINITY = float("inf")


def _bounds(shown) -> tuple[float, float]:
    """Return what a reader knows of a cell: "<5" is 1 to 4, "x" at least 5, a number itself."""
    if shown == SMALL:
        return 1, SMALL_CELL_LIMIT - 1
    if shown == HIDDEN:
        return SMALL_CELL_LIMIT, INFINITY
    return shown, shown


def _others(total: float, own: float, unbounded: int, own_unbounded: bool) -> float:
    """Sum the other cells' upper bounds, given the sum of the finite ones."""
    return INFINITY if unbounded - own_unbounded > 0 else total - (0 if own_unbounded else own)


def exposed(total: Hashable, parts: list[Hashable], shown: dict) -> bool:
    """Tell whether `total = sum(parts)` pins down the value of a cell that is not shown."""
    cells = [total, *parts]
    if all(isinstance(shown[c], int) for c in cells):
        return False
    low_total, high_total = _bounds(shown[total])
    bounds = [_bounds(shown[p]) for p in parts]
    sum_low = sum(low for low, _high in bounds)
    finite_high = sum(high for _low, high in bounds if high != INFINITY)
    unbounded = sum(high == INFINITY for _low, high in bounds)
    implied = {total: (sum_low, INFINITY if unbounded else finite_high)}
    for part, (low, high) in zip(parts, bounds, strict=True):
        others_high = _others(finite_high, high, unbounded, high == INFINITY)
        implied[part] = (low_total - others_high, high_total - (sum_low - low))
    for cell in cells:
        if isinstance(shown[cell], int):
            continue
        low, high = _bounds(shown[cell])
        low, high = max(low, implied[cell][0]), min(high, implied[cell][1])
        if low == high:  # low > high: the relation is not exact (a signal in two categories)
            return True
    return False


def _second_cell(total, parts: list, shown: dict):
    """Choose the cell to hide as well: the smallest shown part of 5 or more, else the total."""
    candidates = [p for p in parts if isinstance(shown[p], int) and shown[p] >= SMALL_CELL_LIMIT]
    if candidates:
        return min(candidates, key=lambda p: shown[p])
    if isinstance(shown[total], int) and shown[total] >= SMALL_CELL_LIMIT:
        return total
    return None


def suppress(
    values: dict[Hashable, int], relations: list[tuple[Hashable, list[Hashable]]]
) -> dict[Hashable, int | str]:
    """Show counts 1-4 as "<5", then hide ("x") cells until no total pins down a hidden one."""
    # `relations` are (total, parts) with total = sum(parts). Zero stays 0 and is never hidden:
    # it singles nobody out. Cells are hidden one at a time, smallest first, until stable.
    shown = {
        cell: SMALL if 0 < value < SMALL_CELL_LIMIT else value for cell, value in values.items()
    }
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if exposed(total, parts, shown):
                extra = _second_cell(total, parts, shown)
                if extra is not None:
                    shown[extra] = HIDDEN
                    changed = True
    return shown
