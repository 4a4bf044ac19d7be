"""The demo's exchanges: partner accounts at the federal and Flemish level, exchanges in every
status, circulars (one read by some); a second run adds nothing."""

from __future__ import annotations

import pytest

from samen.core.seeding import SeedRun
from samen.exchange.models import Circular, CircularRecipient, Exchange
from samen.exchange.notices import ANSWERED, OVERDUE, WAITING
from samen.exchange.seed import FEDERAL_EMAIL, FLEMISH_EMAIL, seed_exchange
from samen.people.models import User
from samen.people.seed import seed_people
from samen.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(db):
    said = []
    run = SeedRun(seed=3, staff=40, places_dir=None, out=said.append, progress=False)
    run.districts = list(Place.objects.current().districts())
    seed_people(run)
    seed_exchange(run)
    run.said = said
    return run


def test_the_seeder_adds_partners_exchanges_in_every_status_and_circulars(run):
    for email in (FEDERAL_EMAIL, FLEMISH_EMAIL):
        assert User.objects.get(email=email).memberships.exists()
    assert set(Exchange.objects.values_list("status", flat=True)) == set(Exchange.Status.values)
    assert (
        Exchange.objects.filter(subject__startswith="[synthetisch]").count()
        == Exchange.objects.count()
    )
    assert Circular.objects.count() == 2
    assert CircularRecipient.objects.filter(read_at__isnull=False).exists()
    assert CircularRecipient.objects.filter(read_at__isnull=True).exists()
    assert run.said[-1] == "7 exchanges, 2 circulars."
    assert {email for _, email, _, _ in run.accounts} >= {FEDERAL_EMAIL, FLEMISH_EMAIL}
    flemish = User.objects.get(email=FLEMISH_EMAIL)
    chosen = dict(flemish.notification_preferences.values_list("kind", "delivery"))
    assert chosen == {WAITING: "daily", ANSWERED: "daily", OVERDUE: "weekly"}


def test_a_second_run_adds_nothing(run):
    counts = (Exchange.objects.count(), Circular.objects.count(), User.objects.count())
    seed_exchange(run)
    assert (Exchange.objects.count(), Circular.objects.count(), User.objects.count()) == counts
