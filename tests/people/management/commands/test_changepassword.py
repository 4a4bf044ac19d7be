"""No command sets another person's password: changepassword points to the sign-in link."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samen.people.models import User

pytestmark = pytest.mark.django_db


def test_changepassword_is_refused_and_points_to_the_sign_in_link(personas):
    before = User.objects.get(pk=personas.frontline.pk).password
    with pytest.raises(CommandError, match="sign-in link"):
        call_command("changepassword", personas.frontline.email)
    assert User.objects.get(pk=personas.frontline.pk).password == before
