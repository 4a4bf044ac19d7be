"""The pages: intake, a mediation's page and the work on it, the list, export and panels."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    mediation_close,
)
from samen.mediation.models import Mediation, Party, Session
from samen.mediation.periods import idle_removal_on
from tests.conftest import get_as, signed_in_a_while
from tests.mediation.conftest import (
    NEIGHBOUR,
    NOTE,
    NOW,
    REFUSED,
    RESIDENT,
    STREET,
    SUMMARY,
    check_state,
    idle_since,
    local,
)
from tests.mediation.test_retention import purge, record_activity, stalled_intake

pytestmark = pytest.mark.django_db


def intake(personas, **overrides) -> dict:
    data = {
        "kind": "parking",
        "district": personas.borgerhout.pk,
        "neighbourhood": "",
        "description": "Een oprit wordt steeds geblokkeerd.",
        "party1-kind": "resident",
        "party1-name": RESIDENT,
        "party1-contact": "griet@example.test",
        "party1-street": STREET,
        "party2-kind": "group",
        "party2-name": "Bewoners van het blok",
        "party2-contact": "",
        "party2-street": "",
        "party3-kind": "resident",
        "party3-name": "",
        "party3-contact": "",
        "party3-street": "",
    }
    data.update(overrides)
    return data


def test_intake_opens_a_mediation_with_its_named_parties(client, personas):
    client.force_login(personas.frontline)
    response = client.post(reverse("mediation:new"), intake(personas))
    mediation = Mediation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("mediation:detail", args=[mediation.pk])
    assert mediation.kind == "parking" and mediation.created_by == personas.frontline
    assert sorted(mediation.parties.values_list("name", flat=True)) == [
        "Bewoners van het blok",
        RESIDENT,
    ]


def test_intake_refuses_a_house_number_with_a_clear_message_and_stores_nothing(client, personas):
    client.force_login(personas.frontline)
    before = AuditRecord.objects.count()
    response = client.post(
        reverse("mediation:new"), intake(personas, **{"party1-street": "Kroonstraat 12 bus 3"})
    )
    assert response.status_code == 400
    assert "Give the street name only" in response.text or "alleen de straatnaam" in response.text
    assert not Mediation.objects.exists() and not Party.objects.exists()
    assert AuditRecord.objects.count() == before


def test_intake_speaks_dutch_by_default(client, personas):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("mediation:new"), intake(personas, **{"party1-street": "Kroonstraat 12"})
    )
    assert "De bemiddeling werd niet geopend" in response.text
    assert "Geef alleen de straatnaam" in response.text


def test_intake_needs_a_first_party_and_a_kind(client, personas):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("mediation:new"),
        intake(personas, kind="", **{"party1-name": "", "party3-street": "Kroonstraat"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.context["form"].errors["kind"]
    assert response.context["parties"][0].errors["name"]
    assert response.context["parties"][2].errors["name"]  # a street without a name
    assert not Mediation.objects.exists()


def test_the_mediator_records_a_session_closes_and_checks(client, mediation_people, assigned):
    client.force_login(mediation_people.mediator)
    first = assigned.parties.first()
    response = client.post(
        reverse("mediation:session_record", args=[assigned.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "attended": [first.pk],
            "summary": "Afspraken over parkeren gemaakt.",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert list(session.attended.all()) == [first]

    page = client.get(reverse("mediation:detail", args=[assigned.pk])).text
    assert "Afspraken over parkeren gemaakt." in page

    response = client.post(
        reverse("mediation:close", args=[assigned.pk]), {"outcome": "partial", "note": ""}
    )
    assert response.status_code == 302
    assigned.refresh_from_db()
    assert assigned.outcome == "partial" and assigned.aftercare_due is not None

    response = client.post(
        reverse("mediation:aftercare_check", args=[assigned.pk]), {"result": "partly"}
    )
    assert response.status_code == 302
    assigned.refresh_from_db()
    assert assigned.aftercare_result == "partly"


def test_a_bad_session_shows_the_page_again_and_changes_nothing(client, mediation_people, assigned):
    client.force_login(mediation_people.mediator)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("mediation:session_record", args=[assigned.pk]),
        {"held_on": tomorrow.isoformat(), "summary": "Te vroeg."},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.context["session_form"].errors["held_on"]
    assert not Session.objects.exists()


def test_the_coordinator_assigns_through_the_page(
    client, personas, mediation_people, open_mediation
):
    mediation = open_mediation()
    client.force_login(mediation_people.borgerhout_mc)
    page = client.get(reverse("mediation:detail", args=[mediation.pk]))
    assert "assign_form" in page.context
    response = client.post(
        reverse("mediation:assign", args=[mediation.pk]), {"mediator": personas.frontline.pk}
    )
    assert response.status_code == 302
    mediation.refresh_from_db()
    assert mediation.mediator == personas.frontline


def test_a_house_number_added_later_is_refused_too(client, mediation_people, assigned):
    client.force_login(mediation_people.mediator)
    response = client.post(
        reverse("mediation:party_add", args=[assigned.pk]),
        {
            "party-kind": "resident",
            "party-name": "Jan Claes",
            "party-street": "Lange Lobroekstraat 7",
        },
    )
    assert response.status_code == 400
    assert assigned.parties.count() == 2


def test_the_list_filters_and_its_query_count_does_not_grow(
    client, personas, mediation_people, open_mediation
):
    for _number in range(3):
        open_mediation()
    client.force_login(personas.coordinator)
    url = reverse("mediation:list")
    client.get(url)  # the first request also loads the session and content types
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _number in range(6):
        open_mediation()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["page"]) == 9
    assert len(many) == len(few)
    assert not client.get(url, {"status": "closed"}).context["page"].object_list
    assert len(client.get(url, {"status": "open", "kind": "noise"}).context["page"]) == 9


def test_the_aftercare_filter_finds_overdue_checks(client, personas, mediation_people, assigned):
    mediation_close(by=mediation_people.mediator, mediation=assigned, outcome="agreement")
    Mediation.objects.filter(pk=assigned.pk).update(
        aftercare_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    client.force_login(personas.coordinator)
    overdue = client.get(reverse("mediation:list"), {"aftercare": "overdue"})
    assert [m.pk for m in overdue.context["page"]] == [assigned.pk]
    assert not client.get(reverse("mediation:list"), {"aftercare": "due"}).context["page"]


def test_a_bookmark_with_the_old_follow_up_filter_still_filters(
    client, personas, mediation_people, assigned
):
    mediation_close(by=mediation_people.mediator, mediation=assigned, outcome="agreement")
    Mediation.objects.filter(pk=assigned.pk).update(
        aftercare_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    client.force_login(personas.coordinator)
    overdue = client.get(reverse("mediation:list"), {"follow_up": "overdue"})
    assert [m.pk for m in overdue.context["page"]] == [assigned.pk]
    assert overdue.context["form"]["aftercare"].value() == "overdue"
    assert not client.get(reverse("mediation:list"), {"follow_up": "due"}).context["page"]
    due = client.get(reverse("mediation:export_csv"), {"follow_up": "due"})
    assert len(b"".join(due.streaming_content).decode().strip().splitlines()) == 1


def test_the_export_holds_the_facts_and_no_party_detail(client, personas, assigned):
    client.force_login(personas.coordinator)
    response = client.get(reverse("mediation:export_csv"), HTTP_ACCEPT_LANGUAGE="en")
    content = b"".join(response.streaming_content).decode()
    assert response.status_code == 200
    assert str(assigned.pk) in content and "noise" in content.lower() or "lawaai" in content
    for secret in (RESIDENT, NEIGHBOUR, STREET, "Luide muziek", "0470"):
        assert secret not in content


def test_the_district_page_counts_and_lists_open_mediations(client, personas, assigned):
    response = get_as(client, personas.coordinator, reverse("places:detail", args=["11002S"]))
    panel = next(p for p in response.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["open_count"] == 1
    assert list(panel.context["mediations"]) == [assigned]
    assert reverse("mediation:detail", args=[assigned.pk]) in response.text
    assert RESIDENT not in response.text


def test_the_district_panel_follows_the_list_rule(client, personas, assigned):
    # The prevention officer may open district pages but sees no mediations.
    response = get_as(client, personas.prevention, reverse("places:detail", args=["11002S"]))
    assert response.status_code == 200
    assert not any(p.template.startswith("mediation/") for p in response.context["panels"])


def test_the_home_page_shows_the_mediator_their_mediations(client, mediation_people, assigned):
    response = get_as(client, mediation_people.mediator, reverse("home"))
    panel = next(p for p in response.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["open_mine"] == [assigned]
    assert panel.context["waiting"] is None


def test_the_home_page_tells_a_coordinator_what_waits(client, mediation_people, open_mediation):
    open_mediation()
    response = get_as(client, mediation_people.borgerhout_mc, reverse("home"))
    panel = next(p for p in response.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["waiting"] == 1


@pytest.mark.parametrize(
    ("who", "shown"),
    [("frontline", True), ("coordinator", True), ("analyst", True), ("partner", False)],
)
def test_the_menu_offers_mediation_to_those_who_use_it(client, personas, who, shown):
    response = get_as(client, getattr(personas, who), reverse("home"))
    urls = [item.url for item in response.context["nav_items"]]
    assert (reverse("mediation:list") in urls) == shown


@pytest.mark.parametrize(("who", "offered"), [("frontline", True), ("analyst", False)])
def test_the_list_offers_an_intake_only_to_those_who_may_take_it(client, personas, who, offered):
    response = get_as(client, getattr(personas, who), reverse("mediation:list"))
    assert (reverse("mediation:new") in response.text) == offered


def test_the_mediation_list_has_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
):
    signed_in_a_while(client, personas.coordinator)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("mediation:list")).status_code == 200


def page_now(client, person, mediation):
    client.force_login(person)
    with time_machine.travel(NOW, tick=False):
        return client.get(
            reverse("mediation:detail", args=[mediation.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )


def post_check(client, person, mediation, **data):
    client.force_login(person)
    with time_machine.travel(NOW, tick=False):
        return client.post(
            reverse("mediation:aftercare_check", args=[mediation.pk]),
            data,
            HTTP_ACCEPT_LANGUAGE="en",
        )


def test_the_page_offers_the_check_without_a_note_once_the_data_is_removed(
    client, mediation_people, removed
):
    for person in (mediation_people.mediator, mediation_people.borgerhout_mc):
        response = page_now(client, person, removed)
        assert response.status_code == 200
        form = response.context["check_form"]
        assert list(form.fields) == ["result"]
        assert reverse("mediation:aftercare_check", args=[removed.pk]) in response.text
        assert 'name="result"' in response.text and 'name="note"' not in response.text
        assert "record only what the check found, without a note" in response.text


def test_a_note_posted_anyway_is_refused_beside_its_field_and_changes_nothing(
    client, mediation_people, removed
):
    response = post_check(client, mediation_people.mediator, removed, result="holds", note=NOTE)
    assert response.status_code == 400
    assert REFUSED in " ".join(response.context["check_form"].errors["note"])
    assert check_state(removed) == ("", "", None, None)


def test_the_result_alone_is_recorded_from_the_page(client, mediation_people, removed):
    response = post_check(client, mediation_people.mediator, removed, result="unreachable")
    assert response.status_code == 302
    assert check_state(removed)[:2] == ("unreachable", "")
    assert "check_form" not in page_now(client, mediation_people.mediator, removed).context


def test_the_page_still_offers_the_note_while_the_data_is_kept(client, mediation_people, kept):
    response = page_now(client, mediation_people.mediator, kept)
    assert list(response.context["check_form"].fields) == ["result", "note"]
    assert 'name="note"' in response.text and "without a note" not in response.text
    response = post_check(client, mediation_people.mediator, kept, result="holds", note=NOTE)
    assert response.status_code == 302
    assert check_state(kept)[:2] == ("holds", NOTE)


def test_the_page_says_it_in_dutch_and_french(client, mediation_people, removed):
    client.force_login(mediation_people.mediator)
    url = reverse("mediation:detail", args=[removed.pk])
    assert "zonder notitie" in client.get(url, HTTP_ACCEPT_LANGUAGE="nl").text
    assert "sans note" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").text


def page(client, person, mediation):
    client.force_login(person)
    return client.get(reverse("mediation:detail", args=[mediation.pk]), HTTP_ACCEPT_LANGUAGE="en")


def day_in_english(day: datetime.date, form: str = "DATE_FORMAT") -> str:
    with translation.override("en"):
        return date_format(day, form)


WARNING = "the party data will be removed on"


def test_the_warning_comes_after_the_warning_period_and_not_before(
    client, mediation_people, open_mediation
):
    mediation = idle_since(local(2024, 8, 1, 4, 0), mediation_people, open_mediation)

    with time_machine.travel(NOW, tick=False):  # exactly 24 months: not yet
        assert idle_removal_on(mediation) is None
        assert WARNING not in page(client, mediation_people.mediator, mediation).text
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        assert idle_removal_on(mediation) == datetime.date(2027, 8, 1)
        response = page(client, mediation_people.mediator, mediation)
    assert WARNING in response.text
    assert day_in_english(datetime.date(2027, 8, 1)) in response.text
    assert day_in_english(datetime.date(2024, 8, 1)) in response.text  # idle since


def test_activity_takes_the_warning_away(client, mediation_people, open_mediation):
    mediation = idle_since(local(2024, 1, 8, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert idle_removal_on(mediation) == datetime.date(2027, 1, 8)
        record_activity("session", mediation, mediation_people)
        assert idle_removal_on(mediation) is None
        assert WARNING not in page(client, mediation_people.mediator, mediation).text


def test_everyone_who_sees_the_mediation_sees_the_warning(
    client, personas, mediation_people, open_mediation
):
    mediation = stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        for person in (mediation_people.borgerhout_mc, personas.coordinator, personas.analyst):
            response = page(client, person, mediation)
            assert response.status_code == 200
            assert WARNING in response.text, person
            assert RESIDENT not in response.text or person == mediation_people.borgerhout_mc


def test_the_list_marks_idle_mediations_and_filters_them(
    client, personas, mediation_people, open_mediation
):
    idle = stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    recent = stalled_intake(local(2026, 5, 4, 9, 0), open_mediation)
    url = reverse("mediation:list")
    client.force_login(personas.coordinator)
    with time_machine.travel(NOW, tick=False):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        filtered = client.get(url, {"status": "idle"})
        idle_days = {m.pk: m.idle_removal_on for m in response.context["page"]}
    assert idle_days == {idle.pk: datetime.date(2027, 2, 5), recent.pk: None}
    assert response.text.count("party data to be removed on") == 1
    assert day_in_english(datetime.date(2027, 2, 5), "SHORT_DATE_FORMAT") in response.text
    assert [m.pk for m in filtered.context["page"]] == [idle.pk]


def test_the_list_query_count_does_not_grow_with_idle_mediations(client, personas, open_mediation):
    url = reverse("mediation:list")
    client.force_login(personas.coordinator)
    for _number in range(2):
        stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
    for _number in range(5):
        stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_after_the_purge_the_page_says_why_the_data_went(
    client, personas, mediation_people, open_mediation
):
    mediation = idle_since(local(2023, 6, 5, 10, 0), mediation_people, open_mediation)
    purge()
    response = page(client, mediation_people.mediator, mediation)
    assert response.status_code == 200 and response.context["details"].removed
    assert "no activity since" in response.text
    assert day_in_english(datetime.date(2023, 6, 5)) in response.text
    assert day_in_english(NOW.date()) in response.text
    assert "lapsed without activity" in response.text
    for form in ("session_form", "party_form", "close_form", "check_form", "assign_form"):
        assert form not in response.context
    assert SUMMARY not in response.text and RESIDENT not in response.text
    # Someone who never sees parties learns only that they went, and when.
    response = page(client, personas.coordinator, mediation)
    assert "no activity since" in response.text
