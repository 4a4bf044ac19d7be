import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samen.audit.models import AuditRecord, TrailSearch
from samen.people.actions import staff_member_change_role
from tests.conftest import get_as

pytestmark = pytest.mark.django_db
URL = "/audit/"


def test_url_is_stable():
    assert reverse("audit:trail") == URL


def test_anonymous_gets_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("dpo", 200),
        ("admin", 403),
        ("analyst", 403),
        ("coordinator", 403),
        ("frontline", 403),
        ("prevention", 403),
        ("partner", 403),
    ],
)
def test_only_the_data_protection_officer_searches_the_trail(client, personas, who, status):
    assert get_as(client, getattr(personas, who), URL).status_code == status


def test_search_by_person_record_and_period(client, personas):
    staff_member_change_role(by=personas.admin, member=personas.frontline, role="policy_analyst")
    client.force_login(personas.coordinator)
    client.get(reverse("people:staff_member", args=[personas.other_frontline.pk]))  # refused
    client.force_login(personas.dpo)
    user_type = ContentType.objects.get(app_label="people", model="user")
    today = datetime.date.today()

    response = client.get(
        URL,
        {
            "actor": personas.admin.email,
            "record_type": user_type.pk,
            "record_id": personas.frontline.pk,
            "since": today,
            "until": today,
        },
    )
    records = list(response.context["page"])
    assert len(records) == 1
    assert records[0].changes["role"] == ["frontline_worker", "policy_analyst"]
    # The page says it in words, in the reader's language (Dutch unless asked otherwise).
    assert "Rol gewijzigd van buurtwerker naar beleidsanalist" in response.content.decode()
    assert "policy_analyst" not in response.content.decode()

    tomorrow = today + datetime.timedelta(days=1)
    response = client.get(URL, {"actor": personas.admin.email, "since": tomorrow})
    assert list(response.context["page"]) == []


def test_reads_appear_with_their_page(client, personas):
    client.force_login(personas.admin)
    client.get(reverse("people:staff_member", args=[personas.frontline.pk]))
    response = get_as(client, personas.dpo, URL, data={"action": AuditRecord.Action.ACCESS})
    records = list(response.context["page"])
    assert [r.actor for r in records] == [personas.admin]
    assert f"/people/{personas.frontline.pk}/" in response.content.decode()


def test_the_search_names_what_happened_in_the_readers_language(client, personas):
    client.force_login(personas.dpo)
    page = client.get(URL).content.decode()
    assert ">Gewijzigd</option>" in page and ">Gelezen</option>" in page
    assert ">update</option>" not in page


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"actor": "nobody@samen.test"}, "actor"),
        ({"actor": "not an address"}, "actor"),
        ({"since": "2026-02-30"}, "since"),
        ({"since": "2026-03-10", "until": "2026-03-01"}, "__all__"),
        ({"record_type": "99999"}, "record_type"),
    ],
)
def test_bad_search_input_gets_a_clear_message(client, personas, params, field):
    response = get_as(client, personas.dpo, URL, data=params)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert list(response.context["page"]) == []


def test_the_audit_search_has_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    client.force_login(personas.dpo)
    client.get(URL)  # a search, recorded in the trail: one more row for the next
    with django_assert_max_num_queries(18):
        assert client.get(URL).status_code == 200


def search_records():
    kind = ContentType.objects.get_for_model(TrailSearch)
    return AuditRecord.objects.filter(content_type=kind)


def test_a_search_is_recorded_with_who_when_and_the_filters_as_typed(client, personas):
    user_type = ContentType.objects.get(app_label="people", model="user")
    query = {
        "actor": personas.admin.email,
        "record_type": user_type.pk,
        "record_id": str(personas.frontline.pk),
        "since": "2026-01-01",
    }
    get_as(client, personas.dpo, URL, data=query)
    search = TrailSearch.objects.get()
    assert search.searched_by == personas.dpo
    assert search.filters == {
        "actor": personas.admin.email,
        "record_type": "people.user",
        "record_id": str(personas.frontline.pk),
        "since": "2026-01-01",
    }
    record = search_records().get()
    assert record.actor == personas.dpo
    assert record.action == AuditRecord.Action.CREATE
    assert record.timestamp >= search.searched_at
    assert personas.admin.email in record.changes_dict["filters"][1]


def test_the_first_view_of_the_trail_and_each_next_page_are_searches_too(client, personas):
    get_as(client, personas.dpo, URL)
    client.get(URL, {"page": 2})
    assert [s.filters for s in TrailSearch.objects.order_by("pk")] == [{}, {"page": "2"}]


def test_looking_at_earlier_searches_adds_one_record_and_lists_the_earlier_ones(client, personas):
    searches = {"record_type": ContentType.objects.get_for_model(TrailSearch).pk}
    get_as(client, personas.dpo, URL, data={"actor": personas.admin.email})
    for seen in (1, 2, 3):
        response = client.get(URL, searches)
        # Each look shows the searches before it, never itself, and adds exactly one.
        assert len(response.context["page"]) == seen
        assert search_records().count() == seen + 1
    assert personas.admin.email in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"actor": "nobody@samen.test"}, {"since": "2026-02-30"}, {"record_type": "99999"}],
)
def test_a_search_with_bad_input_shows_nothing_and_records_nothing(client, personas, params):
    response = get_as(client, personas.dpo, URL, data=params)
    assert response.status_code == 200 and response.context["form"].errors
    assert not TrailSearch.objects.exists() and not search_records().exists()


@pytest.mark.parametrize("who", ["admin", "analyst", "coordinator", "frontline", "prevention"])
def test_a_refused_search_records_nothing(client, personas, who):
    assert get_as(client, getattr(personas, who), URL).status_code == 403
    assert not TrailSearch.objects.exists()
