"""What the case consultation adds to the navigation and the home page: the module for its
members only, the referral form for partners outside it, the table's notices and the grants to
re-confirm for the mayor and the data-protection officer."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samen.cases.actions.table import seat_propose
from samen.cases.models import CoreSeat
from samen.people.roles import Role
from tests.cases.conftest import sign_in
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def test_the_navigation_shows_the_module_to_members_only(client, table, personas):
    for who, shown in [(table.invited, True), (personas.analyst, False), (personas.admin, False)]:
        sign_in(client, who)
        page = client.get(reverse("home")).content.decode()
        assert (f'href="{reverse("cases:list")}"' in page) is shown, who


def test_partners_find_the_referral_form_on_their_home_page(client, table, personas):
    sign_in(client, personas.partner)  # invited: the case list has the button instead
    assert "cases/panels/refer.html" not in {p.template for p in client.get("/").context["panels"]}
    outsider = make_person("partner_professional", "outside@samen.test")
    sign_in(client, outsider)
    home = client.get("/")
    assert "cases/panels/refer.html" in {p.template for p in home.context["panels"]}
    assert f'href="{reverse("cases:list")}"' not in home.content.decode()
    sign_in(client, personas.analyst)
    assert "cases/panels/refer.html" not in {p.template for p in client.get("/").context["panels"]}


def test_notices_show_on_the_home_page_of_the_mayor_and_the_dpo(client, table, personas):
    candidate = make_person(Role.PREVENTION_OFFICER, "candidate@samen.test")
    seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=candidate)
    for reader in (table.mayor, personas.dpo):
        sign_in(client, reader)
        html = client.get(reverse("home")).content.decode()
        assert 'id="table-notices-title"' in html and str(candidate) in html
    for reader in (table.prevention, table.police, personas.admin, personas.analyst):
        sign_in(client, reader)
        assert 'id="table-notices-title"' not in client.get(reverse("home")).content.decode()


def test_the_warning_to_re_confirm_shows_from_thirty_days_before(client, table, personas):
    seat = CoreSeat.objects.get(user=table.prevention)

    def warned(reader, day: datetime.date) -> bool:
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        with time_machine.travel(moment, tick=False):
            sign_in(client, reader)
            return 'id="recertify-title"' in client.get(reverse("home")).content.decode()

    last = seat.confirmed_until
    assert not warned(table.mayor, last - datetime.timedelta(days=31))
    assert warned(table.mayor, last - datetime.timedelta(days=29))
    # Only who may re-confirm is warned: not the holder, not an outsider; the data-protection
    # officer for the mayor's seat.
    assert not warned(table.prevention, last - datetime.timedelta(days=29))
    assert not warned(personas.analyst, last - datetime.timedelta(days=29))
    assert warned(personas.dpo, last - datetime.timedelta(days=29))


def test_the_data_protection_officer_finds_the_table_in_the_navigation(client, personas):
    sign_in(client, personas.dpo)
    assert reverse("cases:table") in client.get(reverse("home")).content.decode()
    sign_in(client, personas.analyst)
    assert reverse("cases:table") not in client.get(reverse("home")).content.decode()


def test_statistics_and_the_person_export_are_offered_by_role(client, personas):
    sign_in(client, personas.analyst)
    html = client.get(reverse("home")).content.decode()
    assert reverse("cases:statistics") in html and reverse("cases:person_export") not in html
    sign_in(client, personas.dpo)
    html = client.get(reverse("home")).content.decode()
    assert reverse("cases:person_export") in html
    sign_in(client, personas.frontline)
    html = client.get(reverse("home")).content.decode()
    assert reverse("cases:statistics") not in html and reverse("cases:person_export") not in html


def test_the_mayors_home_page_names_the_seat_not_only_the_role(client, table, personas):
    sign_in(client, table.mayor)
    home = client.get(reverse("home")).content.decode()
    said = "Je bent aangemeld als burgemeester in het casusoverleg, met de rol beleidsanalist"
    assert f"{said} in Samen." in home
    sign_in(client, personas.analyst)
    assert "Je bent aangemeld als beleidsanalist." in client.get(reverse("home")).content.decode()
