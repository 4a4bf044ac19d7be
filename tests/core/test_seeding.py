"""The demo city's seeding machinery (samen/core/seeding.py)."""

import pytest
from django.core.management.base import CommandError

from samen.core import seeding
from samen.core.seeding import (
    SeedRun,
    add_demo_account,
    add_seeder,
    demo_accounts,
    demo_password,
    refuse_production_settings,
    seeders,
)


def test_a_seed_gives_the_same_names_and_numbers_every_time():
    first, again = SeedRun(7, 10, None, print), SeedRun(7, 10, None, print)
    assert first.faker.name() == again.faker.name()
    assert first.rng.random() == again.rng.random()
    assert SeedRun(8, 10, None, print).rng.random() != SeedRun(7, 10, None, print).rng.random()


def test_the_demo_password_follows_the_seed():
    assert demo_password(1) == demo_password(1)
    assert demo_password(1) != demo_password(2)
    assert demo_password(1).startswith("Samen-") and len(demo_password(1)) == 16


def test_seeders_run_in_their_order_and_register_once(monkeypatch):
    monkeypatch.setattr(seeding, "_seeders", [])

    def later(run):
        pass

    def sooner(run):
        pass

    add_seeder(20)(later)
    add_seeder(10)(sooner)
    add_seeder(10)(sooner)
    assert seeders() == [sooner, later]


def test_a_demo_account_is_listed_once(monkeypatch):
    monkeypatch.setattr(seeding, "_demo_accounts", [])
    add_demo_account("burgemeester@samen.test", "mayor", "")
    add_demo_account("burgemeester@samen.test", "mayor", "")
    assert [email for email, _, _ in demo_accounts()] == ["burgemeester@samen.test"]


def test_production_settings_are_refused_with_status_2(settings):
    refuse_production_settings()  # the test run may seed
    settings.DEBUG, settings.TESTING = False, False
    with pytest.raises(CommandError) as refused:
        refuse_production_settings()
    assert refused.value.returncode == 2
