"""Synthetic demo data: each module adds a seeder, `samen seed` runs them in order.

Everything is generated (Faker's nl_BE locale, a seeded random generator), so the same seed
number always gives the same city, and no real person's data can end up in Samen. Accounts
and organisations go through the actions; the bulk of signals is stored in batches (the
import path), inside the one transaction of the seed.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from faker import Faker

from samen.core.keys import development_mode


def refuse_production_settings() -> None:
    """Refuse, with exit status 2 and before anything is read or written, to make the demo
    city under production settings.

    Security-critical. The demo accounts get a password anyone can compute from the seed and
    `samen demo` prints, so `samen seed` and `samen demo` run only in debug (SAMEN_DEBUG=1)
    or in the test run (samen.core.keys.development_mode); on a server no account can get a
    known password this way.
    """
    if not development_mode():
        raise CommandError(
            _(
                "Refused: these are production settings. The demo city and its demo accounts, "
                "whose password is known, are made only with SAMEN_DEBUG=1, never on a "
                "server. Nothing was changed."
            ),
            returncode=2,
        )


@dataclass
class SeedRun:
    seed: int
    staff: int
    places_dir: Path | None
    out: Callable[[str], None]
    progress: bool = True
    signals: int = 20_000
    rng: random.Random = field(init=False)
    faker: Faker = field(init=False)
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)
    """Demo accounts: (role label, e-mail, password, note)."""
    districts: list = field(default_factory=list)
    """The city's current districts, by code: the places seeder (10) leaves them here for
    the seeders after it, which place staff, teams and organisations in them."""
    surges: list[tuple[str, int, int]] | None = None
    """The surges the signals seeder (30) planted, as (district code, weeks ago, length), for
    the tension monitor's seeder (35); None when no signals were made."""

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.faker = Faker("nl_BE")
        self.faker.seed_instance(self.seed)


Seeder = Callable[[SeedRun], None]
_seeders: list[tuple[int, str, Seeder]] = []


def add_seeder(order: int) -> Callable[[Seeder], Seeder]:
    """Register a module's seeder; lower orders run first (places 10, people 20)."""

    def register(seeder: Seeder) -> Seeder:
        name = f"{seeder.__module__}.{seeder.__qualname__}"
        if all(existing != name for _, existing, _ in _seeders):
            _seeders.append((order, name, seeder))
            _seeders.sort(key=lambda s: s[0])
        return seeder

    return register


# Demo accounts the modules add (one per role, the mayor of the case consultation):
# (e-mail, label, note), printed again by `samen demo` on later runs.
_demo_accounts: list[tuple[str, object, object]] = []


def add_demo_account(email: str, label, note) -> None:
    """Register a module's demo account so that `samen demo` lists it on every run."""
    if all(existing != email for existing, _, _ in _demo_accounts):
        _demo_accounts.append((email, label, note))


def demo_accounts() -> list[tuple[str, object, object]]:
    return list(_demo_accounts)


def demo_password(seed: int) -> str:
    """The demo accounts' password: the same for a given seed, so it can be printed again."""
    rng = random.Random(f"samen-demo-password-{seed}")
    return "Samen-" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(10))


def seeders() -> list[Seeder]:
    return [seeder for _, _, seeder in _seeders]
