"""This city's published statistics beside other cities', per period: one table per published
kind, its columns matched by code, each city's rows under each period."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from django.http import HttpRequest
from django.utils.translation import get_language, gettext_noop

from samen.core.published import Published, published_statistics
from samen.peers.access import check_may_read_peers
from samen.peers.client import PeerAnswer, checked_table, fetch
from samen.peers.models import Peer

# How this city's read is named in the audit trail (untranslated: the trail holds it in the
# city's own language).
READ_BESIDE_OTHERS = gettext_noop("Published statistics shown beside other cities'")


@dataclass
class ComparedRow:
    city: str
    own: bool
    district: str
    district_name: str
    counts: list


@dataclass
class PeriodBlock:
    period: str
    rows: list[ComparedRow] = field(default_factory=list)


@dataclass
class Comparison:
    published: Published
    columns: list[dict]
    periods: list[PeriodBlock]
    answers: list[PeerAnswer]


def _aligned(table: dict, codes: list[str]) -> dict[str, list]:
    """Each row's counts in the order of `codes`, "–" where a city has no such column."""
    position = {column["code"]: n for n, column in enumerate(table["columns"])}
    return {
        id(row): [row["counts"][position[code]] if code in position else "–" for code in codes]
        for row in table["rows"]
    }


def compare(
    published: Published, own: dict, answers: list[PeerAnswer], city_name: str
) -> Comparison:
    """Set this city's table and each answering peer's side by side, period by period."""
    tables = [(city_name, True, own)]
    tables += [(a.peer.name, False, a.table) for a in answers if a.table is not None]
    columns = list(own["columns"])
    for _city, _own, table in tables[1:]:
        known = {column["code"] for column in columns}
        columns += [column for column in table["columns"] if column["code"] not in known]
    codes = [column["code"] for column in columns]
    blocks: dict[str, PeriodBlock] = {}
    for city, is_own, table in tables:
        counts = _aligned(table, codes)
        for row in table["rows"]:
            block = blocks.setdefault(row["period"], PeriodBlock(row["period"]))
            block.rows.append(
                ComparedRow(city, is_own, row["district"], row["district_name"], counts[id(row)])
            )
    periods = [blocks[period] for period in sorted(blocks)]
    return Comparison(published, columns, periods, answers)


def comparisons(
    *,
    by,
    request: HttpRequest | None,
    since: datetime.date,
    until: datetime.date,
    granularity: str,
    level: str,
    city_name: str,
) -> list[Comparison]:
    """Every published table of this city beside the other cities' answers, for `by`."""
    check_may_read_peers(by)
    params = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "granularity": granularity,
        "level": level,
    }
    peers = list(Peer.objects.order_by("name"))
    language = get_language() or "nl"
    result = []
    for published in published_statistics():
        own = checked_table(
            published.read(
                by=by,
                request=request,
                what=READ_BESIDE_OTHERS,
                since=since,
                until=until,
                granularity=granularity,
                level=level,
            )
        )
        api_path = str(published.api_path)
        answers = []
        if peers:
            # The other cities are asked at once, so that one slow city delays the page by
            # its own timeout only. The threads touch no database: each has its peer already.
            asking = partial(fetch, api_path=api_path, params=params, language=language)
            with ThreadPoolExecutor(max_workers=min(len(peers), 8)) as pool:
                answers = list(pool.map(asking, peers))
        result.append(compare(published, own, answers, city_name))
    return result
