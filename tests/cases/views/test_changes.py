"""Changes from the pages: invite, correct, review date, cycles, delegations. Each bad input
shows a message and changes nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases.models import ConsultationCycle, Correction, Delegation, Invitation
from tests.cases.conftest import sign_in
from tests.cases.views.test_cases import after_end_date, person
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def day(offset: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def errors_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def test_the_core_invites_a_professional_from_the_page(client, table):
    guest = make_person("partner_professional", "guest@samen.test")
    sign_in(client, table.prevention)
    url = reverse("cases:invite", args=[table.case.pk])
    response = client.post(url, {"email": guest.email, "ends_on": day(10)})
    assert response.status_code == 302
    assert Invitation.objects.filter(case=table.case, user=guest).exists()


def test_inviting_an_unknown_address_changes_nothing(client, table):
    sign_in(client, table.prevention)
    url = reverse("cases:invite", args=[table.case.pk])
    response = client.post(
        url,
        {"email": "nobody@samen.test", "ends_on": day(10)},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert any("no active account" in e for e in errors_of(response))
    assert Invitation.objects.filter(case=table.case).count() == 1


def test_an_invited_member_cannot_invite(client, table):
    sign_in(client, table.invited)
    url = reverse("cases:invite", args=[table.case.pk])
    assert client.post(url, {"email": table.police.email, "ends_on": day(10)}).status_code == 403


def test_a_correction_from_the_page_is_shown_to_invited_members(client, table):
    sign_in(client, table.prevention)
    url = reverse("cases:correct", args=[table.case.pk])
    client.post(url, {"field": "address", "value": "Kerkstraat 3", "reason": "Verhuisd."})
    assert Correction.objects.filter(case=table.case).count() == 1
    sign_in(client, table.invited)
    page = client.get(reverse("cases:detail", args=[table.case.pk])).content.decode()
    assert "Kerkstraat 1, 2060 Antwerpen" in page and "Kerkstraat 3" in page  # old and new


def test_a_review_date_in_the_past_is_refused(client, table):
    sign_in(client, table.prevention)
    url = reverse("cases:review_date", args=[table.case.pk])
    response = client.post(url, {"review_on": day(-1)}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert errors_of(response)
    before = table.case.review_on
    table.case.refresh_from_db()
    assert table.case.review_on == before


def test_the_core_opens_a_cycle_and_bad_dates_change_nothing(client, table):
    sign_in(client, table.prevention)
    url = reverse("cases:cycles")
    bad = client.post(url, {"title": "Q1", "starts_on": day(30), "ends_on": day(20)})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert ConsultationCycle.objects.count() == 1
    good = client.post(url, {"title": "Q1", "starts_on": day(90), "ends_on": day(180)})
    assert good.status_code == 302
    assert ConsultationCycle.objects.count() == 2


def test_the_mayor_delegates_and_ends_the_delegation(client, table):
    sign_in(client, table.mayor)
    response = client.post(
        reverse("cases:delegation_new"),
        {"delegate": table.prevention.pk, "starts_on": day(0), "ends_on": day(7)},
    )
    assert response.status_code == 302
    sign_in(client, table.prevention)
    assert client.get(reverse("cases:referrals")).status_code == 200
    delegation = Delegation.objects.get()
    sign_in(client, table.mayor)
    client.post(
        reverse("cases:grant_decide", args=["delegation", delegation.pk]), {"decision": "end"}
    )
    sign_in(client, table.prevention)
    assert client.get(reverse("cases:referrals")).status_code == 404


def test_a_delegation_to_someone_without_a_seat_changes_nothing(client, table, personas):
    sign_in(client, table.mayor)
    response = client.post(
        reverse("cases:delegation_new"),
        {"delegate": personas.analyst.pk, "starts_on": day(0), "ends_on": day(7)},
        follow=True,
    )
    assert response.status_code == 200 and list(response.context["messages"])
    assert not Delegation.objects.exists()


@pytest.mark.parametrize("who", ["expired", "other_member", "analyst", "admin", "dpo"])
def test_outsiders_get_404_when_ending_an_invitation(client, table, personas, who):
    invitation = table.case.invitations.get(user=table.invited)
    url = reverse("cases:invitation_end", args=[table.case.pk, invitation.pk])
    if who == "expired":
        with after_end_date(table):
            sign_in(client, table.invited)
            response = client.post(url)
    else:
        sign_in(client, person(table, personas, who))
        response = client.post(url)
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_only_the_core_ends_an_invitation_and_it_is_audited(client, table):
    invitation = table.case.invitations.get(user=table.invited)
    url = reverse("cases:invitation_end", args=[table.case.pk, invitation.pk])
    sign_in(client, table.invited)
    assert client.post(url).status_code == 403
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    sign_in(client, table.prevention)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[table.case.pk])
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    records = AuditRecord.objects.get_for_object(invitation)
    assert records.filter(action=AuditRecord.Action.UPDATE, actor=table.prevention).exists()


def test_an_invitation_ends_only_through_its_own_case(client, table):
    invitation = table.case.invitations.get(user=table.invited)
    sign_in(client, table.prevention)
    url = reverse("cases:invitation_end", args=[table.other_case.pk, invitation.pk])
    assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
