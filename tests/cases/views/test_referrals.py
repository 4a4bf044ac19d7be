"""Referring a person, and the mayor's decision on it from the referral's page: the same answer
for known and unknown people, 404 for everyone but the mayor and delegates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.cases.actions.cases import referral_submit
from samen.cases.models import Referral
from tests.cases.conftest import sign_in
from tests.conftest import without_tokens

pytestmark = pytest.mark.django_db


def test_the_referral_form_answers_the_same_for_known_and_unknown_people(client, table):
    sign_in(client, table.other_member)
    answers = []
    for name in ("Jan Peeters", "Niemand Onbekend"):
        response = client.post(
            reverse("cases:referral_new"),
            {"name": name, "extremism_type": "other", "reason": "Zorgen op school."},
            follow=True,
        )
        answers.append(without_tokens(response.content))
    assert answers[0] == answers[1]


def test_the_mayor_accepts_a_referral_from_its_page(client, table):
    referral = referral_submit(
        by=table.invited, name="Sara Claes", reason="Online haat.", extremism_type="left_wing"
    )
    sign_in(client, table.mayor)
    detail = client.get(reverse("cases:referral", args=[referral.pk]))
    assert "Sara Claes" in detail.content.decode()
    review = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(
        reverse("cases:referral_accept", args=[referral.pk]),
        {"purpose": "Preventie.", "review_on": review},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.case is not None


def test_outsiders_get_404_for_a_referral(client, table, personas):
    referral = referral_submit(
        by=table.invited, name="Sara Claes", reason="Online haat.", extremism_type="left_wing"
    )
    for who in (table.invited, table.prevention, personas.dpo, personas.admin):
        sign_in(client, who)
        assert client.get(reverse("cases:referral", args=[referral.pk])).status_code == 404


def refer(table, name="Sara Claes") -> Referral:
    return referral_submit(
        by=table.invited, name=name, reason="Online haat.", extremism_type="left_wing"
    )


def test_a_referral_missing_its_reason_shows_the_form_again_and_stores_nothing(client, table):
    sign_in(client, table.other_member)
    response = client.post(
        reverse("cases:referral_new"), {"name": "Sara Claes", "extremism_type": "left_wing"}
    )
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert not Referral.objects.exists()


@pytest.mark.parametrize("who", ["analyst", "admin", "frontline"])
def test_those_who_may_not_refer_get_404_and_the_anonymous_sign_in(client, personas, who):
    sign_in(client, getattr(personas, who))
    assert client.get(reverse("cases:referral_new")).status_code == 404
    sign_in(client, None)
    response = client.get(reverse("cases:referral_new"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_rejection_needs_a_reason_and_then_leaves_the_pending_list(client, table):
    referral = refer(table)
    sign_in(client, table.mayor)
    url = reverse("cases:referral_reject", args=[referral.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING
    response = client.post(url, {"reason": "Geen aanwijzing van extremisme."})
    assert response.status_code == 302 and response["Location"] == reverse("cases:referrals")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.REJECTED and referral.decided_by == table.mayor
    pending = client.get(reverse("cases:referrals")).context["page"].object_list
    rejected = client.get(reverse("cases:referrals"), {"status": "rejected"})
    assert list(pending) == [] and list(rejected.context["page"].object_list) == [referral]


def test_an_accepted_referral_without_a_review_date_opens_no_case(client, table):
    referral = refer(table)
    sign_in(client, table.mayor)
    response = client.post(
        reverse("cases:referral_accept", args=[referral.pk]), {"purpose": "Preventie."}
    )
    assert response.status_code == 400
    assert "review_on" in response.context["accept_form"].errors
    referral.refresh_from_db()
    assert referral.case is None and referral.status == Referral.Status.PENDING


def test_nobody_but_the_controller_decides_on_a_referral(client, table, personas):
    referral = refer(table)
    review = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    for who in (table.prevention, table.invited, personas.dpo):
        sign_in(client, who)
        accept = reverse("cases:referral_accept", args=[referral.pk])
        assert client.post(accept, {"purpose": "x", "review_on": review}).status_code == 404
        reject = reverse("cases:referral_reject", args=[referral.pk])
        assert client.post(reject, {"reason": "x"}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING
