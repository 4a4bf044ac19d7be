"""No command makes a superuser: createsuperuser points to create_administrator."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samen.people.models import User

pytestmark = pytest.mark.django_db


def test_createsuperuser_is_refused_and_points_to_create_administrator(db):
    with pytest.raises(CommandError, match="create-administrator"):
        call_command(
            "createsuperuser", "--noinput", "--email", "baas@samen.test", "--full_name", "Baas"
        )
    assert not User.objects.filter(email="baas@samen.test").exists()
    assert not User.objects.filter(is_superuser=True).exists()
