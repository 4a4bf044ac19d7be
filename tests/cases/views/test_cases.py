"""The access matrix over every case page: each persona gets 200, 403, 404 or the login page,
and outsiders get the very same 404 page for a forbidden case as for one that does not exist."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from tests.cases.conftest import invitation_create, sign_in
from tests.conftest import make_person, without_tokens

pytestmark = pytest.mark.django_db

PERSONAS = ["core", "invited", "expired", "other_member", "analyst", "admin", "dpo", "anonymous"]


def person(table, personas, who):
    return {
        "core": table.prevention,
        "invited": table.invited,
        "expired": table.invited,  # read after the invitation's end date
        "other_member": table.other_member,
        "analyst": personas.analyst,
        "admin": personas.admin,
        "dpo": personas.dpo,
        "anonymous": None,
    }[who]


def after_end_date(table):
    ends_on = table.case.invitations.get(user=table.invited).ends_on
    moment = datetime.datetime.combine(ends_on + datetime.timedelta(days=1), datetime.time(9))
    return time_machine.travel(timezone.make_aware(moment), tick=False)


def get(client, table, personas, who, url):
    if who == "expired":
        # Signed in on that day too: sessions end after half an hour idle.
        with after_end_date(table):
            sign_in(client, table.invited)
            return client.get(url)
    sign_in(client, person(table, personas, who))
    return client.get(url)


CASE_PAGES = {
    "detail": {"core": 200, "invited": 200, "other_member": 404},
    "export": {"core": 200, "invited": 200, "other_member": 404},
}
MODULE_PAGES = {
    "list": {"core": 200, "invited": 200, "other_member": 200},
    "acknowledge": {"core": 200, "invited": 200, "other_member": 200},
    "cycles": {"core": 200, "invited": 403, "other_member": 403},
    "referrals": {"core": 404, "invited": 404, "other_member": 404},
    "table": {"core": 404, "invited": 404, "other_member": 404, "dpo": 200},
    "statistics": {"core": 200, "analyst": 200},
    "person_export": {"dpo": 200},
    "referral_new": {"core": 200, "invited": 200, "other_member": 200, "expired": 200},
}


def expected(table_of_codes: dict, who: str) -> int:
    if who == "anonymous":
        return 302
    return table_of_codes.get(who, 404)


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("page", sorted(CASE_PAGES))
def test_case_pages(client, table, personas, who, page):
    url = reverse(f"cases:{page}", args=[table.case.pk])
    response = get(client, table, personas, who, url)
    assert response.status_code == expected(CASE_PAGES[page], who), (who, page)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if response.status_code == 404:
        missing_url = reverse(f"cases:{page}", args=[987654])
        missing = get(client, table, personas, who, missing_url)
        assert missing.status_code == 404
        # The pages differ only in the path asked for, which the language form echoes.
        assert without_tokens(missing.content).replace(
            missing_url.encode(), b"URL"
        ) == without_tokens(response.content).replace(url.encode(), b"URL")
        assert table.case.reference.encode() not in response.content


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("page", sorted(MODULE_PAGES))
def test_module_pages(client, table, personas, who, page):
    response = get(client, table, personas, who, reverse(f"cases:{page}"))
    assert response.status_code == expected(MODULE_PAGES[page], who), (who, page)


def test_the_mayor_sees_referrals_and_the_table(client, table):
    sign_in(client, table.mayor)
    assert client.get(reverse("cases:referrals")).status_code == 200
    assert client.get(reverse("cases:table")).status_code == 200


CHANGES = ["close", "remove", "invite", "correct", "review_date"]


@pytest.mark.parametrize("who", ["expired", "other_member", "analyst", "admin", "dpo"])
@pytest.mark.parametrize("change", CHANGES)
def test_outsiders_get_404_for_every_change(client, table, personas, who, change):
    url = reverse(f"cases:{change}", args=[table.case.pk])
    data = {"reason": "x", "confirm": table.case.reference, "email": "x@samen.test"}
    if who == "expired":
        with after_end_date(table):
            sign_in(client, table.invited)
            response = client.post(url, data)
    else:
        sign_in(client, person(table, personas, who))
        response = client.post(url, data)
    assert response.status_code == 404
    table.case.refresh_from_db()
    assert table.case.is_open


def test_an_invited_member_may_not_close_or_remove(client, table):
    sign_in(client, table.invited)
    for change in ("close", "remove"):
        url = reverse(f"cases:{change}", args=[table.case.pk])
        assert client.post(url, {"reason": "x", "confirm": table.case.reference}).status_code == 403
    table.case.refresh_from_db()
    assert table.case.is_open


def test_the_mayor_closes_a_case_from_its_page(client, table):
    sign_in(client, table.mayor)
    url = reverse("cases:close", args=[table.case.pk])
    response = client.post(url, {"reason": "Begeleiding afgerond.", "aftercare_needed": "on"})
    assert response.status_code == 302
    table.case.refresh_from_db()
    assert not table.case.is_open and table.case.aftercare_needed


def test_a_bad_close_shows_a_message_and_changes_nothing(client, table):
    sign_in(client, table.mayor)
    url = reverse("cases:close", args=[table.case.pk])
    response = client.post(url, {"reason": ""}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "required" in errors[0]
    table.case.refresh_from_db()
    assert table.case.is_open


def test_a_session_without_the_second_factor_is_sent_to_pass_it(client, table):
    sign_in(client, table.invited, second_factor=False)
    response = client.get(reverse("cases:detail", args=[table.case.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_a_member_without_acknowledgement_is_sent_to_the_rules(client, table):
    table.invited.case_acknowledgements.all().delete()
    sign_in(client, table.invited)
    url = reverse("cases:detail", args=[table.case.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("cases:acknowledge"))
    ack = client.post(
        reverse("cases:acknowledge"), {"agree": "yes", "meeting": table.meeting.pk, "next": url}
    )
    assert ack.status_code == 302 and ack["Location"] == url
    assert client.get(url).status_code == 200


def test_every_page_read_and_export_is_logged(client, table):
    sign_in(client, table.invited)
    client.get(reverse("cases:detail", args=[table.case.pk]))
    client.get(reverse("cases:export", args=[table.case.pk]))
    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS, actor=table.invited)
    assert sorted(r.additional_data["what"] for r in reads) == ["export", "page"]
    assert {r.object_repr for r in reads} == {table.case.reference}


def test_the_export_carries_the_reader_and_the_time_on_every_page(client, table):
    sign_in(client, table.invited)
    with time_machine.travel(timezone.now(), tick=False):
        response = client.get(reverse("cases:export", args=[table.case.pk]))
        stamp = timezone.localtime().strftime("%H:%M")
    html = response.content.decode()
    watermark = html.split('<div class="watermark"')[1].split("</div>")[0]
    assert table.invited.full_name in watermark and stamp in watermark
    assert table.invited.email in html.split('class="export-running-head"')[1]
    assert "Jan Peeters" in html  # the one case, complete
    assert table.other_case.reference not in html
    css = (client.get("/static/cases/cases.css").getvalue()).decode()
    assert "position: fixed" in css.split(".watermark {")[1].split("}")[0]


def test_the_list_and_search_leak_no_other_case(client, table):
    sign_in(client, table.other_member)
    listing = client.get(reverse("cases:list")).content.decode()
    assert table.other_case.reference in listing and table.case.reference not in listing
    search = client.get(reverse("cases:list"), {"q": "Jan Peeters"}).content.decode()
    assert table.case.reference not in search
    echoes = ('value="Jan Peeters"', "q=Jan+Peeters")  # the query itself, in the form
    for echo in echoes:
        search = search.replace(echo, "")
    assert "Peeters" not in search


def test_the_core_finds_a_case_by_name(client, table):
    sign_in(client, table.prevention)
    found = client.get(reverse("cases:list"), {"q": "peeters jan"})
    assert [c.pk for c in found.context["page"]] == [table.case.pk]


def test_the_dpo_sees_the_reads_in_the_audit_trail(client, table, personas):
    sign_in(client, table.invited)
    client.get(reverse("cases:detail", args=[table.case.pk]))
    sign_in(client, personas.dpo)
    trail = client.get(reverse("audit:trail"), {"object_pk": table.case.pk})
    assert table.case.reference in trail.content.decode()
    assert "Peeters" not in trail.content.decode()


def test_the_case_page_asks_the_database_a_fixed_number_of_times(client, table):
    sign_in(client, table.invited)
    url = reverse("cases:detail", args=[table.case.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for number in range(3):
        other = make_person("partner_professional", f"extra{number}@samen.test")
        invitation_create(
            by=table.prevention,
            case=table.case,
            user=other,
            ends_on=timezone.localdate() + datetime.timedelta(days=5),
        )
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second.captured_queries) == len(first.captured_queries) <= 25
