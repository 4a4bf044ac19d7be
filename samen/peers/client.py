"""Asking another city's Samen for its published statistics: one GET with the token it gave
this city, a short timeout, no redirect followed, the answer checked and kept a few minutes.

Security-critical. Only what the other city's API answers with its small cells suppressed may
cross: every cell must be 0, a count of at least 5, "<5" or "x", every name short plain text,
and an answer that holds anything else is refused whole, never shown in part. Only the checked
columns and rows are kept, in the cache for SAMEN_PEER_CACHE_SECONDS and never in the
database. The token goes only to an https address (http in debug mode only).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from samen.peers.actions import http_allowed
from samen.peers.models import Peer
from samen.privacy.small_cells import HIDDEN, SMALL, SMALL_CELL_LIMIT

# An answer larger than this is not a table of suppressed counts a city would publish.
MAX_BYTES = 4_000_000
MAX_COLUMNS = 300
MAX_ROWS = 50_000
LONGEST_TEXT = 200
LARGEST_COUNT = 10**9
CODE = re.compile(r"[A-Za-z0-9_.:\-]{1,80}")
PERIOD = re.compile(r"\d{4}-(?:0[1-9]|1[0-2]|W[0-5]\d)")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

PROBLEMS = {
    "insecure": _("Its address is not https, so Samen does not send the token there."),
    "key": _(
        "Its token cannot be read with this Samen's keys (SAMEN_PEER_KEYS): an administrator "
        "records it again."
    ),
    "unreachable": _("Its Samen did not answer. Try again later."),
    "timeout": _("Its Samen did not answer in time. Try again later."),
    "token": _(
        "Its Samen did not accept the token: it may have ended or been revoked. Ask its "
        "administrator for a new one."
    ),
    "scope": _(
        "Its Samen refused: the token does not hold the scope to read the suppressed "
        "statistics (statistics:read). Ask its administrator for a token that does."
    ),
    "error": _("Its Samen answered with an error."),
    "garbage": _(
        "Its Samen answered something other than suppressed statistics, so nothing of it is shown."
    ),
}


class NotSuppressedError(ValueError):
    """The answer is not a table of suppressed counts."""


@dataclass(frozen=True)
class PeerAnswer:
    peer: Peer
    table: dict | None  # {"columns": [...], "rows": [...]}, checked; None with a problem
    problem: str = ""  # a key of PROBLEMS
    status: int | None = None  # the HTTP status of a refusal or an error

    @property
    def message(self):
        return PROBLEMS.get(self.problem, "")


class RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other, never followed: the token goes only to the
    address an administrator gave."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(RefuseRedirects)


def is_count(value) -> bool:
    """Whether `value` is a count a suppressed table may show: 0, 5 or more, "<5" or "x"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value == 0 or SMALL_CELL_LIMIT <= value <= LARGEST_COUNT
    return value in (SMALL, HIDDEN)


def _is_code(value) -> bool:
    return isinstance(value, str) and CODE.fullmatch(value) is not None


def _is_text(value) -> bool:
    return (
        isinstance(value, str) and 0 < len(value) <= LONGEST_TEXT and CONTROL.search(value) is None
    )


def checked_table(data) -> dict:
    """Keep the columns and rows of a suppressed table, or refuse the whole of it."""
    if not isinstance(data, dict):
        raise NotSuppressedError("not an object")
    columns, rows = data.get("columns"), data.get("rows")
    if not isinstance(columns, list) or not 0 < len(columns) <= MAX_COLUMNS:
        raise NotSuppressedError("columns")
    if not isinstance(rows, list) or len(rows) > MAX_ROWS:
        raise NotSuppressedError("rows")
    kept_columns = []
    for column in columns:
        if not isinstance(column, dict):
            raise NotSuppressedError("column")
        code, label = column.get("code"), column.get("label")
        if not _is_code(code) or not _is_text(label):
            raise NotSuppressedError("column")
        kept_columns.append({"code": code, "label": label})
    if len({column["code"] for column in kept_columns}) != len(kept_columns):
        raise NotSuppressedError("column codes repeat")
    kept_rows = []
    for row in rows:
        if not isinstance(row, dict):
            raise NotSuppressedError("row")
        district, name, period, counts = (
            row.get(key) for key in ("district", "district_name", "period", "counts")
        )
        if not (_is_code(district) and _is_text(name)):
            raise NotSuppressedError("district")
        if not isinstance(period, str) or PERIOD.fullmatch(period) is None:
            raise NotSuppressedError("period")
        if not isinstance(counts, list) or len(counts) != len(kept_columns):
            raise NotSuppressedError("counts")
        if not all(is_count(count) for count in counts):
            raise NotSuppressedError("a count that is not suppressed")
        kept_rows.append(
            {"district": district, "district_name": name, "period": period, "counts": counts}
        )
    return {"columns": kept_columns, "rows": kept_rows}


def address_of(peer: Peer, api_path: str, params: dict) -> str:
    return f"{peer.base_url}{api_path}?{urlencode(params)}"


def ask(peer: Peer, api_path: str, params: dict, *, language: str) -> PeerAnswer:
    """GET the table once from another city's Samen and check it; never raises."""
    url = address_of(peer, api_path, params)
    if not (url.startswith("https://") or (http_allowed() and url.startswith("http://"))):
        return PeerAnswer(peer, None, "insecure")
    try:
        token = peer.token()
    except InvalidToken:
        return PeerAnswer(peer, None, "key")
    headers = {
        "Authorization": f"Token {token}",
        "Accept": "application/json",
        "Accept-Language": language,
    }
    # The scheme is checked above and when the address was recorded: never file: or another.
    request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310
    try:
        with OPENER.open(request, timeout=settings.SAMEN_PEER_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        error.close()
        problem = {401: "token", 403: "scope"}.get(error.code, "error")
        return PeerAnswer(peer, None, problem, status=error.code)
    except TimeoutError:
        return PeerAnswer(peer, None, "timeout")
    except urllib.error.URLError as error:
        timed_out = isinstance(error.reason, TimeoutError)
        return PeerAnswer(peer, None, "timeout" if timed_out else "unreachable")
    except http.client.HTTPException:
        return PeerAnswer(peer, None, "garbage")
    except (OSError, ValueError):
        return PeerAnswer(peer, None, "unreachable")
    if len(body) > MAX_BYTES or kind != "application/json":
        return PeerAnswer(peer, None, "garbage")
    try:
        return PeerAnswer(peer, checked_table(json.loads(body)))
    except (ValueError, RecursionError):
        return PeerAnswer(peer, None, "garbage")


def cache_key(peer: Peer, api_path: str, params: dict, language: str) -> str:
    # The peer's last change is part of the key: a new address or token asks again.
    asked = json.dumps([str(api_path), params, language], sort_keys=True, default=str)
    digest = hashlib.sha256(asked.encode()).hexdigest()[:32]
    return f"peers:{peer.pk}:{peer.changed_at.timestamp()}:{digest}"


def fetch(peer: Peer, api_path: str, params: dict, *, language: str) -> PeerAnswer:
    """The other city's checked table, from the cache when asked recently; a problem is not
    kept, so that the next page asks again."""
    key = cache_key(peer, api_path, params, language)
    table = cache.get(key)
    if table is not None:
        return PeerAnswer(peer, table)
    answer = ask(peer, api_path, params, language=language)
    if answer.table is not None:
        cache.set(key, answer.table, settings.SAMEN_PEER_CACHE_SECONDS)
    return answer
