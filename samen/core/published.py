"""The statistics each module publishes, small cells suppressed, for pages that set them beside
another Samen's, without importing the module that owns them.

A module registers what it publishes when Django starts (`add_published`): a code, a title, the
path of its API endpoint on any Samen (so that a page can ask another city's Samen for the same
table), and a function that builds this city's table. The table is exactly what the endpoint
answers: `{"columns": [{"code", "label"}], "rows": [{"district", "district_name", "period",
"counts"}]}`, every count already suppressed ("<5", "x") by the module that owns it, and the
function checks the reader's access and records the read as the endpoint does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# read(by=, request=, since=, until=, granularity=, level=) -> the suppressed table
PublishedRead = Callable[..., dict]


@dataclass(frozen=True)
class Published:
    code: str  # language-neutral, stable
    title: object  # lazily translated
    api_path: str  # the endpoint that answers the same table on every Samen, e.g. /api/...
    read: PublishedRead = field(compare=False)
    order: int = 50


_published: dict[str, Published] = {}


def add_published(published: Published) -> Published:
    """Register a module's published statistics (the owning module, when Django starts)."""
    _published[published.code] = published
    return published


def published_statistics() -> list[Published]:
    """Every registered table, in order."""
    return sorted(_published.values(), key=lambda p: (p.order, p.code))
