"""The export pages for each persona: who may download what, and what the files hold."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.privacy.small_cells import HIDDEN, SMALL
from samen.signals.retention import signal_text_purge
from tests.conftest import get_as
from tests.signals.test_statistics import MARCH, at, new_signal

pytestmark = pytest.mark.django_db

CSV_URL = "signal_exchange:export_signals_csv"
XLSX_URL = "signal_exchange:export_signals_xlsx"
STATISTICS_URL = "signal_exchange:export_statistics"
EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline"]
EVERYONE += ["prevention", "partner", "dpo"]


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(book.worksheets[0].iter_rows(values_only=True))


@pytest.fixture
def signals(personas):
    """Two Borgerhout signals (one serious) and one in Berchem, all last week."""
    return {
        "borgerhout": new_signal(
            personas.frontline, personas.borgerhout, text="Posters aan het station."
        ),
        "serious": new_signal(
            personas.frontline, personas.borgerhout, severity=3, categories=["racism", "housing"]
        ),
        "berchem": new_signal(personas.other_frontline, personas.berchem),
    }


def test_urls_are_stable():
    assert reverse(CSV_URL) == "/signals/exchange/export/signals.csv"
    assert reverse(XLSX_URL) == "/signals/exchange/export/signals.xlsx"
    assert reverse(STATISTICS_URL) == "/signals/exchange/export/statistics/"


@pytest.mark.parametrize("name", [CSV_URL, XLSX_URL, STATISTICS_URL])
def test_anonymous_gets_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("name", [CSV_URL, XLSX_URL])
def test_signal_exports_are_for_coordinators_analysts_and_administrators(
    client, personas, who, name
):
    response = get_as(client, getattr(personas, who), reverse(name))
    assert response.status_code == (200 if who in ("admin", "analyst", "coordinator") else 403)


@pytest.mark.parametrize("who", EVERYONE)
def test_statistics_are_for_analysts_and_administrators(client, personas, who):
    response = get_as(client, getattr(personas, who), reverse(STATISTICS_URL))
    assert response.status_code == (200 if who in ("admin", "analyst") else 403)


def test_csv_holds_the_visible_rows_with_a_header_in_the_readers_language(
    client, personas, signals
):
    response = get_as(client, personas.analyst, reverse(CSV_URL))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="signalen-{today}.csv"'
    header, *rows = csv_rows(response)
    assert len(header) == 12 and header[3] == "Wijk"  # Dutch unless the reader asks otherwise
    assert sorted(int(r[0]) for r in rows) == sorted(s.pk for s in signals.values())
    serious = next(r for r in rows if int(r[0]) == signals["serious"].pk)
    assert serious[2] == "Borgerhout"
    assert serious[4] == "Racisme en discriminatie; Wonen"
    assert serious[5].startswith("3 – ")
    local = timezone.localtime(signals["serious"].occurred_at)
    assert serious[1] == local.strftime("%Y-%m-%d %H:%M")

    response = get_as(client, personas.analyst, reverse(CSV_URL), HTTP_ACCEPT_LANGUAGE="en")
    header, *rows = csv_rows(response)
    assert header[3] == "Neighbourhood"
    assert "Housing; Racism and discrimination" in [r[4] for r in rows]


def test_a_coordinator_exports_only_their_district_whatever_the_filter(client, personas, signals):
    response = get_as(client, personas.coordinator, reverse(CSV_URL))
    numbers = {int(r[0]) for r in csv_rows(response)[1:]}
    assert numbers == {signals["borgerhout"].pk, signals["serious"].pk}

    url = reverse(CSV_URL) + f"?district={personas.berchem.pk}"
    assert csv_rows(get_as(client, personas.coordinator, url))[1:] == []
    assert len(csv_rows(get_as(client, personas.analyst, url))[1:]) == 1


def test_exports_follow_the_filters_of_the_list(client, personas, signals):
    url = reverse(XLSX_URL) + "?severity=3"
    response = get_as(client, personas.analyst, url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "signalen-" in response["Content-Disposition"]
    header, *rows = xlsx_rows(response)
    assert [r[0] for r in rows] == [signals["serious"].pk]
    assert isinstance(rows[0][1], datetime.datetime)


def test_one_audit_record_per_export_with_filters_and_row_count(client, personas, signals):
    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS)
    before = reads.count()
    url = reverse(CSV_URL) + f"?severity=2&district={personas.borgerhout.pk}"
    csv_rows(get_as(client, personas.analyst, url))
    assert reads.count() == before + 1
    record = reads.latest("pk")
    assert record.actor == personas.analyst
    export = record.additional_data["export"]
    assert export["rows"] == 2 and export["format"] == "csv"
    assert export["filters"]["severity"] == 2
    assert export["filters"]["district"] == personas.borgerhout.code
    assert len(export["filters"]["weeks"]) == 2
    assert record.additional_data["path"].startswith("/signals/exchange/export/signals.csv?")


def test_invalid_filters_refuse_the_export_and_record_nothing(client, personas, signals):
    before = AuditRecord.objects.count()
    url = reverse(CSV_URL) + "?period=custom"
    response = get_as(client, personas.analyst, url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Give both dates of the period." in response.content.decode()
    assert AuditRecord.objects.count() == before


def test_purged_text_stays_empty_and_formulas_are_defused(client, personas, signals):
    formula = new_signal(personas.frontline, personas.borgerhout, text="=HYPERLINK(1)")
    signal_text_purge(by=None, now=timezone.now() + datetime.timedelta(days=31 * 25))
    fresh = new_signal(personas.frontline, personas.borgerhout, text="@alle buren: let op")
    rows = {int(r[0]): r for r in csv_rows(get_as(client, personas.analyst, reverse(CSV_URL)))[1:]}
    assert rows[signals["borgerhout"].pk][11] == "" and rows[formula.pk][11] == ""
    assert rows[fresh.pk][11] == "'@alle buren: let op"

    signal_text_purge(by=None, now=timezone.now() - datetime.timedelta(days=1))  # nothing yet
    new = new_signal(personas.frontline, personas.borgerhout, text="+ meer spanning")
    xlsx = {r[0]: r for r in xlsx_rows(get_as(client, personas.analyst, reverse(XLSX_URL)))[1:]}
    assert xlsx[new.pk][11] == "'+ meer spanning"


def test_export_queries_do_not_grow_with_rows(client, personas, signals):
    client.force_login(personas.analyst)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            csv_rows(client.get(reverse(CSV_URL)))
        return len(captured)

    queries()  # the first request of a session also records the session
    few = queries()
    for _ in range(6):
        new_signal(personas.frontline, personas.borgerhout, categories=["racism", "poverty"])
    assert queries() == few


def test_statistics_page_offers_the_choice_and_downloads(client, personas):
    for _ in range(6):
        new_signal(personas.frontline, personas.borgerhout, when=at(MARCH[0]))
    new_signal(personas.frontline, personas.borgerhout, when=at(MARCH[1]), categories=["poverty"])
    page = get_as(client, personas.analyst, reverse(STATISTICS_URL))
    assert page["Content-Type"].startswith("text/html")
    assert 'name="since"' in page.content.decode()

    query = {"since": "2026-03-01", "until": "2026-03-31", "granularity": "month"}
    query |= {"level": "category", "format": "csv"}
    response = client.get(reverse(STATISTICS_URL), query, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "signal-statistics-" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    borgerhout = dict(zip(header, next(r for r in rows if r[1] == "Borgerhout"), strict=True))
    assert borgerhout["Period"] == "2026-03" and borgerhout["All signals"] == "7"
    assert borgerhout["Life domain: Poverty"] == SMALL
    assert borgerhout["Polarisation theme: Racism and discrimination"] == HIDDEN

    response = client.get(reverse(STATISTICS_URL), query | {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert len(book.worksheets) == 2
    # The trail names exports in the city's language, whatever the reader's.
    assert AuditRecord.objects.filter(object_repr__startswith="Export van").count() == 2


def test_statistics_refuse_a_backward_period(client, personas):
    query = {"since": "2026-03-31", "until": "2026-03-01", "granularity": "month"}
    query |= {"level": "group", "format": "csv"}
    response = get_as(
        client, personas.admin, reverse(STATISTICS_URL), data=query, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
