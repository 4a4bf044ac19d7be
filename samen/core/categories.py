"""The signal categories other modules refer to by code, without importing the signals module.

The signals module registers where its categories come from (`set_signal_categories`) when
Django starts; a module that tags its records with signal categories (the prevention policy's
actions and initiatives) stores the codes and asks here for their names, in the reader's
language. Without the signals module there are no categories to choose from.
"""

from __future__ import annotations

from collections.abc import Callable

# source() -> [(code, name, group name)], the categories in use, in their order.
CategorySource = Callable[[], list[tuple[str, str, str]]]
_sources: list[CategorySource] = []


def set_signal_categories(source: CategorySource) -> None:
    """Register the function that lists the signal categories in use (the signals module)."""
    _sources[:] = [source]


def signal_categories() -> list[tuple[str, str, str]]:
    """(code, name, group name) of every signal category in use; none without a source."""
    return _sources[0]() if _sources else []


def signal_category_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The categories as form choices, grouped under their group's name."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, name, group in signal_categories():
        groups.setdefault(group, []).append((code, name))
    return list(groups.items())


def signal_category_names() -> dict[str, str]:
    """Code -> name, in the active language."""
    return {code: name for code, name, _group in signal_categories()}
