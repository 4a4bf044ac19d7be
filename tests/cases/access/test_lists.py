"""Lists of cases and referrals record what they showed: one access record per row on the
page, marked "list", for the reader who saw it, written in one INSERT; nothing for an empty
list, and nothing for those who are refused."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.audit.reads import LIST_READ
from samen.cases.actions.cases import referral_submit
from samen.cases.actions.meetings import meeting_schedule
from samen.cases.models import Case, Referral
from tests.cases.api.test_views import client_for
from tests.cases.conftest import acknowledge_for_reading, open_case, sign_in
from tests.cases.views.test_cases import get

pytestmark = pytest.mark.django_db


def audit_inserts(queries) -> int:
    table = AuditRecord._meta.db_table
    return sum(1 for q in queries if q["sql"].startswith("INSERT") and table in q["sql"])


def reads(**filters):
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS, **filters)


def listed(actor, model=Case) -> list[tuple[str, str]]:
    """(object_pk, path) of each list read by `actor` of a `model`, in the order written."""
    records = reads(
        actor=actor, content_type__model=model._meta.model_name, additional_data__what=LIST_READ
    ).order_by("pk")
    return [(r.object_pk, r.additional_data["path"]) for r in records]


def shown(objects, path) -> list[tuple[str, str]]:
    return [(str(obj.pk), path) for obj in objects]


# --- The case list -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["core", "invited", "other_member"])
def test_the_case_list_records_each_case_it_shows(client, table, who):
    reader, expected = {
        "core": (table.prevention, {table.case, table.other_case}),
        "invited": (table.invited, {table.case}),
        "other_member": (table.other_member, {table.other_case}),
    }[who]
    sign_in(client, reader)
    response = client.get(reverse("cases:list"))
    assert response.status_code == 200
    page = list(response.context["page"].object_list)
    assert set(page) == expected
    assert listed(reader) == shown(page, reverse("cases:list"))
    assert reads().count() == len(expected)  # nobody else's, and no page read


def test_the_case_list_tells_its_reader_that_it_is_logged(client, table):
    sign_in(client, table.invited)
    dutch = client.get(reverse("cases:list"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Elke casus in deze lijst, en elke casus die je opent, wordt gelogd." in dutch
    french = client.get(reverse("cases:list"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Chaque cas affiché dans cette liste" in french


def test_a_member_of_another_case_gets_no_record_of_a_case_they_do_not_see(client, table):
    sign_in(client, table.other_member)
    client.get(reverse("cases:list"))
    assert not reads(object_pk=str(table.case.pk)).exists()


@pytest.mark.parametrize("who", ["expired", "analyst", "admin", "dpo", "anonymous"])
def test_outsiders_are_refused_the_case_list_and_nothing_is_recorded(client, table, personas, who):
    response = get(client, table, personas, who, reverse("cases:list"))
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert not reads().exists()


def test_a_session_without_the_second_factor_or_the_rules_records_nothing(client, table):
    sign_in(client, table.invited, second_factor=False)
    assert client.get(reverse("cases:list")).status_code == 302
    table.invited.case_acknowledgements.all().delete()
    sign_in(client, table.invited)
    assert client.get(reverse("cases:list")).status_code == 302
    assert not reads().exists()


def test_the_case_list_records_only_the_page_shown(client, table, monkeypatch):
    open_case("Ahmed Benali")
    monkeypatch.setattr("samen.core.lists.PAGE_SIZE", 2)
    sign_in(client, table.prevention)
    first = list(client.get(reverse("cases:list")).context["page"].object_list)
    assert len(first) == 2
    assert listed(table.prevention) == shown(first, reverse("cases:list"))
    second = list(client.get(reverse("cases:list"), {"page": 2}).context["page"].object_list)
    assert len(second) == 1 and second[0] not in first
    assert listed(table.prevention) == shown(first + second, reverse("cases:list"))


def test_search_results_record_only_the_cases_found(client, table):
    sign_in(client, table.prevention)
    response = client.get(reverse("cases:list"), {"q": "Jan Peeters"})
    assert list(response.context["page"].object_list) == [table.case]
    assert listed(table.prevention) == shown([table.case], reverse("cases:list"))
    record = reads().get()
    # The path without its query: the name searched for stays out of the trail.
    assert "Peeters" not in str(record.additional_data)


def test_an_htmx_update_of_the_rows_records_them_too(client, table):
    sign_in(client, table.invited)
    response = client.get(reverse("cases:list"), HTTP_HX_REQUEST="true")
    assert "cases/case_rows.html" in [t.name for t in response.templates]
    assert listed(table.invited) == shown([table.case], reverse("cases:list"))


def test_an_empty_case_list_writes_nothing(client, table):
    sign_in(client, table.prevention)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:list"), {"q": "Niemand Onbekend"})
    assert not response.context["page"].object_list
    assert audit_inserts(queries.captured_queries) == 0
    assert not reads().exists()


def test_the_case_list_writes_its_records_in_one_insert(client, table):
    for name in ("Ahmed Benali", "Lotte Wouters", "Youssef El Amrani"):
        open_case(name)
    sign_in(client, table.prevention)
    client.get(reverse("cases:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:list"))
    for name in ("Emma Claes", "Noah Maes"):
        open_case(name)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("cases:list"))
    assert audit_inserts(few.captured_queries) == audit_inserts(more.captured_queries) == 1
    assert len(more.captured_queries) == len(few.captured_queries)
    assert reads(actor=table.prevention).count() == 5 + 5 + 7


# --- The API -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["core", "invited", "other_member"])
def test_the_api_list_records_each_case_it_returns(table, who):
    reader = {"core": table.police, "invited": table.invited, "other_member": table.other_member}[
        who
    ]
    response = client_for(reader).get("/api/cases/")
    assert response.status_code == 200
    returned = [row["reference"] for row in response.json()["results"]]
    records = reads(actor=reader).order_by("pk")
    assert [r.object_repr for r in records] == returned
    assert {r.additional_data["path"] for r in records} == {"/api/cases/"}
    assert {r.additional_data["what"] for r in records} == {LIST_READ}
    assert {r.object_pk for r in records} == {
        str(pk) for pk in Case.objects.filter(reference__in=returned).values_list("pk", flat=True)
    }


def test_the_api_list_records_only_the_page_returned(table):
    client = client_for(table.police)
    everything = [row["reference"] for row in client.get("/api/cases/").json()["results"]]
    response = client.get("/api/cases/", {"limit": 1, "offset": 1})
    assert [row["reference"] for row in response.json()["results"]] == everything[1:2]
    records = reads(actor=table.police).order_by("pk")
    assert [r.object_repr for r in records] == everything + everything[1:2]


def test_the_api_list_writes_its_records_in_one_insert(table):
    for name in ("Ahmed Benali", "Lotte Wouters"):
        open_case(name)
    client = client_for(table.police)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/cases/")
    assert len(response.json()["results"]) == 4
    assert audit_inserts(queries.captured_queries) == 1


def test_an_empty_api_page_writes_nothing(table):
    client = client_for(table.police)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/cases/", {"offset": 50})
    assert response.status_code == 200 and response.json()["results"] == []
    assert audit_inserts(queries.captured_queries) == 0
    assert not reads().exists()


@pytest.mark.parametrize("who", ["analyst", "admin", "dpo", "frontline", "anonymous"])
def test_outsiders_are_refused_the_api_list_and_nothing_is_recorded(personas, table, who):
    person = None if who == "anonymous" else getattr(personas, who)
    client = client_for(person, two_factor=who in ("admin", "dpo"))
    assert client.get("/api/cases/").status_code == (401 if who == "anonymous" else 404)
    assert not reads().exists()


def test_the_api_list_without_acknowledgement_or_second_factor_records_nothing(table):
    from knox.models import AuthToken
    from rest_framework.test import APIClient

    from samen.api.tokens import PASSWORD_PREFIX

    _token, secret = AuthToken.objects.create(table.invited, prefix=PASSWORD_PREFIX)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get("/api/cases/").status_code in (401, 403)
    table.invited.case_acknowledgements.all().delete()
    assert client_for(table.invited).get("/api/cases/").status_code == 403
    assert not reads().exists()


# --- Referrals ---------------------------------------------------------------------------------


def refer(table, name: str) -> Referral:
    return referral_submit(
        by=table.invited, name=name, reason="Zorgen op school.", extremism_type="other"
    )


def test_the_referral_list_records_each_referral_it_shows(client, table):
    referrals = [refer(table, "Sara Claes"), refer(table, "Tom Jacobs")]
    sign_in(client, table.mayor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:referrals"))
    page = list(response.context["page"].object_list)
    assert set(page) == set(referrals)
    assert listed(table.mayor, Referral) == shown(page, reverse("cases:referrals"))
    assert audit_inserts(queries.captured_queries) == 1
    assert not reads(content_type__model="case").exists()


def test_the_referral_list_records_only_the_page_shown(client, table, monkeypatch):
    refer(table, "Sara Claes")
    refer(table, "Tom Jacobs")
    monkeypatch.setattr("samen.core.lists.PAGE_SIZE", 1)
    sign_in(client, table.mayor)
    page = list(client.get(reverse("cases:referrals"), {"page": 2}).context["page"].object_list)
    assert len(page) == 1
    assert listed(table.mayor, Referral) == shown(page, reverse("cases:referrals"))


def test_an_empty_referral_list_writes_nothing(client, table):
    refer(table, "Sara Claes")
    sign_in(client, table.mayor)
    response = client.get(reverse("cases:referrals"), {"status": "rejected"})
    assert not response.context["page"].object_list
    assert not reads().exists()


@pytest.mark.parametrize("who", ["core", "invited", "analyst", "admin", "dpo", "anonymous"])
def test_outsiders_are_refused_the_referral_list_and_nothing_is_recorded(
    client, table, personas, who
):
    refer(table, "Sara Claes")
    response = get(client, table, personas, who, reverse("cases:referrals"))
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert not reads().exists()


def test_the_known_person_hint_records_the_cases_it_names(client, table):
    referral = refer(table, "Jan Peeters")
    sign_in(client, table.mayor)
    url = reverse("cases:referral", args=[referral.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert table.case.reference in response.content.decode()
    assert listed(table.mayor) == shown([table.case], url)
    assert reads(content_type__model="referral").get().additional_data["what"] == "referral"
    assert audit_inserts(queries.captured_queries) == 2  # the referral, and the list
    assert table.other_case.reference not in response.content.decode()


def test_a_referral_about_an_unknown_person_records_only_the_referral(client, table):
    referral = refer(table, "Niemand Onbekend")
    sign_in(client, table.mayor)
    client.get(reverse("cases:referral", args=[referral.pk]))
    assert not reads(content_type__model="case").exists()
    assert reads(content_type__model="referral").count() == 1


def test_the_case_an_accepted_referral_opened_is_recorded_where_its_page_names_it(client, table):
    referral = refer(table, "Sara Claes")
    sign_in(client, table.mayor)
    review = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    client.post(
        reverse("cases:referral_accept", args=[referral.pk]),
        {"purpose": "Preventie.", "review_on": review},
    )
    referral.refresh_from_db()
    url = reverse("cases:referral", args=[referral.pk])
    before = reads(content_type__model="case").count()
    response = client.get(url)
    assert referral.case.reference in response.content.decode()
    assert listed(table.mayor)[before:] == shown([referral.case], url)


def test_outsiders_are_refused_a_referral_and_nothing_is_recorded(client, table, personas):
    referral = refer(table, "Jan Peeters")
    for who in (table.prevention, table.invited, personas.dpo, personas.admin):
        sign_in(client, who)
        assert client.get(reverse("cases:referral", args=[referral.pk])).status_code == 404
    assert not reads().exists()


# --- The meeting's choice of cases for the agenda --------------------------------------------


@pytest.fixture
def empty_meeting(table):
    chair = table.prevention
    meeting = meeting_schedule(by=chair, held_on=timezone.localdate(), place="Zaal 2", chair=chair)
    # Today's meeting takes over from the table's: the core acknowledges the rules for it.
    acknowledge_for_reading(table.mayor, table.police, table.prevention)
    return meeting


def test_the_agenda_choice_records_each_case_it_offers(client, table, empty_meeting):
    sign_in(client, table.prevention)
    url = reverse("cases:meeting", args=[empty_meeting.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    offered = list(response.context["agenda_form"].fields["case"].queryset)
    assert set(offered) == {table.case, table.other_case}
    assert listed(table.prevention) == shown(offered, url)
    assert audit_inserts(queries.captured_queries) == 1


def test_a_reader_who_does_not_organise_is_offered_nothing_and_nothing_is_listed(
    client, table, empty_meeting
):
    sign_in(client, table.police)
    assert client.get(reverse("cases:meeting", args=[empty_meeting.pk])).status_code == 200
    assert not reads().exists()


@pytest.mark.parametrize("who", ["invited", "other_member", "analyst", "admin", "dpo", "anonymous"])
def test_outsiders_are_refused_the_meeting_and_nothing_is_recorded(
    client, table, personas, empty_meeting, who
):
    response = get(client, table, personas, who, reverse("cases:meeting", args=[empty_meeting.pk]))
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert not reads().exists()


def test_a_case_already_on_the_agenda_is_not_offered_or_listed(client, table, empty_meeting):
    from samen.cases.actions.meetings import agenda_add

    agenda_add(by=table.prevention, meeting=empty_meeting, case=table.case)
    sign_in(client, table.prevention)
    url = reverse("cases:meeting", args=[empty_meeting.pk])
    client.get(url)
    assert listed(table.prevention) == shown([table.other_case], url)
    # The item itself is read as before, through the case's door.
    item_read = reads(object_pk=str(table.case.pk)).get()
    assert item_read.additional_data["what"] == f"meeting {empty_meeting.pk}"


def test_no_setting_or_variable_turns_the_read_audit_off(client, table, settings, monkeypatch):
    # What once switched it off for a benchmark's comparison server.
    settings.SAMEN_BENCH_VIEWS = True
    monkeypatch.setenv("SAMEN_BENCH_CASE_READ_AUDIT", "off")
    sign_in(client, table.prevention)
    assert client.get(reverse("cases:list")).status_code == 200
    assert reads().exists()
    assert client.get(reverse("cases:detail", args=[table.case.pk])).status_code == 200
    assert reads(object_pk=str(table.case.pk), additional_data__what="page").exists()
