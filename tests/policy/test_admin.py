"""The policy records in the administration: administrators read them, and change nothing."""

import pytest
from django.urls import reverse

from samen.policy.models import Strategy
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["strategy", "actionplan", "action", "initiative"])
def test_administrators_read_the_policy_records(client, personas, world, model):
    response = get_as(client, personas.admin, reverse(f"admin:policy_{model}_changelist"))
    assert response.status_code == 200
    assert get_as(client, personas.admin, reverse(f"admin:policy_{model}_add")).status_code == 403


def test_a_strategy_cannot_be_changed_or_deleted_there(client, personas, world):
    client.force_login(personas.admin)
    url = reverse("admin:policy_strategy_change", args=[world.strategy.pk])
    assert client.get(url).status_code == 200  # shown read-only
    assert client.post(url, {"title": "Anders"}).status_code == 403
    delete = reverse("admin:policy_strategy_delete", args=[world.strategy.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Strategy.objects.get().title == world.strategy.title


@pytest.mark.parametrize("name", ["analyst", "coordinator", "partner"])
def test_others_have_no_administration(client, personas, world, name):
    url = reverse("admin:policy_strategy_changelist")
    assert get_as(client, getattr(personas, name), url).status_code in (302, 403)
