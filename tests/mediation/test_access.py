"""Who sees a mediation, who sees its parties, and that every read of them is recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.mediation.access import may_see_parties, visible_mediations
from samen.mediation.models import Mediation
from tests.conftest import get_as, without_tokens
from tests.mediation.conftest import NEIGHBOUR, RESIDENT, STREET

pytestmark = pytest.mark.django_db

# Who sees the mediation at all, and who of them sees its parties.
SEES = {
    "admin": True,
    "analyst": True,
    "coordinator": True,
    "frontline": True,
    "other_frontline": False,
    "prevention": False,
    "partner": False,
    "dpo": False,
    "mediator": True,
    "borgerhout_mc": True,
    "city_mc": True,
}
READS_PARTIES = {"mediator", "borgerhout_mc", "city_mc"}


def person(personas, mediation_people, who):
    return getattr(personas, who, None) or getattr(mediation_people, who)


def reads_of(mediation) -> int:
    return AuditRecord.objects.filter(
        action=AuditRecord.Action.ACCESS, object_pk=str(mediation.pk)
    ).count()


@pytest.mark.parametrize("who", sorted(SEES))
def test_detail_shows_parties_only_to_the_mediator_and_coordinators(
    client, personas, mediation_people, assigned, who
):
    reader = person(personas, mediation_people, who)
    response = get_as(client, reader, reverse("mediation:detail", args=[assigned.pk]))
    assert response.status_code == (200 if SEES[who] else 404)
    content = response.content.decode()
    shown = RESIDENT in content and NEIGHBOUR in content and STREET in content
    assert shown == (who in READS_PARTIES)
    assert ("Luide muziek" in content) == (who in READS_PARTIES)  # the intake description
    assert reads_of(assigned) == (1 if who in READS_PARTIES else 0)


@pytest.mark.parametrize("who", sorted(SEES))
def test_the_list_follows_the_same_rule_and_never_shows_parties(
    client, personas, mediation_people, assigned, who
):
    reader = person(personas, mediation_people, who)
    response = get_as(client, reader, reverse("mediation:list"))
    if who in ("prevention", "partner", "dpo"):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    listed = {m.pk for m in response.context["page"]}
    assert listed == ({assigned.pk} if SEES[who] else set())
    assert RESIDENT not in response.content.decode()
    assert reads_of(assigned) == 0  # a list holds no party details, so it reads none


def test_the_read_record_says_who_when_and_which_mediation(client, mediation_people, assigned):
    client.force_login(mediation_people.mediator)
    client.get(reverse("mediation:detail", args=[assigned.pk]))
    record = AuditRecord.objects.get(action=AuditRecord.Action.ACCESS)
    assert record.actor == mediation_people.mediator
    assert record.content_type.model == "mediation" and record.object_pk == str(assigned.pk)
    assert record.additional_data["path"] == f"/mediation/{assigned.pk}/"
    assert record.timestamp is not None


def test_a_frontline_worker_of_the_district_who_is_not_the_mediator_reads_no_party_detail(
    client, personas, mediation_people, assigned
):
    frontline = personas.frontline
    assert not may_see_parties(frontline, assigned)
    client.force_login(frontline)
    pages = [
        reverse("mediation:detail", args=[assigned.pk]),
        reverse("mediation:list"),
        reverse("home"),
        reverse("places:detail", args=[personas.borgerhout.code]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for secret in (RESIDENT, NEIGHBOUR, STREET, "0470 11 22 33"):
            assert secret not in response.content.decode(), (url, secret)
    assert reads_of(assigned) == 0


def test_administrators_do_not_see_parties_even_when_they_ask(client, personas, assigned):
    assert not may_see_parties(personas.admin, assigned)
    client.force_login(personas.admin)
    assert RESIDENT not in client.get(reverse("mediation:detail", args=[assigned.pk])).text


def test_the_mediator_sees_their_mediation_in_another_district(
    personas, mediation_people, open_mediation
):
    from samen.mediation.actions import mediation_assign

    berchem = open_mediation(by=personas.other_frontline, district=personas.berchem)
    mediation_assign(
        by=mediation_people.city_mc, mediation=berchem, mediator=mediation_people.mediator
    )
    assert set(visible_mediations(Mediation.objects.all(), mediation_people.mediator)) == {berchem}
    assert may_see_parties(mediation_people.mediator, berchem)
    # The Borgerhout coordinator lives in Berchem: they see that the Berchem mediation
    # exists, as every frontline worker there does, but its parties are outside their scope.
    borgerhout_mc = mediation_people.borgerhout_mc
    assert visible_mediations(Mediation.objects.filter(pk=berchem.pk), borgerhout_mc).exists()
    assert not may_see_parties(borgerhout_mc, berchem)


def test_absent_and_forbidden_mediations_look_the_same(client, personas, assigned):
    client.force_login(personas.other_frontline)
    forbidden = client.get(reverse("mediation:detail", args=[assigned.pk]))
    absent = client.get(reverse("mediation:detail", args=[999999]))
    assert forbidden.status_code == absent.status_code == 404
    page = forbidden.content.replace(f"/mediation/{assigned.pk}/".encode(), b"/mediation/ID/")
    assert without_tokens(page) == without_tokens(
        absent.content.replace(b"/mediation/999999/", b"/mediation/ID/")
    )


def test_anonymous_visitors_are_sent_to_the_login_page(client, assigned):
    pk = assigned.pk
    gets = [
        reverse("mediation:list"),
        reverse("mediation:new"),
        reverse("mediation:export_csv"),
        reverse("mediation:detail", args=[pk]),
    ]
    posts = [
        reverse(f"mediation:{name}", args=[pk])
        for name in ("assign", "party_add", "session_record", "close", "aftercare_check")
    ]
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    for url in posts:
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


WRITES = ("assign", "party_add", "session_record", "close", "aftercare_check")


@pytest.mark.parametrize("name", WRITES)
def test_writes_answer_404_to_outsiders_and_403_to_those_who_only_see(
    client, personas, mediation_people, assigned, name
):
    url = reverse(f"mediation:{name}", args=[assigned.pk])
    before = AuditRecord.objects.count()
    for outsider in (personas.other_frontline, personas.partner, personas.prevention):
        client.force_login(outsider)
        assert client.post(url, {}).status_code == 404
    for onlooker in (personas.frontline, personas.coordinator, personas.admin, personas.analyst):
        client.force_login(onlooker)
        assert client.post(url, {}).status_code == 403, onlooker
    assert AuditRecord.objects.count() == before


def test_only_coordinators_assign_not_the_mediator(client, mediation_people, assigned):
    client.force_login(mediation_people.mediator)
    url = reverse("mediation:assign", args=[assigned.pk])
    assert client.post(url, {"mediator": mediation_people.mediator.pk}).status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("frontline", 200),
        ("coordinator", 200),
        ("borgerhout_mc", 200),
        ("admin", 403),
        ("analyst", 403),
        ("prevention", 403),
        ("partner", 403),
        ("dpo", 403),
    ],
)
def test_the_intake_page_is_for_staff_who_mediate(client, personas, mediation_people, who, status):
    reader = person(personas, mediation_people, who)
    assert get_as(client, reader, reverse("mediation:new")).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("coordinator", 200),
        ("frontline", 403),
        ("mediator", 403),
        ("borgerhout_mc", 403),
        ("partner", 403),
        ("dpo", 403),
    ],
)
def test_the_export_is_for_analysts_administrators_and_district_coordinators(
    client, personas, mediation_people, assigned, who, status
):
    reader = person(personas, mediation_people, who)
    assert get_as(client, reader, reverse("mediation:export_csv")).status_code == status
