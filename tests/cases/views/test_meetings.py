"""Meetings over the core's personas: 200, 403, 404 or the login page, and nothing of a case
a reader may not know of, not even its reference."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.cases.actions import meetings as meeting_actions
from samen.cases.actions.meetings import decision_record
from samen.cases.models import AgendaItem, Decision
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in
from tests.cases.views.test_cases import PERSONAS, after_end_date, expected, get
from tests.cases.work_fixtures import DECISION_B, MINUTES_A, MINUTES_B

pytestmark = pytest.mark.django_db
work = work_fixtures.work

PAGES = {
    "meetings": {"core": 200, "invited": 200, "other_member": 200},
    "meeting": {"core": 200, "invited": 200, "other_member": 200},
}


def url_of(page, work):
    return reverse(f"cases:{page}", args=[work.meeting.pk] if page == "meeting" else [])


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_meeting_pages(client, table, personas, work, who, page):
    response = get(client, table, personas, who, url_of(page, work))
    assert response.status_code == expected(PAGES[page], who), (who, page)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if response.status_code in (302, 404):
        html = response.content.decode()
        for secret in (table.case.reference, table.other_case.reference, MINUTES_A, MINUTES_B):
            assert secret not in html


def test_an_invited_member_sees_only_their_case_on_the_meeting_page(client, table, work):
    sign_in(client, table.invited)
    html = client.get(url_of("meeting", work)).content.decode()
    assert table.case.reference in html and MINUTES_A in html and "Decision-A" in html
    for secret in (table.other_case.reference, MINUTES_B, DECISION_B, "Decision-B"):
        assert secret not in html
    # Nor who is invited to the other case.
    assert table.other_member.full_name not in html


def test_the_core_sees_every_item(client, table, work):
    sign_in(client, table.police)
    html = client.get(url_of("meeting", work)).content.decode()
    for text in (table.case.reference, table.other_case.reference, MINUTES_A, MINUTES_B):
        assert text in html


def test_a_meeting_without_their_case_does_not_exist_for_an_invited_member(client, table, work):
    work.item_a.decisions.all().delete()
    AgendaItem.objects.filter(pk=work.item_a.pk).delete()
    sign_in(client, table.invited)
    response = client.get(url_of("meeting", work))
    assert response.status_code == 404
    listing = client.get(url_of("meetings", work)).content.decode()
    assert reverse("cases:meeting", args=[work.meeting.pk]) not in listing


def test_reading_the_meeting_logs_a_read_of_each_case_shown(client, table, work):
    sign_in(client, table.invited)
    client.get(url_of("meeting", work))
    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS, actor=table.invited)
    assert {(r.object_repr, r.additional_data["what"]) for r in reads} == {
        (table.case.reference, f"meeting {work.meeting.pk}")
    }


def test_the_meeting_page_needs_the_acknowledgement(client, table, work):
    table.invited.case_acknowledgements.all().delete()
    sign_in(client, table.invited)
    response = client.get(url_of("meeting", work))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("cases:acknowledge"))
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_the_minutes_are_redacted_in_the_audit_trail(table, work):
    record = (
        AuditRecord.objects.get_for_object(work.item_a)
        .filter(action=AuditRecord.Action.UPDATE)
        .first()
    )
    assert record is not None and "minutes" in record.changes
    assert "Minutes-A" not in str(record.changes)


WRITES = {
    "meeting_agenda": ({}, lambda w: [w.meeting.pk]),
    "meeting_attendance": ({}, lambda w: [w.meeting.pk]),
    "item_minutes": ({"item-{a}-minutes": "Changed."}, lambda w: [w.meeting.pk, w.item_a.pk]),
    "item_decision": ({"text": "Changed."}, lambda w: [w.meeting.pk, w.item_a.pk]),
}


@pytest.mark.parametrize("who", ["expired", "other_member", "analyst", "admin", "dpo"])
@pytest.mark.parametrize("write", sorted(WRITES))
def test_outsiders_get_404_for_every_write_on_case_a(client, table, personas, work, who, write):
    data, args = WRITES[write]
    url = reverse(f"cases:{write}", args=args(work))
    data = {k.format(a=work.item_a.pk): v for k, v in data.items()}
    if who == "expired":
        with after_end_date(table):
            sign_in(client, table.invited)
            response = client.post(url, data)
    else:
        from tests.cases.views.test_cases import person

        sign_in(client, person(table, personas, who))
        response = client.post(url, data)
    if write in ("meeting_agenda", "meeting_attendance") and who == "other_member":
        # The other member knows the meeting (their case is on it) but may not run it.
        assert response.status_code == 403
    else:
        assert response.status_code == 404
    work.item_a.refresh_from_db()
    assert work.item_a.minutes == MINUTES_A


def test_an_invited_member_may_read_but_not_write_minutes(client, table, work):
    sign_in(client, table.invited)
    url = reverse("cases:item_minutes", args=[work.meeting.pk, work.item_a.pk])
    response = client.post(url, {f"item-{work.item_a.pk}-minutes": "Mine now."})
    assert response.status_code == 403
    work.item_a.refresh_from_db()
    assert work.item_a.minutes == MINUTES_A


def test_the_owner_of_a_decision_marks_it_done(client, table, work):
    decision = work.item_a.decisions.get()
    sign_in(client, table.invited)
    url = reverse("cases:decision_status", args=[work.meeting.pk, work.item_a.pk, decision.pk])
    assert client.post(url, {"status": "done"}).status_code == 302
    decision.refresh_from_db()
    assert decision.status == "done"


def test_the_chair_schedules_and_runs_a_meeting(client, table):
    sign_in(client, table.prevention)
    today = table.cycle.starts_on.isoformat()
    response = client.post(
        reverse("cases:meetings"),
        {"held_on": today, "place": "Stadhuis", "chair": table.prevention.pk},
    )
    assert response.status_code == 302
    meeting_url = response["Location"]
    pk = int(meeting_url.rstrip("/").split("/")[-1])
    client.post(reverse("cases:meeting_agenda", args=[pk]), {"case": table.case.pk})
    item = AgendaItem.objects.get(meeting_id=pk)
    client.post(
        reverse("cases:meeting_attendance", args=[pk]),
        {f"member-{table.invited.pk}": "present", f"member-{table.police.pk}": "excused"},
    )
    client.post(
        reverse("cases:item_minutes", args=[pk, item.pk]),
        {f"item-{item.pk}-minutes": "Goed gesprek."},
    )
    client.post(
        reverse("cases:item_decision", args=[pk, item.pk]),
        {"text": "Huisbezoek.", "owner": table.invited.pk, "due_on": today},
    )
    item.refresh_from_db()
    assert item.minutes == "Goed gesprek."
    assert Decision.objects.get(item=item).owner == table.invited
    assert {a.user: a.status for a in item.meeting.attendance.all()} == {
        table.invited: "present",
        table.police: "excused",
    }
    page = client.get(reverse("cases:detail", args=[table.case.pk])).content.decode()
    assert "Goed gesprek." in page and "Huisbezoek." in page


def test_the_police_seat_may_not_schedule(client, table):
    sign_in(client, table.police)
    response = client.post(
        reverse("cases:meetings"),
        {"held_on": table.cycle.starts_on.isoformat(), "place": "X", "chair": table.police.pk},
    )
    assert response.status_code == 403


def test_a_meeting_outside_every_cycle_is_refused_with_a_message(client, table):
    sign_in(client, table.prevention)
    day = table.cycle.ends_on.replace(year=table.cycle.ends_on.year + 1).isoformat()
    response = client.post(
        reverse("cases:meetings"),
        {"held_on": day, "place": "Stadhuis", "chair": table.prevention.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "No meeting cycle covers this date" in response.content.decode()
    assert not table.prevention.chaired_case_meetings.exclude(pk=table.meeting.pk).exists()


def test_empty_minutes_are_refused_and_change_nothing(client, table, work):
    sign_in(client, table.prevention)
    url = reverse("cases:item_minutes", args=[work.meeting.pk, work.item_a.pk])
    response = client.post(
        url, {f"item-{work.item_a.pk}-minutes": "  "}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "required" in errors[0]
    work.item_a.refresh_from_db()
    assert work.item_a.minutes == MINUTES_A


def test_the_meeting_page_speaks_dutch(client, table, work):
    sign_in(client, table.prevention)
    html = client.get(url_of("meeting", work), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Aanwezigheid" in html and "Agenda" in html


def test_the_meeting_list_asks_the_same_number_of_queries_for_more_meetings(client, table):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samen.cases.actions.meetings import meeting_schedule

    def queries() -> int:
        sign_in(client, table.invited)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("cases:meetings")).status_code == 200
        return len(captured)

    def schedule(count: int) -> None:
        for _ in range(count):
            meeting = meeting_schedule(
                by=table.prevention,
                held_on=table.cycle.starts_on,
                place="Stadhuis",
                chair=table.prevention,
            )
            meeting_actions.agenda_add(by=table.prevention, meeting=meeting, case=table.case)

    schedule(1)
    one = queries()
    schedule(4)
    assert queries() == one


def test_the_meeting_list_of_an_invitee_asks_the_same_number_of_queries_for_a_larger_core(
    client, table
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samen.cases.models import CoreSeat
    from samen.people.roles import Role
    from tests.cases.conftest import seat_assign
    from tests.conftest import make_person

    def queries() -> int:
        sign_in(client, table.invited)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("cases:meetings"))
        assert response.status_code == 200 and response.context["form"] is None
        return len(captured)

    before = queries()
    representative = make_person(Role.PARTNER_PROFESSIONAL, "representative@samen.test")
    seat_assign(by=None, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=representative)
    assert queries() == before


def test_the_owner_of_a_decision_sees_its_status_form_and_others_do_not(client, table, work):
    sign_in(client, table.invited)
    html = client.get(url_of("meeting", work)).content.decode()
    decision = work.item_a.decisions.get()
    assert (
        reverse("cases:decision_status", args=[work.meeting.pk, work.item_a.pk, decision.pk])
        in html
    )
    assert 'name="minutes"' not in html and "item_minutes" not in html


def test_a_session_without_the_second_factor_is_sent_to_pass_it(client, table, work):
    sign_in(client, table.prevention, second_factor=False)
    for url in (url_of("meetings", work), url_of("meeting", work)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_the_meeting_page_speaks_french(client, table, work):
    sign_in(client, table.prevention)
    html = client.get(url_of("meeting", work), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Présences" in html and "Ordre du jour" in html and "Compte rendu" in html


# --- The reads of the agenda's cases: one record per case, one INSERT ------------------------


def audit_inserts(queries) -> list[str]:
    table_name = AuditRecord._meta.db_table
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and table_name in q["sql"]]


def more_items(table, work, count: int) -> list:
    from tests.cases.conftest import open_case

    cases = [open_case(f"Persoon {number}") for number in range(count)]
    for case in cases:
        meeting_actions.agenda_add(by=table.prevention, meeting=work.meeting, case=case)
    return cases


def test_the_agenda_s_cases_are_recorded_as_before_in_one_insert(client, table, work):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samen.cases.models import Case

    cases = [table.case, table.other_case, *more_items(table, work, 3)]
    url = url_of("meeting", work)
    sign_in(client, table.police)  # at the table, not an organiser: no list of candidates
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(audit_inserts(queries.captured_queries)) == 1
    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS)
    case_type = ContentType.objects.get_for_model(Case)
    assert sorted(
        (
            r.actor,
            r.actor_email,
            r.content_type,
            r.object_pk,
            r.object_repr,
            tuple(sorted(r.additional_data.items())),
        )
        for r in reads
    ) == sorted(
        (
            table.police,
            table.police.email,
            case_type,
            str(case.pk),
            case.reference,
            (("method", "GET"), ("path", url), ("what", f"meeting {work.meeting.pk}")),
        )
        for case in cases
    )


def test_the_organiser_s_page_writes_the_agenda_and_the_candidates_in_two_inserts(
    client, table, work
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.cases.conftest import open_case

    more_items(table, work, 3)
    open_case("Niet op de agenda")  # a candidate for the agenda, listed for the organiser
    sign_in(client, table.prevention)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of("meeting", work)).status_code == 200
    assert len(audit_inserts(queries.captured_queries)) == 2


def test_an_invitation_that_ended_takes_its_case_off_the_page_and_out_of_the_trail(
    client, table, work
):
    import datetime

    from django.utils import timezone

    from samen.cases.actions.table import invitation_end
    from tests.cases.conftest import invitation_create

    invitation = invitation_create(
        by=table.prevention,
        case=table.other_case,
        user=table.invited,
        ends_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    sign_in(client, table.invited)
    html = client.get(url_of("meeting", work)).content.decode()
    assert MINUTES_A in html and MINUTES_B in html
    invitation_end(by=table.prevention, invitation=invitation)
    before = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).count()
    html = client.get(url_of("meeting", work)).content.decode()
    assert MINUTES_A in html and MINUTES_B not in html
    new = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).order_by("pk")[before:]
    assert [r.object_pk for r in new] == [str(table.case.pk)]


def test_outsiders_and_ended_invitations_are_refused_and_leave_no_read(
    client, table, personas, work
):
    for who in ("expired", "analyst", "admin", "dpo"):
        assert get(client, table, personas, who, url_of("meeting", work)).status_code == 404, who
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_the_meeting_page_asks_the_same_number_of_queries_for_more_items(client, table, work):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        sign_in(client, table.police)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url_of("meeting", work)).status_code == 200
        return len(captured)

    two = queries()
    more_items(table, work, 3)
    assert queries() == two


def _owner_choices(response, item) -> set[int]:
    for listed in response.context["items"]:
        if listed.pk == item.pk:
            field = listed.decision_form.fields["owner"]
            return {user.pk for user in field.queryset}
    raise AssertionError("item not on the page")


def test_the_decision_owner_choices_are_the_members_of_that_items_case(client, table, work):
    sign_in(client, table.prevention)
    response = client.get(reverse("cases:meeting", args=[work.meeting.pk]))
    assert response.status_code == 200
    owners_a = _owner_choices(response, work.item_a)
    owners_b = _owner_choices(response, work.item_b)
    assert table.invited.pk in owners_a and table.other_member.pk not in owners_a
    assert table.other_member.pk in owners_b and table.invited.pk not in owners_b
    for core in (table.mayor, table.prevention, table.police):
        assert core.pk in owners_a and core.pk in owners_b


def test_the_decision_form_refuses_an_owner_from_another_case(client, table, work):
    sign_in(client, table.prevention)
    before = Decision.objects.count()
    response = client.post(
        reverse("cases:item_decision", args=[work.meeting.pk, work.item_a.pk]),
        {"text": "Follow up.", "owner": table.other_member.pk},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302
    assert Decision.objects.count() == before
    decision_record(by=table.prevention, item=work.item_a, text="Ok.", owner=table.invited)
    assert Decision.objects.count() == before + 1
