"""The exchange pages: every person's answer on every address (the same 404 for absent and
forbidden), the inbox order, answering and writing from the page, attachments served no-store."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.exchange import actions as act
from samen.exchange.models import Exchange
from tests.conftest import get_as
from tests.exchange.conftest import open_exchange
from tests.exchange.test_circular_views import same_page

pytestmark = pytest.mark.django_db

# The federal partner's question to the city's Borgerhout side.
SEES = {
    "admin": 200,
    "analyst": 200,
    "coordinator": 200,
    "frontline": 200,
    "other_frontline": 404,
    "prevention": 200,
    "partner": 200,  # the sending organisation
    "dpo": 200,
    "flemish_partner": 404,  # a partner of another organisation
    "outsider": 404,
}
# Who acts: the receiving side's analyst and coordinator, the sending partner.
ACTS = {"analyst", "coordinator", "partner"}


def _everyone(personas, world):
    return {**personas.all(), "flemish_partner": world.flemish_partner, "outsider": world.outsider}


def _post_as(client, person, url, data=None):
    client.logout()
    client.force_login(person)
    return client.post(url, data or {})


def test_the_exchange_page_for_every_person(client, personas, world, to_borgerhout):
    url = reverse("exchange:exchange", args=[to_borgerhout.pk])
    absent = reverse("exchange:exchange", args=[to_borgerhout.pk + 100])
    for name, person in _everyone(personas, world).items():
        response = get_as(client, person, url)
        assert response.status_code == SEES[name], name
        if SEES[name] == 404:
            assert same_page(response, get_as(client, person, absent), url, absent), name
    assert get_as(client, None, url).status_code == 302


def test_the_lists_and_the_form_for_every_person(client, personas, world):
    may_open = {"analyst", "coordinator", "partner", "flemish_partner"}
    for name, person in _everyone(personas, world).items():
        for list_url in (reverse("exchange:inbox"), reverse("exchange:sent")):
            assert get_as(client, person, list_url).status_code == 200, name
        status = get_as(client, person, reverse("exchange:new")).status_code
        assert status == (200 if name in may_open else 403), name
    for url in (reverse("exchange:inbox"), reverse("exchange:sent"), reverse("exchange:new")):
        assert get_as(client, None, url).status_code == 302


def _state(exchange):
    exchange.refresh_from_db()
    return exchange.status, exchange.messages.count(), exchange.attachments.count()


@pytest.mark.parametrize("name", ["write", "attachment_new", "close", "withdraw"])
def test_every_action_on_an_exchange_for_every_person(name, client, personas, world, to_borgerhout):
    url = reverse(f"exchange:{name}", args=[to_borgerhout.pk])
    data = {"body": "Bedankt."} if name == "write" else {}
    for who, person in _everyone(personas, world).items():
        before = _state(to_borgerhout)
        response = _post_as(client, person, url, data)
        if SEES[who] == 404:
            assert response.status_code == 404, who
        elif who not in ACTS or (name == "withdraw" and who != "partner"):
            assert response.status_code == 403, who
        elif name in ("close", "withdraw") and before[0] != Exchange.Status.OPEN:
            assert response.status_code == 403, who  # closed by an earlier one
        elif name == "attachment_new":
            assert response.status_code == 200, who  # no file: the form again, with why
        else:
            assert response.status_code == 302, who
        if response.status_code != 302:
            assert _state(to_borgerhout) == before, who
    client.logout()
    assert client.post(url).status_code == 302


def test_reading_only_roles_get_no_forms_and_403_on_a_write(client, personas, to_borgerhout):
    client.force_login(personas.frontline)
    page = client.get(reverse("exchange:exchange", args=[to_borgerhout.pk])).content.decode()
    assert "Send the answer" not in page and "Withdraw" not in page
    url = reverse("exchange:close", args=[to_borgerhout.pk])
    assert client.post(url).status_code == 403


def test_the_receiver_answers_from_the_page(client, personas, world, to_borgerhout):
    client.force_login(personas.coordinator)
    url = reverse("exchange:exchange", args=[to_borgerhout.pk])
    assert "Answer for your organisation" in client.get(url).content.decode()
    response = client.post(
        reverse("exchange:write", args=[to_borgerhout.pk]), {"body": "Zie de cijfers in bijlage."}
    )
    assert response.status_code == 302
    to_borgerhout.refresh_from_db()
    assert to_borgerhout.status == Exchange.Status.ANSWERED
    client.force_login(world.federal_partner)
    page = client.get(url).content.decode()
    assert "Zie de cijfers in bijlage." in page and "answered" in page


def test_a_message_with_identifiers_shows_why_and_is_not_sent(client, world, to_borgerhout):
    client.force_login(world.federal_partner)
    response = client.post(
        reverse("exchange:write", args=[to_borgerhout.pk]), {"body": "Bel 0470 12 34 56."}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert to_borgerhout.messages.count() == 1


def test_a_partner_opens_an_exchange_from_the_form(client, personas, world):
    client.force_login(world.federal_partner)
    response = client.post(
        reverse("exchange:new"),
        {
            "kind": "request",
            "subject": "Stand van zaken preventieplan",
            "from_organisation": world.federal.pk,
            "to_organisation": world.department.pk,
            "to_district": personas.borgerhout.pk,
            "due_on": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
            "references": "",
            "body": "Graag een korte stand van zaken.",
        },
    )
    exchange = Exchange.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:exchange", args=[exchange.pk])
    assert exchange.to_district == personas.borgerhout


def test_a_case_reference_on_the_form_is_refused(client, personas, world):
    client.force_login(personas.analyst)
    response = client.post(
        reverse("exchange:new"),
        {
            "kind": "request",
            "subject": "Vraag",
            "from_organisation": world.department.pk,
            "to_organisation": world.federal.pk,
            "references": "case:3",
            "body": "Een vraag.",
        },
    )
    assert "never refers to a case" in response.content.decode()
    assert not Exchange.objects.exists()


def test_the_inbox_lists_waiting_ones_first_and_marks_overdue(client, personas, world):
    answered = open_exchange(world.federal_partner, sender=world.federal, receiver=world.department)
    act.exchange_reply(by=personas.analyst, exchange=answered, body="Antwoord.")
    late = open_exchange(
        world.federal_partner, sender=world.federal, receiver=world.department, subject="Laat"
    )
    Exchange.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(personas.analyst)
    page = client.get(reverse("exchange:inbox")).content.decode()
    assert page.index("Laat") < page.index(answered.subject)
    assert "overdue" in page


def test_the_inbox_query_count_does_not_grow_with_rows(client, personas, world):
    client.force_login(personas.analyst)
    open_exchange(world.federal_partner, sender=world.federal, receiver=world.department)
    client.get(reverse("exchange:inbox"))  # the session's first request asks more
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("exchange:inbox"))
    for _ in range(4):
        open_exchange(world.federal_partner, sender=world.federal, receiver=world.department)
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("exchange:inbox"))
    assert len(five) == len(one)


def test_an_attachment_is_uploaded_and_served_no_store_to_its_sides(
    client, personas, world, to_borgerhout, pdf_upload
):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("exchange:attachment_new", args=[to_borgerhout.pk]),
        {"file": pdf_upload("cijfers.pdf")},
    )
    assert response.status_code == 302
    attachment = to_borgerhout.attachments.get()
    url = reverse("exchange:attachment", args=[to_borgerhout.pk, attachment.pk])
    for name, person in _everyone(personas, world).items():
        download = get_as(client, person, url)
        assert download.status_code == SEES[name], name
        if SEES[name] == 200:
            assert "no-store" in download["Cache-Control"]
            assert download["X-Content-Type-Options"] == "nosniff"
            assert b"".join(download.streaming_content).startswith(b"%PDF-")
    absent = reverse("exchange:attachment", args=[to_borgerhout.pk, attachment.pk + 100])
    assert get_as(client, personas.coordinator, absent).status_code == 404


def test_a_refused_upload_shows_why(client, personas, to_borgerhout, pdf_upload):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("exchange:attachment_new", args=[to_borgerhout.pk]),
        {"file": pdf_upload("x.pdf", content=b"MZ not a pdf")},
    )
    assert response.status_code == 200
    assert "Upload a PDF or an ODT text document." in response.content.decode()
    assert not to_borgerhout.attachments.exists()
