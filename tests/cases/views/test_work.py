"""The case work's pages and writes on one case, over the core's personas, and its sections
on the case page and inside the watermarked export."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases.actions.support import plan_close
from samen.cases.models import Assessment, PlanAction, PoliceExchange
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in
from tests.cases.views.test_cases import PERSONAS, after_end_date, expected, get, person
from tests.cases.work_fixtures import MINUTES_A, MINUTES_B

pytestmark = pytest.mark.django_db
work = work_fixtures.work


@pytest.mark.parametrize("who", PERSONAS)
def test_the_assessment_page(client, table, personas, work, who):
    url = reverse("cases:assessment_new", args=[table.case.pk])
    response = get(client, table, personas, who, url)
    codes = {"core": 200, "invited": 200, "other_member": 404}
    assert response.status_code == expected(codes, who), who
    if response.status_code == 404:
        assert "caring mother" not in response.content.decode()


def case_writes(table, work):
    today = timezone.localdate().isoformat()
    plan_action = work.plan.actions.get()
    return {
        "police_record": (
            [],
            {
                "exchanged_on": today,
                "direction": "given",
                "counterpart": "police",
                "exchanged_by": table.invited.pk,
            },
        ),
        "support_open": ([], {}),
        "support_action": ([], {"description": "X", "owner": table.invited.pk, "due_on": today}),
        "support_action_status": ([plan_action.pk], {"status": "dropped"}),
        "support_review": ([], {"reviewed_on": today, "note": "X"}),
        "support_close": ([], {"reason": "X"}),
        "assessment_new": (
            [],
            {"assessed_on": today, "protective_factors": "X", "beliefs": "Y"},
        ),
    }


def counts():
    return (
        Assessment.objects.count(),
        PoliceExchange.objects.count(),
        PlanAction.objects.filter(status="open").count(),
        PlanAction.objects.count(),
    )


@pytest.mark.parametrize("who", ["expired", "other_member", "analyst", "admin", "dpo", "anonymous"])
def test_outsiders_get_404_for_every_case_work_write(client, table, personas, work, who):
    before = counts()
    for name, (extra, data) in case_writes(table, work).items():
        url = reverse(f"cases:{name}", args=[table.case.pk, *extra])
        if who == "expired":
            with after_end_date(table):
                sign_in(client, table.invited)
                response = client.post(url, data)
        else:
            sign_in(client, person(table, personas, who))
            response = client.post(url, data)
        assert response.status_code == (302 if who == "anonymous" else 404), (who, name)
    work.plan.refresh_from_db()
    assert counts() == before and work.plan.is_open


@pytest.mark.parametrize("who", ["expired", "other_member", "analyst", "admin", "dpo", "anonymous"])
def test_outsiders_get_404_for_an_aftercare_review(client, table, personas, work, who):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    review = work.plan.aftercare_reviews.first()
    url = reverse("cases:support_aftercare_review", args=[table.case.pk, review.pk])
    data = {"done_on": timezone.localdate().isoformat(), "note": "X"}
    if who == "expired":
        with after_end_date(table):
            sign_in(client, table.invited)
            response = client.post(url, data)
    else:
        sign_in(client, person(table, personas, who))
        response = client.post(url, data)
    assert response.status_code == (302 if who == "anonymous" else 404), who
    review.refresh_from_db()
    assert review.done_on is None


def test_an_invited_member_does_the_case_work(client, table, work):
    sign_in(client, table.invited)
    for name, (extra, data) in case_writes(table, work).items():
        if name == "support_open":
            continue
        url = reverse(f"cases:{name}", args=[table.case.pk, *extra])
        response = client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
        errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
        assert errors == [], (name, errors)
    work.plan.refresh_from_db()
    assert not work.plan.is_open and work.plan.aftercare_reviews.count() == 2
    assert Assessment.objects.filter(case=table.case).count() == 2
    assert PoliceExchange.objects.filter(case=table.case).count() == 2


def test_the_case_page_shows_the_case_work_of_this_case_only(client, table, work):
    sign_in(client, table.invited)
    html = client.get(reverse("cases:detail", args=[table.case.pk])).content.decode()
    for text in (MINUTES_A, "Decision-A", "caring mother", "Plan a talk", "LTF-2026-017"):
        assert text in html
    assert MINUTES_B not in html and table.other_case.reference not in html


def test_the_export_carries_the_case_work_inside_the_watermarked_page(client, table, work):
    sign_in(client, table.invited)
    html = client.get(reverse("cases:export", args=[table.case.pk])).content.decode()
    body = html.split('<main class="export-body">')[1].split("</main>")[0]
    assert 'class="watermark"' in html
    for text in (MINUTES_A, "caring mother", "Plan a talk", "LTF-2026-017"):
        assert text in body
    # The printed file carries no forms of the case work.
    assert "<form" not in body
    assert MINUTES_B not in html


def test_writes_are_logged_as_reads_of_the_case_and_audited(client, table, work):
    sign_in(client, table.invited)
    today = timezone.localdate().isoformat()
    client.post(
        reverse("cases:police_record", args=[table.case.pk]),
        {
            "exchanged_on": today,
            "direction": "given",
            "counterpart": "police",
            "exchanged_by": table.invited.pk,
        },
    )
    read = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS, actor=table.invited).get()
    assert read.additional_data["what"] == "police exchange"
    created = AuditRecord.objects.filter(
        action=AuditRecord.Action.CREATE, actor=table.invited, object_repr__contains=": "
    )
    assert created.exists()


def test_a_bad_police_record_gets_a_message_and_changes_nothing(client, table, work):
    sign_in(client, table.invited)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("cases:police_record", args=[table.case.pk]),
        {
            "exchanged_on": tomorrow,
            "direction": "given",
            "counterpart": "police",
            "exchanged_by": table.invited.pk,
        },
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors == ["Choose a date that is not in the future."]
    assert PoliceExchange.objects.count() == 1


def test_the_sections_speak_dutch(client, table, work):
    sign_in(client, table.invited)
    html = client.get(
        reverse("cases:detail", args=[table.case.pk]), HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert "Ondersteuningsplan" in html and "Politie-informatie" in html


def test_the_person_export_can_carry_the_case_work(table, work, personas):
    from django.template.loader import render_to_string

    from samen.cases.sections.work import case_work_sections

    sections = case_work_sections(table.case, reader=personas.dpo)
    assert [s.template.split("/")[-1] for s in sections] == [
        "meetings.html",
        "assessments.html",
        "support.html",
        "police.html",
    ]
    html = "".join(
        render_to_string(s.template, {"s": s.context, "case": table.case, "export": True})
        for s in sections
    )
    for text in (MINUTES_A, "caring mother", "Plan a talk", "LTF-2026-017"):
        assert text in html
    assert "<form" not in html and MINUTES_B not in html


def test_the_dpo_person_export_holds_the_case_work_of_that_person_only(
    client, table, work, personas
):
    sign_in(client, personas.dpo)
    html = client.post(reverse("cases:person_export"), {"name": "Jan Peeters"}).content.decode()
    assert MINUTES_A in html
    assert MINUTES_B not in html
