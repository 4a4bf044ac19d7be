"""Make, in a second Samen's database, the partner tokens the federation test gives the first
city, and print their keys as JSON.

Run by tests/peers/test_federation.py with the product's settings and the second city's own
SQLite database (SAMEN_DATA_DIR), after its migrate and seed. Not a test module.
"""

import datetime
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from samen.api.actions import partner_token_issue  # noqa: E402
from samen.api.scopes import CIRCULARS_READ, STATISTICS_READ  # noqa: E402
from samen.people.actions import organisation_create, staff_member_create  # noqa: E402
from samen.people.roles import Role  # noqa: E402


def main() -> None:
    admin = staff_member_create(
        by=None,
        email="federation-admin@samen.test",
        full_name="Federatie Beheer",
        role=Role.ADMINISTRATOR,
    )
    city = organisation_create(
        by=None, name="Stad Antwerpen – Samenleven", policy_level="municipal"
    )
    ends_on = timezone.localdate() + datetime.timedelta(days=7)
    _token, statistics = partner_token_issue(
        by=admin, organisation=city, name="Statistieken", scopes=[STATISTICS_READ], ends_on=ends_on
    )
    _token, circulars = partner_token_issue(
        by=admin, organisation=city, name="Omzendbrieven", scopes=[CIRCULARS_READ], ends_on=ends_on
    )
    print(json.dumps({"statistics": statistics, "circulars": circulars}))


if __name__ == "__main__":
    main()
