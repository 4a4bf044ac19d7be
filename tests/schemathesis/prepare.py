"""Make the accounts and tokens the Schemathesis run in .ci/run uses, and print the keys.

Run with the product's settings on a freshly seeded database (run.sh does): a policy analyst's
token (who may read every endpoint a person's token reaches) and a partner organisation's
token with every scope. Not a test module: pytest collects nothing here.
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
from samen.api.scopes import scopes  # noqa: E402
from samen.api.tokens import api_token_issue  # noqa: E402
from samen.people.actions import organisation_create, staff_member_create  # noqa: E402
from samen.people.roles import Role  # noqa: E402


def main() -> None:
    analyst = staff_member_create(
        by=None, email="api-check@samen.test", full_name="Api Check", role=Role.POLICY_ANALYST
    )
    admin = staff_member_create(
        by=None, email="api-admin@samen.test", full_name="Api Admin", role=Role.ADMINISTRATOR
    )
    partner = organisation_create(by=None, name="API check partner", policy_level="federal")
    _token, person_key = api_token_issue(by=analyst, two_factor=False)
    _token, partner_key = partner_token_issue(
        by=admin,
        organisation=partner,
        name="Schemathesis",
        scopes=[scope.code for scope in scopes()],
        ends_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    print(json.dumps({"person": person_key, "partner": partner_key}))


if __name__ == "__main__":
    main()
