"""Every printed page of a case, of a meeting's case items and of a person export carries the
reader's name and the time (DOMAIN.md rule 4): printed to PDF by Chromium, each page's text
is read back."""

import io

import pytest
from django.urls import reverse
from faker import Faker

from samen.cases.actions.meetings import agenda_add, meeting_schedule, minutes_write
from samen.cases.models import Acknowledgement
from tests.cases.conftest import build_table
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def long_minutes(seed: int) -> str:
    """About 9,000 characters of synthetic minutes: three printed pages or more."""
    fake = Faker("nl_BE")
    fake.seed_instance(seed)
    text = "\n\n".join(fake.paragraph(nb_sentences=8) for _ in range(60))
    return text[:9_000]


def printed_pages(page) -> list[str]:
    """Print the page as Chromium prints it, and return the text of each printed page."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


def assert_marked(page, reader) -> None:
    mark = " ".join(page.locator(".watermark").inner_text().split())
    assert reader.full_name in mark
    when = mark.rsplit(" · ", 1)[-1]  # the reader's local date and time, in their format
    assert any(ch.isdigit() for ch in when)
    texts = printed_pages(page)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert reader.full_name in text, f"page {number} lacks the reader's name"
        assert when in text, f"page {number} lacks the time"


@pytest.fixture
def long_table(personas):
    table = build_table(personas)
    chair = table.prevention
    minutes_write(by=chair, item=table.meeting.items.get(case=table.case), minutes=long_minutes(1))
    meeting = meeting_schedule(
        by=chair, held_on=table.meeting.held_on, place="Stadhuis, zaal 3", chair=chair
    )
    for seed, case in ((2, table.case), (3, table.other_case)):
        item = agenda_add(by=chair, meeting=meeting, case=case)
        minutes_write(by=chair, item=item, minutes=long_minutes(seed))
    table.long_meeting = meeting
    Acknowledgement.objects.filter(user=chair).delete()
    return table


def acknowledge(page) -> None:
    page.locator("input[name=agree]").check()
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()


def test_every_printed_page_of_a_case_names_the_reader_and_the_time(live_server, page, long_table):
    chair = long_table.prevention
    sign_in(page, live_server.url, chair)
    url = f"{live_server.url}{reverse('cases:export', args=[long_table.case.pk])}"
    page.goto(url)
    acknowledge(page)
    page.wait_for_url(url)
    assert_marked(page, chair)


def test_every_printed_page_of_a_meetings_case_items_names_the_reader_and_the_time(
    live_server, page, long_table
):
    chair = long_table.prevention
    sign_in(page, live_server.url, chair)
    url = f"{live_server.url}{reverse('cases:meeting', args=[long_table.long_meeting.pk])}"
    page.goto(url)
    acknowledge(page)
    page.wait_for_url(url)
    assert_marked(page, chair)


def test_every_printed_page_of_a_person_export_names_the_reader_and_the_time(
    live_server, page, long_table, personas
):
    dpo = personas.dpo
    sign_in(page, live_server.url, dpo)
    page.goto(f"{live_server.url}{reverse('cases:person_export')}")
    page.locator("input[name=name]").fill("Jan Peeters")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert_marked(page, dpo)
