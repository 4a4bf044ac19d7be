"""Asking another city's Samen: the checked table of a good answer, a clear problem for a city
that is down, slow, refusing or answering garbage, and nothing unsuppressed ever kept."""

from __future__ import annotations

import copy

import pytest
from cryptography.fernet import Fernet

from samen.peers.actions import peer_change, peer_record
from samen.peers.client import ask, checked_table, fetch, is_count
from tests.peers.conftest import TABLE, TOKEN, free_port

pytestmark = pytest.mark.django_db
PATH = "/api/statistics/"
PARAMS = {"since": "2026-01-01", "until": "2026-02-28", "granularity": "month", "level": "group"}


def asked(peer):
    return ask(peer, PATH, PARAMS, language="nl")


def test_a_good_answer_is_kept_as_its_columns_and_rows(gent, fake_peer):
    answer = asked(gent)
    assert answer.problem == ""
    assert answer.table == {"columns": TABLE["columns"], "rows": TABLE["rows"]}
    path, headers = fake_peer.asked[0]
    assert path == PATH + "?since=2026-01-01&until=2026-02-28&granularity=month&level=group"
    assert headers["Authorization"] == f"Token {TOKEN}"
    assert headers["Accept-Language"] == "nl"


def test_a_city_that_is_down_is_said_so(personas, debug):
    down = peer_record(
        by=personas.admin, name="Brugge", base_url=f"http://127.0.0.1:{free_port()}", token=TOKEN
    )
    answer = asked(down)
    assert (answer.table, answer.problem) == (None, "unreachable")
    assert str(answer.message) == "Its Samen did not answer. Try again later."


def test_a_slow_city_is_given_up_after_the_timeout(gent, fake_peer, settings):
    settings.SAMEN_PEER_TIMEOUT_SECONDS = 0.2
    fake_peer.delay = 1.0
    answer = asked(gent)
    assert (answer.table, answer.problem) == (None, "timeout")


@pytest.mark.parametrize(
    "status, problem", [(401, "token"), (403, "scope"), (500, "error"), (429, "error")]
)
def test_a_refusal_or_an_error_says_which(gent, fake_peer, status, problem):
    fake_peer.status = status
    answer = asked(gent)
    assert (answer.table, answer.problem, answer.status) == (None, problem, status)


def test_a_redirect_is_not_followed(gent, fake_peer):
    fake_peer.status = 302
    answer = asked(gent)
    assert (answer.problem, answer.status) == ("error", 302)
    assert len(fake_peer.asked) == 1


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("text/html", b"<html>Samen</html>"),
        ("application/json", b"{not json"),
        ("application/json", b"\xff\xfe"),
        ("application/json", b"[1, 2, 3]"),
        ("application/json", b'{"columns": [], "rows": []}'),
        ("text/html", b'{"columns": [{"code": "all", "label": "All"}], "rows": []}'),
    ],
)
def test_garbage_is_refused_whole(gent, fake_peer, content_type, body):
    fake_peer.content_type, fake_peer.body = content_type, body
    answer = asked(gent)
    assert (answer.table, answer.problem) == (None, "garbage")


def test_an_unsuppressed_count_refuses_the_whole_answer(gent, fake_peer):
    table = copy.deepcopy(TABLE)
    table["rows"][1]["counts"] = [7, 3, "x"]  # a 3 where "<5" belongs
    fake_peer.answer_json(table)
    answer = asked(gent)
    assert (answer.table, answer.problem) == (None, "garbage")
    assert "garbage" in answer.problem and "3" not in str(answer.message)


def test_an_http_address_is_never_asked_outside_debug(gent, fake_peer, settings):
    settings.DEBUG = False
    answer = asked(gent)
    assert (answer.table, answer.problem) == (None, "insecure")
    assert fake_peer.asked == []


def test_a_token_that_no_key_opens_is_said_so(gent, fake_peer, monkeypatch):
    monkeypatch.setenv("SAMEN_PEER_KEYS", Fernet.generate_key().decode())
    answer = asked(gent)
    assert (answer.table, answer.problem) == (None, "key")
    assert fake_peer.asked == []


def test_an_answer_is_kept_a_few_minutes_and_a_change_asks_again(personas, gent, fake_peer):
    assert fetch(gent, PATH, PARAMS, language="nl").table is not None
    assert fetch(gent, PATH, PARAMS, language="nl").table is not None
    assert len(fake_peer.asked) == 1
    assert fetch(gent, PATH, PARAMS, language="fr").table is not None
    assert len(fake_peer.asked) == 2
    peer_change(by=personas.admin, peer=gent, name="Gent", base_url=gent.base_url)
    fetch(gent, PATH, PARAMS, language="nl")
    assert len(fake_peer.asked) == 3


def test_a_problem_is_not_kept(gent, fake_peer):
    fake_peer.status = 500
    assert fetch(gent, PATH, PARAMS, language="nl").problem == "error"
    fake_peer.status = 200
    assert fetch(gent, PATH, PARAMS, language="nl").problem == ""
    assert len(fake_peer.asked) == 2


@pytest.mark.parametrize(
    "value, shown",
    [(0, True), (5, True), (1234, True), ("<5", True), ("x", True)]
    + [(1, False), (4, False), (-1, False), (True, False), (False, False), (5.0, False)]
    + [("5", False), ("<10", False), (None, False), ([5], False), (10**12, False)],
)
def test_what_counts_as_a_suppressed_count(value, shown):
    assert is_count(value) is shown


def test_only_the_columns_and_rows_are_kept(db):
    table = copy.deepcopy(TABLE)
    table["columns"][0]["secret"] = "kept nowhere"
    table["rows"][0]["signals"] = [{"text": "a signal's text"}]
    table["extra"] = {"anything": 1}
    kept = checked_table(table)
    assert kept == {"columns": TABLE["columns"], "rows": TABLE["rows"]}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda t: t["rows"][0].update(counts=[23, 14]),
        lambda t: t["rows"][0].update(period="last year"),
        lambda t: t["rows"][0].update(district="<script>"),
        lambda t: t["rows"][0].update(district_name=""),
        lambda t: t["rows"][0].update(district_name="x" * 201),
        lambda t: t["rows"][0].update(district_name="a\nb"),
        lambda t: t["columns"][1].update(code="all"),
        lambda t: t["columns"].append("all"),
        lambda t: t.update(rows={"2026-01": []}),
    ],
)
def test_a_spoilt_table_is_refused(spoil):
    table = copy.deepcopy(TABLE)
    spoil(table)
    with pytest.raises(ValueError):
        checked_table(table)
