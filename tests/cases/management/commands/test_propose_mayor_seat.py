"""The mayor's seat is proposed from the command line and confirmed by the data-protection
officer."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from samen.audit.models import AuditRecord
from samen.cases import access
from samen.cases.actions.table import (
    grant_confirm,
    seat_propose,
)
from samen.cases.models import CoreSeat
from samen.people.roles import Role
from tests.cases.actions.test_table import newcomer

pytestmark = pytest.mark.django_db


def test_the_data_protection_officer_confirms_the_mayors_seat_and_nothing_else(table, personas):
    new_mayor = newcomer("new.mayor@samen.test", Role.POLICY_ANALYST)
    out = StringIO()
    call_command("propose_mayor_seat", new_mayor.email, stdout=out)
    seat = CoreSeat.objects.get(user=new_mayor, kind=CoreSeat.Kind.MAYOR)
    assert seat.confirmed_at is None and not access.has_core_seat(new_mayor)
    assert AuditRecord.objects.get_for_object(seat).exists()
    with pytest.raises(PermissionDenied):
        grant_confirm(by=table.mayor, grant=seat)  # no single person seats a mayor
    grant_confirm(by=personas.dpo, grant=seat)
    access.forget(new_mayor)
    assert access.is_mayor(new_mayor)
    other = seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=table.mayor)
    with pytest.raises(PermissionDenied):
        grant_confirm(by=personas.dpo, grant=other)


def test_the_command_refuses_an_unknown_address(table):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("propose_mayor_seat", "nobody@samen.test", stdout=StringIO())
    assert not CoreSeat.objects.filter(kind=CoreSeat.Kind.MAYOR).exclude(user=table.mayor).exists()
