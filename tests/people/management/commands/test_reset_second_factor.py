"""Operators remove a lost second factor from the command line; it is in the audit trail."""

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command

from samen.audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_the_command_removes_the_persons_second_factor_and_leaves_a_record(personas):
    Authenticator.objects.get_or_create(
        user=personas.prevention, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    before = AuditRecord.objects.count()
    out = StringIO()
    call_command("reset_second_factor", personas.prevention.email, stdout=out)
    assert not Authenticator.objects.filter(user=personas.prevention).exists()
    assert "second factor(s) removed" in out.getvalue()
    assert AuditRecord.objects.count() > before


def test_an_unknown_address_is_refused(db):
    with pytest.raises(CommandError):
        call_command("reset_second_factor", "niemand@samen.test")
