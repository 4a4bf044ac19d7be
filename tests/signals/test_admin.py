import pytest
from django.urls import reverse

from samen.signals.models import Category

pytestmark = pytest.mark.django_db


def test_administrators_edit_the_category_tree_in_three_languages(client, personas):
    client.force_login(personas.admin)
    group = Category.objects.get(code="polarisation")
    response = client.post(
        reverse("admin:signals_category_add"),
        {
            "group": "polarisation",
            "parent": group.pk,
            "code": "climate",
            "order": 20,
            "is_active": "on",
            "name_nl": "Klimaat",
            "name_fr": "Climat",
            "name_en": "Climate",
        },
    )
    assert response.status_code == 302
    assert Category.objects.get(code="climate").name_fr == "Climat"


def test_categories_are_retired_not_deleted(client, personas):
    client.force_login(personas.admin)
    category = Category.objects.get(code="health")
    url = reverse("admin:signals_category_delete", args=[category.pk])
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("who", ["analyst", "coordinator", "frontline"])
def test_only_administrators_edit_categories(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("admin:signals_category_changelist")).status_code in (302, 403)
