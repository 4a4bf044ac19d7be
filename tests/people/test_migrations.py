"""The upgrade: nobody stays a superuser, and today's elevated roles count as confirmed."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from samen.people.models import User

pytestmark = pytest.mark.django_db

upgrade = importlib.import_module("samen.people.migrations.0004_no_superusers_and_confirmed_roles")


def test_existing_superusers_lose_the_flag_and_roles_count_as_confirmed(personas):
    User.objects.filter(pk=personas.admin.pk).update(is_superuser=True, role_confirmed_at=None)
    User.objects.filter(pk=personas.frontline.pk).update(is_staff=True)
    User.objects.filter(pk=personas.dpo.pk).update(role_confirmed_at=None)
    before = timezone.now()
    upgrade.forwards(apps, None)
    admin, frontline, dpo = (
        User.objects.get(pk=p.pk) for p in (personas.admin, personas.frontline, personas.dpo)
    )
    assert not User.objects.filter(is_superuser=True).exists()
    assert admin.is_staff and not frontline.is_staff
    assert admin.role_confirmed_at >= before and dpo.role_confirmed_at >= before
    assert not dpo.role_lapsed
    assert frontline.role_confirmed_at == personas.frontline.role_confirmed_at
