"""The data-protection officer's home panel: the latest records opened one by one, and the
latest lists as one line each, so that the rows of lists do not crowd out the records."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.audit.panels import LATEST, WINDOW_DAYS, recent_reads
from samen.audit.reads import record_read, record_reads
from samen.cases.actions.cases import referral_submit
from tests.cases.conftest import open_case

pytestmark = pytest.mark.django_db
# The home page's queries for the data-protection officer, however long the trail.
QUERIES_DPO_HOME = 24

# Within the panel's window (WINDOW_DAYS), which ends now.
START = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=1)


def at(minutes: int) -> time_machine.travel:
    return time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False)


def page_request(path: str, person=None):
    request = RequestFactory().get(path)
    request.user = person
    return request


@pytest.fixture
def opened(db):
    """Cases that are only ever opened one by one in these tests."""
    return [open_case("Jan Peeters"), open_case("Marie Janssens")]


@pytest.fixture
def listed(db):
    """Cases that are only ever seen in lists in these tests."""
    return [open_case(name) for name in ("Ahmed Benali", "Lotte Claes", "Sven Maes")]


@pytest.fixture
def reads(personas, opened, listed):
    """Three single reads among many lists: two lists before them, twelve after."""
    for minute in (0, 1):
        with at(minute):
            record_reads(by=personas.prevention, objects=listed, request=page_request("/cases/"))
    with at(2):
        record_read(
            by=personas.partner,
            obj=opened[0],
            request=page_request(f"/cases/{opened[0].pk}/"),
            what="page",
        )
    with at(3):
        record_read(by=personas.prevention, obj=opened[1], request=page_request("/api/cases/1/"))
    with at(4):
        record_read(by=None, obj=opened[0])  # no request and no `what`: no additional data
    for minute in range(5, 17):
        with at(minute):
            record_reads(by=personas.prevention, objects=listed, request=page_request("/cases/"))


def panel(personas) -> dict:
    return recent_reads(page_request("/", personas.dpo))


def test_single_reads_are_not_crowded_out_by_the_rows_of_lists(personas, opened, reads):
    singles = panel(personas)["reads"]
    assert [(r.timestamp, r.object_pk) for r in singles] == [
        (START + datetime.timedelta(minutes=4), str(opened[0].pk)),
        (START + datetime.timedelta(minutes=3), str(opened[1].pk)),
        (START + datetime.timedelta(minutes=2), str(opened[0].pk)),
    ]
    assert [r.actor for r in singles] == [None, personas.prevention, personas.partner]


def test_each_list_is_one_line_with_its_rows_counted(personas, reads):
    lists = panel(personas)["lists"]
    assert len(lists) == LATEST
    assert [line.timestamp for line in lists] == [
        START + datetime.timedelta(minutes=minute) for minute in range(16, 6, -1)
    ]
    for line in lists:
        assert line.actor_email == personas.prevention.email
        assert (line.rows, line.kind, line.path) == (3, "cases", "/cases/")


def test_lists_of_different_people_and_kinds_at_one_moment_stay_apart(personas, listed):
    referral = referral_submit(
        by=personas.partner, name="Sara Wouters", reason="Zorgen op school.", extremism_type="other"
    )
    with at(0):
        record_reads(by=personas.prevention, objects=listed[:2], request=page_request("/cases/"))
        record_reads(by=personas.partner, objects=listed[:1], request=page_request("/cases/"))
        record_reads(
            by=personas.partner, objects=[referral], request=page_request("/cases/referrals/")
        )
    lines = {(line.actor_email, line.rows, line.kind) for line in panel(personas)["lists"]}
    assert lines == {
        (personas.prevention.email, 2, "cases"),
        (personas.partner.email, 1, "case"),
        (personas.partner.email, 1, "referral"),
    }


def test_the_panel_asks_the_same_number_of_queries_however_many_lists(personas, listed):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            panel(personas)
        return len(captured.captured_queries)

    record_reads(by=personas.prevention, objects=listed)
    few = queries()
    for minute in range(30):
        with at(minute):
            record_reads(by=personas.prevention, objects=listed)
    assert queries() == few


def test_the_home_page_shows_the_lists_as_lines_and_no_row_of_them(
    client, personas, opened, listed, reads
):
    client.force_login(personas.dpo)
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").text
    assert f"{personas.prevention.email} saw a list of 3 cases" in html
    assert html.count("saw a list of") == LATEST
    assert opened[0].reference in html and opened[1].reference in html
    for case in listed:
        assert case.reference not in html


def test_the_home_page_says_it_in_dutch_and_french(client, personas, reads):
    client.force_login(personas.dpo)
    assert "zag een lijst van 3 casussen" in client.get(reverse("home")).text
    assert "a vu une liste de 3 cas" in client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="fr").text


def test_with_no_reads_the_panel_says_so(client, personas):
    assert panel(personas) == {"reads": [], "lists": [], "window_days": WINDOW_DAYS}
    client.force_login(personas.dpo)
    assert "saw a list of" not in client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").text


def test_reads_older_than_the_window_are_left_to_the_search(client, personas, opened, listed):
    long_ago = START - datetime.timedelta(days=WINDOW_DAYS)
    with time_machine.travel(long_ago, tick=False):
        record_read(by=personas.partner, obj=opened[0], request=page_request("/cases/1/"))
        record_reads(by=personas.prevention, objects=listed, request=page_request("/cases/"))
    assert panel(personas) == {"reads": [], "lists": [], "window_days": WINDOW_DAYS}
    client.force_login(personas.dpo)
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").text
    assert f"Of the last {WINDOW_DAYS} days" in html


def test_the_home_page_of_the_data_protection_officer_has_a_fixed_number_of_queries(
    client, personas, reads, listed, django_assert_max_num_queries
):
    client.force_login(personas.dpo)
    client.get(reverse("home"))
    for minute in range(20, 40):
        with at(minute):
            record_reads(by=personas.prevention, objects=listed, request=page_request("/cases/"))
    with django_assert_max_num_queries(QUERIES_DPO_HOME):
        assert client.get(reverse("home")).status_code == 200


def test_the_home_page_says_what_was_read_in_the_readers_language(client, personas, reads):
    client.force_login(personas.dpo)
    assert "(de pagina van de casus)" in client.get(reverse("home")).text
    assert "(the case&#x27;s page)" in client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "(page)" not in client.get(reverse("home")).text
