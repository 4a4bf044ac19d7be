"""Fixes from the independent review of the case consultation, each with the test that
shows the flaw is gone."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.cases.meeting_actions import decision_record
from samen.cases.models import Decision
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in

pytestmark = pytest.mark.django_db
work = work_fixtures.work


# M4: a decision's owner is a member of that item's case only.


def _owner_choices(response, item) -> set[int]:
    for listed in response.context["items"]:
        if listed.pk == item.pk:
            field = listed.decision_form.fields["owner"]
            return {user.pk for user in field.queryset}
    raise AssertionError("item not on the page")


def test_the_decision_owner_choices_are_the_members_of_that_items_case(client, table, work):
    sign_in(client, table.prevention)
    response = client.get(reverse("cases:meeting", args=[work.meeting.pk]))
    assert response.status_code == 200
    owners_a = _owner_choices(response, work.item_a)
    owners_b = _owner_choices(response, work.item_b)
    assert table.invited.pk in owners_a and table.other_member.pk not in owners_a
    assert table.other_member.pk in owners_b and table.invited.pk not in owners_b
    for core in (table.mayor, table.prevention, table.police):
        assert core.pk in owners_a and core.pk in owners_b


def test_a_decision_owned_by_an_invitee_of_another_case_is_refused(table, work):
    before = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        decision_record(
            by=table.prevention, item=work.item_a, text="Follow up.", owner=table.other_member
        )
    assert "owner" in refused.value.message_dict
    assert Decision.objects.count() == before


def test_a_plan_action_owned_by_an_invitee_of_another_case_is_refused(table, work):
    import datetime

    from samen.cases.models import PlanAction
    from samen.cases.support_actions import plan_action_add

    before = PlanAction.objects.count()
    due = datetime.date.today() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        plan_action_add(
            by=table.invited,
            plan=work.plan,
            description="Huisbezoek.",
            owner=table.other_member,
            due_on=due,
        )
    assert "owner" in refused.value.message_dict
    assert PlanAction.objects.count() == before
    plan_action_add(
        by=table.invited, plan=work.plan, description="Huisbezoek.", owner=table.invited, due_on=due
    )
    assert PlanAction.objects.count() == before + 1


def test_the_decision_form_refuses_an_owner_from_another_case(client, table, work):
    sign_in(client, table.prevention)
    before = Decision.objects.count()
    response = client.post(
        reverse("cases:item_decision", args=[work.meeting.pk, work.item_a.pk]),
        {"text": "Follow up.", "owner": table.other_member.pk},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302
    assert Decision.objects.count() == before
    decision_record(by=table.prevention, item=work.item_a, text="Ok.", owner=table.invited)
    assert Decision.objects.count() == before + 1


# M2: what people write about the person in a case or referral is encrypted at rest.

PURPOSE = "Purpose-secret: contacts with a violent group at school."
CLOSURE = "Closure-secret: moved abroad with the family."
REJECTION = "Rejection-secret: a dispute between neighbours, nothing extremist."


def _raw(table_name: str, column: str, pk: int) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name
        cursor.execute(
            f"SELECT {quoted(column)} FROM {quoted(table_name)} WHERE id = %s",  # noqa: S608
            [pk],
        )
        return cursor.fetchone()[0]


def _refer_and_reject(table, personas, reason=REJECTION):
    from samen.cases.actions import referral_reject, referral_submit

    referral = referral_submit(
        by=personas.partner, name="Tom Claes", reason="Remarks.", extremism_type="islamist"
    )
    return referral_reject(by=table.mayor, referral=referral, reason=reason)


def test_purpose_closure_and_rejection_reasons_are_not_readable_in_the_database(table, personas):
    from samen.cases.actions import case_close
    from samen.cases.models import Case, Referral
    from tests.cases.conftest import open_case

    case = open_case("Ann Smets", purpose=PURPOSE)
    case_close(by=table.mayor, case=case, reason=CLOSURE, follow_up_needed=True)
    referral = _refer_and_reject(table, personas)
    case_table, referral_table = Case._meta.db_table, Referral._meta.db_table
    for raw, clear in (
        (_raw(case_table, "purpose", case.pk), PURPOSE),
        (_raw(case_table, "closure_reason", case.pk), CLOSURE),
        (_raw(referral_table, "rejection_reason", referral.pk), REJECTION),
    ):
        assert raw and "secret" not in raw and clear not in raw
    case.refresh_from_db()
    referral.refresh_from_db()
    assert (case.purpose, case.closure_reason) == (PURPOSE, CLOSURE)
    assert referral.rejection_reason == REJECTION


def test_key_rotation_covers_the_new_encrypted_fields():
    from samen.cases.models import Case, Referral
    from samen.cases.rotation import encrypted_models

    fields = {model: names for model, names in encrypted_models()}
    assert {"purpose", "closure_reason"} <= set(fields[Case])
    assert "rejection_reason" in fields[Referral]


def test_anonymising_blanks_the_encrypted_purpose_and_reason(table):
    import datetime

    import time_machine
    from django.utils import timezone

    from samen.cases.actions import case_close
    from samen.cases.models import Case
    from samen.cases.retention import case_retention_run

    case_close(by=table.mayor, case=table.case, reason=CLOSURE, follow_up_needed=False)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400), tick=False):
        assert case_retention_run(by=None).cases == 1
    case = Case.objects.get(pk=table.case.pk)
    assert case.purpose == "" and case.closure_reason == ""
    assert _raw(Case._meta.db_table, "purpose", case.pk) == ""


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_plaintext_and_reverses():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    from samen.cases import crypto

    before, after = [("cases", "0002_case_work")], [("cases", "0003_encrypt_case_text")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = MigrationExecutor(connection).loader.project_state(before).apps
        Case = old.get_model("cases", "Case")
        case = Case.objects.create(
            reference="LIVC-2020-0001",
            purpose=PURPOSE,
            closure_reason="",
            extremism_type="islamist",
            age_band="18-24",
            review_on=timezone.localdate(),
            opened_at=timezone.now(),
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
        raw = _raw(Case._meta.db_table, "purpose", case.pk)
        assert PURPOSE not in raw and crypto.decrypt(raw) == PURPOSE
        assert _raw(Case._meta.db_table, "closure_reason", case.pk) == ""
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        assert _raw(Case._meta.db_table, "purpose", case.pk) == PURPOSE
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


# L1: the tables by type and by age band of the same cases are suppressed together.


def _stat_moment(month):
    import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(2025, month, 10, 10))


def test_a_total_hidden_in_the_type_table_is_hidden_in_the_age_table(personas):
    import datetime

    from samen.cases.statistics import HIDDEN, SMALL, case_statistics
    from tests.cases.conftest import open_case

    born = datetime.date(2003, 1, 1)  # 22 in 2025: every case in the same age band
    for number in range(4):
        open_case(f"Rechts {number}", opened_at=_stat_moment(2), birth_date=born)
        open_case(
            f"Islamist {number}",
            extremism_type="islamist",
            opened_at=_stat_moment(2),
            birth_date=born,
        )
    tables = case_statistics(2025)
    by_type, by_age = tables["opened_by_type"], tables["opened_by_age"]
    q1_type, q1_age = dict(by_type.rows)["Q1"], dict(by_age.rows)["Q1"]
    right = by_type.columns.index("right-wing extremism")
    islamist = by_type.columns.index("Islamist extremism")
    assert q1_type[right] == SMALL and q1_type[islamist] == SMALL
    assert q1_type[-1] == HIDDEN
    # The same total in the age table is hidden too, and 8 appears nowhere.
    assert q1_age[-1] == HIDDEN
    for table in (by_type, by_age):
        for _label, cells in table.rows:
            assert 8 not in cells
    assert _recoverable(tables["opened_by_type"], tables["opened_by_age"]) == []


def _bounds(cell):
    from samen.cases.statistics import HIDDEN, SMALL

    if cell == SMALL:
        return (1, 4)
    if cell == HIDDEN:  # hidden: not zero (zero is always shown), possibly small
        return (1, float("inf"))
    return (cell, cell)


def _recoverable(*tables):
    """What a reader can pin down from published, linked tables: the cells shown as "<5" or
    "x" whose value follows exactly from the row and column sums of all the tables together
    ("<5" is 1 to 4, "x" at least 1), narrowing cell by cell until nothing changes. The
    totals column is one variable shared by every table, since each table counts the same
    cases: a total shown in one table is known when reading the other."""
    known: dict = {}
    relations = []
    labels = [label for label, _cells in tables[0].rows]
    quarters = [label for label in labels if label != "year"]

    def key(number, label, column, width):
        return ("total", label) if column == width else (number, label, column)

    for number, table in enumerate(tables):
        width = len(table.columns)
        for label, cells in table.rows:
            for column, cell in enumerate(cells):
                low, high = _bounds(cell)
                cell_key = key(number, label, column, width)
                if cell_key in known:
                    assert known[cell_key][2] == cell, "a shared total shown differently"
                else:
                    known[cell_key] = [low, high, cell]
            relations.append((("total", label), [(number, label, c) for c in range(width)]))
        for column in range(width + 1):
            relations.append(
                (
                    key(number, "year", column, width),
                    [key(number, q, column, width) for q in quarters],
                )
            )
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            lows = sum(known[p][0] for p in parts)
            highs = sum(known[p][1] for p in parts)
            implied = [(total, lows, highs)]
            for part in parts:
                others_low, others_high = lows - known[part][0], highs - known[part][1]
                implied.append((part, known[total][0] - others_high, known[total][1] - others_low))
            for cell_key, low, high in implied:
                new_low, new_high = max(known[cell_key][0], low), min(known[cell_key][1], high)
                assert new_low <= new_high, "the published sums contradict each other"
                if (new_low, new_high) != (known[cell_key][0], known[cell_key][1]):
                    known[cell_key][0], known[cell_key][1] = new_low, new_high
                    changed = True
    return sorted(
        (k for k, (low, high, cell) in known.items() if isinstance(cell, str) and low == high),
        key=repr,
    )


def test_no_suppressed_cell_can_be_worked_out_from_the_linked_tables():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from samen.cases.models import AgeBand, ExtremismType
    from samen.cases.statistics import linked_tables

    types, bands = list(ExtremismType.choices), list(AgeBand.choices)
    case = st.tuples(
        st.sampled_from([1, 2, 3, 4]),
        st.sampled_from([code for code, _label in types]),
        st.sampled_from([code for code, _label in bands]),
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(case, max_size=40))
    def check(cases):
        by_type: dict = {}
        by_age: dict = {}
        for quarter, kind, band in cases:
            by_type[quarter, kind] = by_type.get((quarter, kind), 0) + 1
            by_age[quarter, band] = by_age.get((quarter, band), 0) + 1
        tables = linked_tables(
            {"by_type": by_type, "by_age": by_age}, {"by_type": types, "by_age": bands}
        )
        one, two = tables["by_type"], tables["by_age"]
        for table in (one, two):
            for _label, cells in table.rows:
                assert all(c in ("<5", "x") or c == 0 or c >= 5 for c in cells)
        assert _recoverable(one, two) == [], (cases, one.rows, two.rows)

    check()


# L2: the blind index keeps the letters of every script.


def _old_normalise(name: str) -> str:
    """The normalisation before the fix, to show Latin names keep their index."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_name.casefold()).split()
    return " ".join(sorted(words))


@pytest.mark.parametrize(
    "name",
    [
        "Jan Peeters",
        "Ömer  van Dam",
        "Zoë Dubois-Lefèvre",
        "François Müller",
        "José Ñúñez",
        "Şahin Çelik",
        "Zdeněk Dvořák",
        "Björn Ångström",
    ],
)
def test_latin_names_with_accents_keep_the_index_they_had(name):
    import hashlib
    import hmac

    from samen.cases import crypto

    assert crypto.normalise_name(name) == _old_normalise(name)
    old_index = hmac.new(
        crypto.index_key(), _old_normalise(name).encode(), hashlib.sha256
    ).hexdigest()
    assert crypto.name_index(name) == old_index


def test_names_in_other_scripts_have_an_index_of_their_own():
    from samen.cases import crypto

    for name in ("Иван Петров", "محمد العلي", "Łukasz Nowak"):
        assert crypto.normalise_name(name) and len(crypto.name_index(name)) == 64
    assert crypto.name_index("Иван Петров") == crypto.name_index("петров  ИВАН")
    assert crypto.name_index("Иван Петров") != crypto.name_index("Иван Сидоров")
    assert crypto.name_index("محمد العلي") != crypto.name_index("أحمد العلي")
    # Vowel signs are marks: written with or without them, the name is the same.
    assert crypto.name_index("مُحَمَّد") == crypto.name_index("محمد")
    assert crypto.name_index("Łukasz Nowak") != crypto.name_index("ukasz Nowak")
    assert crypto.name_index("Łukasz Nowak") == crypto.name_index("nowak ŁUKASZ")


def test_a_case_about_a_person_named_in_cyrillic_can_be_opened_and_found(table):
    from samen.cases import crypto
    from samen.cases.models import CasePerson
    from tests.cases.conftest import open_case

    case = open_case("Иван Петров")
    found = CasePerson.objects.get(name_index=crypto.name_index("петров иван"))
    assert found.case_id == case.pk
    assert not CasePerson.objects.filter(name_index=crypto.name_index("Иван Сидоров")).exists()


def test_the_migration_recomputes_indexes_made_without_the_other_scripts(table):
    import hashlib
    import hmac
    import importlib

    from django.apps import apps

    from samen.cases import crypto
    from samen.cases.models import CasePerson
    from tests.cases.conftest import open_case

    case = open_case("Łukasz Nowak")
    stale = hmac.new(
        crypto.index_key(), _old_normalise("Łukasz Nowak").encode(), hashlib.sha256
    ).hexdigest()
    CasePerson.objects.filter(case=case).update(name_index=stale)
    unchanged = CasePerson.objects.get(case=table.case).name_index
    migration = importlib.import_module("samen.cases.migrations.0004_recompute_name_index")
    migration.recompute(apps, None)
    assert CasePerson.objects.get(case=case).name_index == crypto.name_index("Łukasz Nowak")
    assert CasePerson.objects.get(case=table.case).name_index == unchanged


# L3: referrals waiting for a decision are not kept forever.


def _later(days: int):
    import datetime

    import time_machine
    from django.utils import timezone

    return time_machine.travel(timezone.now() + datetime.timedelta(days=days), tick=False)


def _refer(by, name: str):
    from samen.cases.actions import referral_submit

    return referral_submit(by=by, name=name, reason="Zorgen.", extremism_type="other")


def test_pending_referrals_about_an_anonymised_case_go_with_it(table, personas, settings):
    from samen.audit.models import AuditRecord
    from samen.cases.actions import case_close
    from samen.cases.models import Referral
    from samen.cases.retention import case_retention_run, expired

    settings.SAMEN_CASE_REFERRAL_RETENTION_DAYS = 1000  # only the match with the case counts
    # table.case is about Jan Peeters; a referral about him waits, another about someone else.
    about_him = _refer(personas.partner, "peeters JAN")
    someone_else = _refer(personas.partner, "Ruben Maes")
    with _later(10):
        case_close(by=table.mayor, case=table.case, reason="Afgerond.", follow_up_needed=False)
    with _later(200):  # sent after the case closed: a new question, decided on its own
        after_closing = _refer(personas.partner, "Jan Peeters")
    with _later(300):
        assert expired().pending_referrals == 0
    with _later(380):
        found = expired()
        assert found.cases == 1 and found.pending_referrals == 1
        run = case_retention_run(by=None)
    assert run.cases == 1 and run.pending_referrals == 1 and run.referrals == 1
    remaining = set(Referral.objects.values_list("pk", flat=True))
    assert about_him.pk not in remaining
    assert {someone_else.pk, after_closing.pk} <= remaining
    record = AuditRecord.objects.filter(object_repr__startswith="Retention").get()
    retention = record.additional_data["retention"]
    assert retention["pending_referrals"] == 1 and retention["referrals"] == 1
    text = f"{record.object_repr} {record.changes} {record.additional_data}"
    assert "Peeters" not in text and "Maes" not in text


def test_pending_referrals_older_than_the_period_are_deleted(table, personas, settings):
    from samen.cases.models import Referral
    from samen.cases.retention import case_retention_run

    settings.SAMEN_CASE_REFERRAL_RETENTION_DAYS = 30
    old = _refer(personas.partner, "Lotte Wouters")
    with _later(20):
        recent = _refer(personas.partner, "Bram Jacobs")
    with _later(29):
        assert case_retention_run(by=None).pending_referrals == 0
    with _later(32):
        run = case_retention_run(by=None)
    assert (run.pending_referrals, run.referrals, run.cases) == (1, 1, 0)
    assert list(Referral.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


# L4: case references are random, count nothing and are never given twice.


class _Choices:
    """Stands in for `secrets` in samen.cases.actions: choice() gives these characters."""

    def __init__(self, text: str):
        self.characters = iter(text)

    def choice(self, _alphabet):
        return next(self.characters)


def test_references_are_random_and_reveal_no_count(table):
    import re

    from django.utils import timezone

    from samen.cases.actions import REFERENCE_ALPHABET
    from tests.cases.conftest import open_case

    year = timezone.localdate().year
    pattern = re.compile(rf"^LIVC-{year}-[{REFERENCE_ALPHABET}]{{6}}$")
    cases = [table.case, table.other_case, *(open_case(f"Persoon {n}") for n in range(10))]
    references = [case.reference for case in cases]
    assert all(pattern.match(reference) for reference in references), references
    assert len(set(references)) == len(references)
    assert not any(ch in reference[10:] for reference in references for ch in "01ILOU")
    assert f"LIVC-{year}-0001" not in references and f"LIVC-{year}-0012" not in references


def test_a_removed_cases_reference_is_never_given_again(table, monkeypatch):
    from samen.cases import actions
    from samen.cases.models import Case
    from tests.cases.conftest import open_case

    removed = actions.case_remove(by=table.mayor, case=table.case)
    live = table.other_case.reference
    code = removed.rsplit("-", 1)[1]
    # The random draw gives the removed reference, then a live one, then a new one.
    monkeypatch.setattr(actions, "secrets", _Choices(code + live.rsplit("-", 1)[1] + "ABCDEF"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-ABCDEF")
    assert not Case.objects.filter(reference=removed).exists()


def test_a_reference_taken_meanwhile_is_drawn_again(table, monkeypatch):
    from samen.cases import actions
    from tests.cases.conftest import open_case

    live = table.other_case.reference
    real = actions._reference_taken
    asked: list[str] = []

    def taken_after_the_check(reference):
        asked.append(reference)
        # The first check misses that another request saved this reference just now.
        return False if len(asked) == 1 else real(reference)

    monkeypatch.setattr(actions, "_reference_taken", taken_after_the_check)
    monkeypatch.setattr(actions, "secrets", _Choices(live.rsplit("-", 1)[1] + "XYZ234"))
    case = open_case("Nieuwe Persoon")
    assert case.reference.endswith("-XYZ234")
    assert table.other_case.reference == live
