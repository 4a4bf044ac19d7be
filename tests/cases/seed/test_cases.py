"""The demo city's case consultation: a seated core, cases, invitations and referrals."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from samen.cases import access
from samen.cases.models import Case, CoreSeat, Invitation, Referral
from samen.people.models import User


@pytest.mark.django_db
def test_the_seed_seats_the_core_and_fills_the_case_list():
    out = StringIO()
    call_command("seed", staff=40, seed=3, signals=100, no_progress=True, stdout=out)
    mayor = User.objects.get(email="burgemeester@samen.test")
    prevention = User.objects.get(email="preventie@samen.test")
    partner = User.objects.get(email="partner@samen.test")
    assert access.controls_case_list(mayor)
    assert access.has_core_seat(prevention)
    police = CoreSeat.objects.get(kind=CoreSeat.Kind.POLICE)
    assert police.grants_access(access.today())
    assert Case.objects.count() == 40
    assert Case.objects.filter(status="closed").exists()
    assert access.cases_visible_to(partner).count() == 2
    assert Invitation.objects.count() >= 14
    assert Referral.objects.filter(status="pending").count() == 6
    assert access.current_cycle() is not None
    assert "burgemeester@samen.test" in out.getvalue()
    # Seeded as confirmed: the mayor's seat by the data-protection officer, the rest by the
    # mayor, so that nothing waits for a decision in the demo.
    seat = CoreSeat.objects.get(kind=CoreSeat.Kind.MAYOR)
    assert seat.proposed_by is None and seat.confirmed_by.email == "dpo@samen.test"
    assert not CoreSeat.objects.filter(confirmed_at=None).exists()
    assert not Invitation.objects.filter(confirmed_at=None).exists()
    assert set(CoreSeat.objects.exclude(kind="mayor").values_list("confirmed_by", flat=True)) == {
        mayor.pk
    }


@pytest.mark.django_db
def test_the_admin_shows_nothing_of_the_case_consultation(client, personas, table):
    """Seats, delegations and invitations are decided at the table, never in the admin."""
    client.force_login(personas.admin)
    index = client.get("/admin/").content.decode()
    assert "/admin/cases/" not in index
    seat = CoreSeat.objects.filter(kind=CoreSeat.Kind.PREVENTION_OFFICIAL).get()
    for path in [
        "/admin/cases/coreseat/",
        "/admin/cases/coreseat/add/",
        f"/admin/cases/coreseat/{seat.pk}/change/",
        "/admin/cases/delegation/",
        "/admin/cases/invitation/",
        "/admin/cases/case/",
        f"/admin/cases/case/{table.case.pk}/change/",
    ]:
        assert client.get(path).status_code == 404, path


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_seeded_meeting_cycle_is_titled_alike_in_every_language(language):
    """A title is stored as written: one seeded in the language of the day would read
    "Overlegcyclus Meeting cycle 2026" to a Dutch reader of an English-seeded demo."""
    with translation.override(language):
        call_command("seed", staff=20, seed=3, signals=50, no_progress=True, stdout=StringIO())
    cycle = access.current_cycle()
    assert cycle.title == str(timezone.localdate().year)
