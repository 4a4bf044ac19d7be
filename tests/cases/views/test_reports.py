"""The statistics page (counts only, for analysts and the core) and the data-protection
officer's person export (a name posted, never in the address)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from tests.cases.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_bad_year_falls_back_to_this_year(client, personas):
    sign_in(client, personas.analyst, second_factor=False)
    response = client.get(reverse("cases:statistics"), {"year": "nonsense"})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_the_dpo_exports_everything_about_one_person(client, table, personas):
    sign_in(client, personas.dpo)
    response = client.post(reverse("cases:person_export"), {"name": "Jan Peeters"})
    html = response.content.decode()
    assert table.case.reference in html and "Kerkstraat 1" in html
    assert table.other_case.reference not in html
    read = AuditRecord.objects.get(
        action=AuditRecord.Action.ACCESS, actor=personas.dpo, object_pk=str(table.case.pk)
    )
    # The name searched for is nowhere in the trail, which outlives the case.
    assert "Peeters" not in str(read.additional_data) and "Peeters" not in read.object_repr


@pytest.mark.parametrize(
    ("who", "status"),
    [("analyst", 200), ("frontline", 404), ("partner", 404), ("admin", 404), ("dpo", 404)],
)
def test_the_statistics_open_for_analysts_and_are_404_for_others(client, personas, who, status):
    sign_in(client, getattr(personas, who), second_factor=False)
    assert client.get(reverse("cases:statistics")).status_code == status


def test_the_statistics_show_the_year_asked_for(client, personas):
    sign_in(client, personas.analyst, second_factor=False)
    response = client.get(reverse("cases:statistics"), {"year": 2025})
    assert response.context["year"] == 2025
    assert set(response.context["tables"]) == {
        "opened_by_type",
        "opened_by_age",
        "closed_by_type",
        "closed_by_age",
    }


def test_the_anonymous_are_sent_to_sign_in(client):
    for url in (reverse("cases:statistics"), reverse("cases:person_export")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_person_export_asks_for_a_name_before_it_shows_anything(client, table, personas):
    sign_in(client, personas.dpo)
    empty = client.get(reverse("cases:person_export"))
    assert empty.status_code == 200 and empty.context["records"] is None
    refused = client.post(reverse("cases:person_export"), {"name": ""})
    assert "name" in refused.context["form"].errors and refused.context["records"] is None
    assert table.case.reference not in refused.content.decode()
    assert not AuditRecord.objects.filter(actor=personas.dpo, action=AuditRecord.Action.ACCESS)
