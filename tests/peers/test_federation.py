"""Two cities' Samen side by side: a second Samen (another city, its own SQLite database, a
subprocess on the loopback address) gives this city a partner token with only the statistics
scope, and this city's page of other cities shows its suppressed figures beside its own.
Nothing unsuppressed crosses; a token without the scope is refused, and the page says so.

The second Samen runs as a developer's would (SAMEN_DEBUG=1, `manage.py runserver`), since
plain http on the loopback address is allowed in debug mode only. This runs in the normal
suite: a second Samen that does not start fails the test loudly, it is never skipped.
"""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from samen.peers.actions import peer_change, peer_record
from samen.peers.client import is_count
from samen.peers.forms import twelve_months
from samen.privacy.small_cells import SMALL_CELL_LIMIT
from tests.conftest import get_as
from tests.peers.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
STARTUP_SECONDS = 40


def run(command: list[str], env: dict, log: Path) -> str:
    """Run one step of making the second city; fail loudly, with its output, if it fails."""
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    log.write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command[1:3])} failed for the second city:\n{done.stderr[-3000:]}")
    return done.stdout


@pytest.fixture(scope="module")
def second_city(tmp_path_factory):
    """A second Samen with its own database, seeded, serving on a free loopback port; yields
    its address and the keys of the tokens it issued to this city."""
    folder = tmp_path_factory.mktemp("second-city")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY"} and not key.startswith(("PYTEST", "SAMEN_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="samen.settings", SAMEN_DEBUG="1", SAMEN_DATA_DIR=str(folder))
    manage = [PYTHON, str(ROOT / "manage.py")]
    run([*manage, "migrate", "--verbosity", "0"], env, folder / "migrate.log")
    seed = ["seed", "--staff", "10", "--signals", "300", "--no-progress"]
    run([*manage, *seed], env, folder / "seed.log")
    keys = json.loads(
        run([PYTHON, str(ROOT / "tests/peers/second_city.py")], env, folder / "keys.log")
    )
    port = free_port()
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url, server, folder / "server.log")
        yield {"url": url, **keys}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        log.close()


def wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"The second city's runserver did not start:\n{log.read_text()[-3000:]}")


def raw_statistics(url: str, key: str, params: dict) -> tuple[int, bytes]:
    """What the second city's API answers this token, byte for byte."""
    request = urllib.request.Request(  # noqa: S310 - the loopback address, http in a test
        f"{url}/api/statistics/?{urlencode(params)}",
        headers={"Authorization": f"Token {key}", "Accept-Language": "en"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def row_html(city: str, row: dict) -> str:
    cells = "".join(f"<td>{html.escape(str(count))}</td>" for count in row["counts"])
    return f"<td>{city}</td><td>{html.escape(row['district_name'])}</td>{cells}</tr>"


@pytest.mark.django_db
def test_the_second_citys_suppressed_figures_appear_beside_this_citys(
    client, personas, settings, second_city
):
    settings.DEBUG = True  # http on the loopback address, as only debug mode allows
    chosen = twelve_months()
    params = {name: str(value) for name, value in chosen.items()}
    status, raw = raw_statistics(second_city["url"], second_city["statistics"], params)
    assert status == 200
    answer = json.loads(raw)
    counts = [count for row in answer["rows"] for count in row["counts"]]
    # The second city has signals in the period: some cells say so, all of them suppressed.
    assert any(count != 0 for count in counts)
    assert all(is_count(count) for count in counts)
    assert not [c for c in counts if isinstance(c, int) and 0 < c < SMALL_CELL_LIMIT]
    # The raw bytes too: no bare 1 to 4 in any list of counts.
    for listed in re.findall(rb'"counts":\s*\[([^\]]*)\]', raw):
        assert not re.search(rb"(?:^|,)\s*[1-4]\s*(?:,|$)", listed), listed

    peer_record(
        by=personas.admin,
        name="Gent",
        base_url=second_city["url"],
        token=second_city["statistics"],
    )
    response = get_as(client, personas.analyst, reverse("peers:compare"), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "peer-problem" not in page
    shown = [row for row in answer["rows"] if any(count != 0 for count in row["counts"])]
    for row in shown:
        assert row_html("Gent", row) in page
    assert "<td>Antwerp</td><td>Borgerhout</td>" in page  # this city's own rows beside them
    # Nothing but suppressed cells reached the page from the second city.
    gent_cells = re.findall(r"<td>Gent</td><td>[^<]+</td>((?:<td>[^<]*</td>)+)", page)
    assert len(gent_cells) == len(answer["rows"])
    for cells in gent_cells:
        values = re.findall(r"<td>([^<]*)</td>", cells)
        assert all(v in ("0", "&lt;5", "x") or int(v) >= SMALL_CELL_LIMIT for v in values)


@pytest.mark.django_db
def test_a_token_without_the_statistics_scope_is_refused_and_the_page_says_so(
    client, personas, settings, second_city
):
    settings.DEBUG = True
    params = {name: str(value) for name, value in twelve_months().items()}
    status, raw = raw_statistics(second_city["url"], second_city["circulars"], params)
    assert status == 403
    assert b"rows" not in raw

    gent = peer_record(
        by=personas.admin, name="Gent", base_url=second_city["url"], token=second_city["statistics"]
    )
    peer_change(
        by=personas.admin,
        peer=gent,
        name="Gent",
        base_url=gent.base_url,
        token=second_city["circulars"],
    )
    response = get_as(client, personas.analyst, reverse("peers:compare"), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Gent</strong>: Its Samen refused" in page
    assert "statistics:read" in page and "(HTTP 403)" in page
    assert "<td>Gent</td>" not in page
