"""The data-protection officer's person export: every case and referral found is recorded as
read, one record each, in one INSERT, before anything is shown; nobody else gets it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.cases.actions.cases import referral_submit
from samen.cases.models import Case, Referral
from tests.cases.conftest import open_case, sign_in
from tests.cases.views.test_cases import PERSONAS, get

pytestmark = pytest.mark.django_db
URL = reverse("cases:person_export")


def reads():
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS)


def audit_inserts(queries) -> list[str]:
    table_name = AuditRecord._meta.db_table
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and table_name in q["sql"]]


@pytest.fixture
def about_jan(table):
    """Two cases and a referral about Jan Peeters (the table's first case is one of them)."""
    second = open_case("Jan Peeters", extremism_type="left_wing")
    referral = referral_submit(
        by=table.invited, name="Jan Peeters", reason="Zorgen op school.", extremism_type="other"
    )
    return [table.case, second, referral]


def test_each_case_and_referral_found_is_one_record_all_in_one_insert(
    client, table, personas, about_jan
):
    sign_in(client, personas.dpo)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, {"name": "Jan Peeters"})
    assert response.status_code == 200
    assert len(audit_inserts(queries.captured_queries)) == 1
    types = ContentType.objects.get_for_models(Case, Referral)
    what = (("method", "POST"), ("path", URL), ("what", "person export"))
    assert sorted(
        (
            r.actor_id,
            r.content_type_id,
            r.object_pk,
            r.object_repr,
            tuple(sorted(r.additional_data.items())),
        )
        for r in reads()
    ) == sorted(
        (personas.dpo.pk, types[type(found)].pk, str(found.pk), str(found), what)
        for found in about_jan
    )
    html = response.content.decode()
    assert table.case.reference in html and about_jan[1].reference in html
    assert table.other_case.reference not in html


def test_a_name_nobody_has_writes_nothing(client, personas, table):
    sign_in(client, personas.dpo)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(URL, {"name": "Niemand Bekend"}).status_code == 200
    assert not audit_inserts(queries.captured_queries)


@pytest.mark.parametrize("who", [p for p in PERSONAS if p not in ("dpo", "anonymous")])
def test_everyone_but_the_data_protection_officer_gets_404_and_leaves_no_read(
    client, table, personas, about_jan, who
):
    assert get(client, table, personas, who, URL).status_code == 404
    assert client.post(URL, {"name": "Jan Peeters"}).status_code == 404
    assert not reads().exists()


def test_the_officer_without_the_second_factor_is_sent_to_pass_it(client, personas, about_jan):
    sign_in(client, personas.dpo, second_factor=False)
    response = client.post(URL, {"name": "Jan Peeters"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not reads().exists()
