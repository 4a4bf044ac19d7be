"""The demo city the screenshots show: a migrated copy of the demo database, the demo
accounts that sign in there, and the records whose pages are shown."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SAMEN = PROJECT_DIR / ".venv" / "bin" / "samen"

ANALYST = "analist@samen.test"  # policy analyst: city-wide, no second factor
COORDINATOR = "coordinator@samen.test"  # district coordinator of Borgerhout, no second factor
FRONTLINE = "buurtwerker@samen.test"  # frontline worker in Borgerhout, no second factor
DPO = "dpo@samen.test"  # data-protection officer: must use two-factor authentication
PREVENTION = "preventie@samen.test"  # chairs the case consultation: two-factor authentication
DISTRICT = "11002S"  # Borgerhout
MONITOR_DISTRICT = "11002V"  # Hoboken: the demo plants a recent surge there


def demo_database() -> Path:
    """The demo's SQLite file, made with `samen demo --no-serve` when it does not exist."""
    if os.environ.get("SAMEN_SQLITE_PATH"):
        return Path(os.environ["SAMEN_SQLITE_PATH"])
    data_dir = Path(os.environ.get("SAMEN_DATA_DIR", PROJECT_DIR / "data"))
    database = data_dir / "samen.sqlite3"
    if not database.exists():
        print("No demo database yet: preparing it with `samen demo --no-serve` ...")
        env = {**os.environ, "SAMEN_DEBUG": "1"}
        env.pop("DATABASE_URL", None)
        subprocess.run([str(SAMEN), "demo", "--no-serve"], cwd=PROJECT_DIR, env=env, check=True)
    return database


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database, even while another process uses it (WAL)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def prepare_copy(seed: int) -> tuple[str, dict[str, str], dict[str, str]]:
    """Migrate the copy, give the DPO and the prevention official an authenticator there;
    return the demo password, the authenticators' secrets and the paths of the records the
    screenshots show."""
    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.db import connections

    # The copy may predate a module added since the demo was made: bring its tables along.
    call_command("migrate", interactive=False, verbosity=0)

    from samen.cases.models import Acknowledgement
    from samen.people.models import User
    from samen.people.seed import demo_password

    password = demo_password(seed)
    secrets = {}
    for email in (DPO, PREVENTION):
        user = User.objects.get(email=email)
        if not user.check_password(password):
            raise SystemExit(f"The demo password for seed {seed} does not work; try --seed.")
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        secrets[email] = generate_totp_secret()
        TOTP.activate(user, secrets[email])
    # The rules come first, even if someone acknowledged them in this demo already.
    Acknowledgement.objects.filter(user__email=PREVENTION).delete()
    paths = demo_records()
    connections.close_all()
    return password, secrets, paths


def demo_records() -> dict[str, str]:
    """The pages to show, chosen from the demo data the same way for every seed."""
    from django.db.models import Count
    from django.urls import reverse

    from samen.cases.models import AgendaItem, Case
    from samen.communities.models import Relationship, State
    from samen.mediation.models import Mediation

    # The demo frontline worker's mediation with the most sessions, not closed yet.
    mediation = (
        Mediation.objects.filter(mediator__email=FRONTLINE)
        .exclude(status=Mediation.Status.CLOSED)
        .annotate(sessions_held=Count("sessions"))
        .order_by("-sessions_held", "pk")
        .first()
    )
    # A weakened relationship between two communities of Borgerhout, with the longest history.
    relationship = (
        Relationship.objects.filter(
            community__district__code=DISTRICT,
            other__district__code=DISTRICT,
            state=State.WEAKENED,
        )
        .annotate(history=Count("changes"))
        .order_by("-history", "pk")
        .first()
    )
    # An open case with an open support plan, discussed at a meeting (its minutes are
    # encrypted, so they are looked at here, not in the query), with the most assessments.
    cases = (
        Case.objects.live()
        .filter(
            status=Case.Status.OPEN,
            support_plan__isnull=False,
            support_plan__closed_on__isnull=True,
        )
        .annotate(assessed=Count("assessments"))
        .order_by("-assessed", "pk")
    )
    case = meeting = None
    for candidate in cases:
        item = next((i for i in AgendaItem.objects.filter(case=candidate) if i.minutes), None)
        if item is not None:
            case, meeting = candidate, item.meeting
            break
    if mediation is None or relationship is None or case is None:
        raise SystemExit("The demo database lacks mediations, relationships or case work.")
    return {
        "mediation": reverse("mediation:detail", args=[mediation.pk]),
        "relationship": reverse("communities:relationship", args=[relationship.pk]),
        "case": reverse("cases:detail", args=[case.pk]),
        "case_export": reverse("cases:export", args=[case.pk]),
        "meeting": reverse("cases:meeting", args=[meeting.pk]),
    }


def end_mediation_duty(email: str) -> None:
    """End this person's mediation-coordinator duties in the copy (in a thread of its own:
    Django refuses the database inside Playwright's event loop)."""

    def end() -> None:
        from django.db import connections

        from samen.mediation.actions import coordinator_end
        from samen.mediation.models import MediationCoordinator

        for coordination in MediationCoordinator.objects.filter(user__email=email):
            coordinator_end(by=None, coordination=coordination)
        connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(end).result()
