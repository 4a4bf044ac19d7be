import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samen.audit.models import AuditRecord
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
