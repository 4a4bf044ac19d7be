import pytest
from django.urls import reverse

from samen.audit.models import AuditRecord
from tests.conftest import get_as, without_tokens

pytestmark = pytest.mark.django_db


def test_anonymous_gets_the_login_page(client, personas):
    for url in [
        reverse("home"),
        reverse("people:directory"),
        reverse("people:staff_member", args=[personas.frontline.pk]),
        reverse("people:organisations"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "who",
    ["admin", "analyst", "coordinator", "frontline", "prevention", "partner", "dpo"],
)
def test_every_role_has_a_home_page(client, personas, who):
    person = getattr(personas, who)
    response = get_as(client, person, reverse("home"))
    assert response.status_code == 200
    assert person.get_role_display() in response.content.decode()


def test_home_panels_follow_the_role(client, personas):
    def templates(person):
        response = get_as(client, person, reverse("home"))
        return {p.template for p in response.context["panels"]}

    assert "places/panels/home_district.html" in templates(personas.frontline)
    assert "places/panels/home_city.html" not in templates(personas.frontline)
    assert "places/panels/home_city.html" in templates(personas.analyst)
    assert "audit/panels/home.html" in templates(personas.dpo)
    assert "audit/panels/home.html" not in templates(personas.admin)
    assert "people/panels/partner_welcome.html" in templates(personas.partner)


def test_navigation_follows_the_role(client, personas):
    def labels(person):
        response = get_as(client, person, reverse("home"))
        return {item.url_name for item in response.context["nav_items"]}

    assert "audit:trail" in labels(personas.dpo)
    assert "audit:trail" not in labels(personas.analyst)
    assert "people:directory" not in labels(personas.frontline)
    assert labels(personas.partner) == {
        "home",
        "signals:list",
        "indicators:overview",
        "policy:index",
        "reporting:list",
        "exchange:inbox",
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("dpo", 200),
        ("coordinator", 200),
        ("analyst", 403),
        ("frontline", 403),
        ("partner", 403),
        ("prevention", 403),
    ],
)
def test_directory_is_for_directory_roles(client, personas, who, status):
    assert get_as(client, getattr(personas, who), reverse("people:directory")).status_code == status


def test_coordinator_directory_lists_only_their_district(client, personas):
    response = get_as(client, personas.coordinator, reverse("people:directory"))
    listed = {m.email for m in response.context["page"]}
    assert personas.frontline.email in listed
    assert personas.other_frontline.email not in listed


def test_directory_filters_by_name_and_role_with_htmx(client, personas):
    client.force_login(personas.admin)
    response = client.get(
        reverse("people:directory"), {"q": "berchem", "role": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "people/directory_rows.html"
    assert [m.email for m in response.context["page"]] == [personas.other_frontline.email]


def test_directory_query_count_does_not_grow_with_rows(client, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samen.people.actions import staff_member_create

    client.force_login(personas.admin)
    client.get(reverse("people:directory"))  # the first request records the session

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("people:directory")).status_code == 200
        return len(captured)

    before = queries()
    for n in range(30):
        staff_member_create(
            by=None,
            email=f"extra{n}@samen.test",
            full_name=f"Extra {n}",
            role="frontline_worker",
            home_district=personas.berchem,
        )
    assert queries() == before


@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("admin", "other_frontline", 200),
        ("dpo", "frontline", 200),
        ("coordinator", "frontline", 200),
        ("coordinator", "other_frontline", 404),
        ("analyst", "frontline", 404),
        ("frontline", "coordinator", 404),
        ("partner", "frontline", 404),
    ],
)
def test_staff_record_is_404_to_outsiders(client, personas, who, target, status):
    url = reverse("people:staff_member", args=[getattr(personas, target).pk])
    assert get_as(client, getattr(personas, who), url).status_code == status


def test_absent_and_forbidden_staff_records_look_the_same(client, personas):
    client.force_login(personas.analyst)
    forbidden = client.get(reverse("people:staff_member", args=[personas.frontline.pk]))
    absent = client.get(reverse("people:staff_member", args=[999999]))
    assert forbidden.status_code == absent.status_code == 404
    # Apart from the address asked for, which the page repeats, nothing differs.
    forbidden_page = forbidden.content.replace(str(personas.frontline.pk).encode(), b"ID")
    assert without_tokens(forbidden_page) == without_tokens(
        absent.content.replace(b"999999", b"ID")
    )


def test_reading_a_staff_record_writes_an_access_record(client, personas):
    client.force_login(personas.coordinator)
    url = reverse("people:staff_member", args=[personas.frontline.pk])
    client.get(url)
    record = AuditRecord.objects.get(action=AuditRecord.Action.ACCESS)
    assert record.actor == personas.coordinator
    assert record.object_pk == str(personas.frontline.pk)
    assert record.additional_data == {"path": url, "method": "GET"}


def test_a_refused_read_writes_no_access_record(client, personas):
    client.force_login(personas.analyst)
    client.get(reverse("people:staff_member", args=[personas.frontline.pk]))
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("analyst", 200), ("frontline", 200), ("dpo", 200), ("partner", 403)],
)
def test_organisations_are_for_city_staff(client, personas, who, status):
    assert (
        get_as(client, getattr(personas, who), reverse("people:organisations")).status_code
        == status
    )


def test_organisations_filter_by_policy_level(client, personas):
    from samen.people.actions import organisation_create

    organisation_create(by=None, name="Federale partner", policy_level="federal")
    organisation_create(by=None, name="Vlaamse partner", policy_level="flemish")
    response = get_as(
        client, personas.analyst, reverse("people:organisations") + "?policy_level=flemish"
    )
    assert [o.name for o in response.context["page"]] == ["Vlaamse partner"]


def test_bad_filter_input_changes_nothing_and_shows_all(client, personas):
    response = get_as(
        client, personas.analyst, reverse("people:organisations") + "?policy_level=galactic"
    )
    assert response.status_code == 200
    assert response.context["form"].errors
