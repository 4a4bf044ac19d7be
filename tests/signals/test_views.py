import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
from samen.signals.models import Category, Signal
from tests.conftest import get_as, without_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals(personas, file_signal):
    """One signal in Borgerhout, one in Berchem by the Berchem worker, one in Berchem by the
    Borgerhout worker, one shared with the partner's organisation."""
    school = organisation_create(by=None, name="School", policy_level="flemish")
    OrganisationMembership.objects.create(user=personas.partner, organisation=school)
    borgerhout = file_signal(personas.frontline, personas.borgerhout)
    berchem = file_signal(personas.other_frontline, personas.berchem)
    own_elsewhere = file_signal(personas.frontline, personas.berchem)
    shared = file_signal(personas.analyst, personas.berchem)
    shared.shared_with.add(school)
    return {"borgerhout": borgerhout, "berchem": berchem, "own": own_elsewhere, "shared": shared}


VISIBLE = {
    "admin": {"borgerhout", "berchem", "own", "shared"},
    "analyst": {"borgerhout", "berchem", "own", "shared"},
    "coordinator": {"borgerhout"},
    "frontline": {"borgerhout", "own"},
    "other_frontline": {"berchem", "own", "shared"},
    "partner": {"shared"},
    "dpo": set(),
    "prevention": set(),
}


@pytest.mark.parametrize("who", sorted(VISIBLE))
def test_list_and_detail_follow_the_same_rule(client, personas, signals, who):
    person = getattr(personas, who)
    response = get_as(client, person, reverse("signals:list"), data={"period": "4"})
    listed = {s.pk for s in response.context["page"]} if response.status_code == 200 else set()
    expected = {signals[name].pk for name in VISIBLE[who]}
    assert listed == expected
    for name, signal in signals.items():
        detail = client.get(reverse("signals:detail", args=[signal.pk]))
        assert detail.status_code == (200 if name in VISIBLE[who] else 404), (who, name)


def test_anonymous_gets_the_login_page(client, signals):
    for url in [
        reverse("signals:list"),
        reverse("signals:new"),
        reverse("signals:detail", args=[signals["borgerhout"].pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_absent_and_forbidden_signals_look_the_same(client, personas, signals):
    client.force_login(personas.coordinator)
    forbidden = client.get(reverse("signals:detail", args=[signals["berchem"].pk]))
    absent = client.get(reverse("signals:detail", args=[999999]))
    assert forbidden.status_code == absent.status_code == 404
    asked = f"/signals/{signals['berchem'].pk}/".encode()
    page = forbidden.content.replace(asked, b"/signals/ID/")
    assert without_tokens(page) == without_tokens(
        absent.content.replace(b"/signals/999999/", b"/signals/ID/")
    )


def test_a_referral_makes_the_signal_visible_to_the_prevention_officer(client, personas, signals):
    from samen.signals import actions

    signal = signals["borgerhout"]
    actions.signal_review(by=personas.coordinator, signal=signal)
    actions.signal_follow_up(by=personas.coordinator, signal=signal, kind="referral")
    assert (
        get_as(client, personas.prevention, reverse("signals:detail", args=[signal.pk])).status_code
        == 200
    )


def intake(place, **overrides):
    data = {
        "district": place.pk,
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "categories": [Category.objects.get(code="racism").pk],
        "severity": "2",
        "source_type": "resident",
        "information_class": "experienced",
        "confidence": "2",
        "text": "Scheldpartij aan de tramhalte, meerdere omstaanders.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("who", "status"),
    [("frontline", 200), ("coordinator", 200), ("analyst", 200), ("partner", 200), ("dpo", 403)],
)
def test_intake_form_by_role(client, personas, who, status):
    assert get_as(client, getattr(personas, who), reverse("signals:new")).status_code == status


def test_filing_a_signal_through_the_form(client, personas):
    client.force_login(personas.frontline)
    response = client.post(reverse("signals:new"), intake(personas.borgerhout))
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("signals:detail", args=[signal.pk])
    assert signal.reporter == personas.frontline
    assert signal.categories.get().code == "racism"


def test_the_form_starts_in_the_home_district(client, personas):
    response = get_as(client, personas.frontline, reverse("signals:new"))
    assert response.context["form"].initial["district"] == personas.borgerhout.pk


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": "Contact: 0470/12.34.56"}, "text"),
        ({"severity": "7"}, "severity"),
        ({"categories": []}, "categories"),
        ({"occurred_at": "gisteren"}, "occurred_at"),
        ({"district": "999999"}, "district"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(client, personas, overrides, field):
    client.force_login(personas.frontline)
    response = client.post(reverse("signals:new"), intake(personas.borgerhout, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="error-summary" role="alert"' in response.content.decode()
    assert not Signal.objects.exists()


def test_the_personal_data_message_points_at_the_words(client, personas):
    client.force_login(personas.frontline)
    response = client.post(
        reverse("signals:new"), intake(personas.borgerhout, text="Mail naar iemand@voorbeeld.be")
    )
    assert "iemand@voorbeeld.be" in response.context["form"].errors["text"][0]


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 302), ("analyst", 302), ("frontline", 403), ("other_frontline", 404)],
)
def test_review_is_for_triage_roles(client, personas, signals, who, status):
    client.force_login(getattr(personas, who))
    response = client.post(reverse("signals:review", args=[signals["borgerhout"].pk]))
    assert response.status_code == status
    signals["borgerhout"].refresh_from_db()
    assert (signals["borgerhout"].status == "reviewed") == (status == 302)


def test_triage_actions_need_post(client, personas, signals):
    client.force_login(personas.coordinator)
    for name in ["review", "close", "comment", "follow_up", "merge"]:
        url = reverse(f"signals:{name}", args=[signals["borgerhout"].pk])
        assert client.get(url).status_code == 405


def test_comment_follow_up_close_and_merge_through_the_page(client, personas, signals):
    client.force_login(personas.coordinator)
    pk = signals["borgerhout"].pk
    client.post(reverse("signals:comment", args=[pk]), {"text": "Ik ga langs bij de school."})
    client.post(reverse("signals:review", args=[pk]))
    client.post(
        reverse("signals:follow_up", args=[pk]), {"kind": "mediation", "reference": "", "note": ""}
    )
    other = Signal.objects.create(
        district=personas.borgerhout,
        occurred_at=timezone.now(),
        severity=1,
        source_type="other",
        information_class="potential",
        confidence=1,
    )
    client.post(reverse("signals:merge", args=[other.pk]), {"into": pk})
    signal = Signal.objects.get(pk=pk)
    assert signal.status == "followed_up"
    assert signal.comments.count() == 1
    assert signal.duplicates.get() == other
    response = client.post(reverse("signals:close", args=[pk]), follow=True)
    assert Signal.objects.get(pk=pk).status == "closed"
    assert response.status_code == 200


def test_merging_into_an_invisible_signal_is_404(client, personas, signals):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("signals:merge", args=[signals["borgerhout"].pk]), {"into": signals["berchem"].pk}
    )
    assert response.status_code == 404
    assert Signal.objects.get(pk=signals["borgerhout"].pk).merged_into is None


def test_a_bad_transition_shows_a_message(client, personas, signals):
    client.force_login(personas.coordinator)
    pk = signals["borgerhout"].pk
    response = client.post(reverse("signals:follow_up", args=[pk]), {"kind": "mediation"})
    assert response.status_code == 400
    assert response.context["follow_up_form"].non_field_errors()
    assert Signal.objects.get(pk=pk).status == "new"


def test_list_query_count_does_not_grow(client, personas, signals, file_signal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(personas.analyst)
    client.get(reverse("signals:list"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("signals:list"))
        return len(captured)

    before = queries()
    for _ in range(20):
        file_signal(personas.frontline, personas.borgerhout)
    assert queries() == before


def test_a_refused_comment_keeps_what_was_typed(client, personas, signals):
    client.force_login(personas.coordinator)
    pk = signals["borgerhout"].pk
    text = "Bel de buurvrouw op 0470 12 34 56 morgen."
    response = client.post(reverse("signals:comment", args=[pk]), {"text": text})
    assert response.status_code == 400
    assert response.context["comment_form"]["text"].value() == text
    assert "0470 12 34 56" in response.context["comment_form"].errors["text"][0]
    assert not Signal.objects.get(pk=pk).comments.exists()


def test_sharing_with_a_partner_organisation(client, personas, signals):
    school = personas.partner.organisations.get()
    pk = signals["borgerhout"].pk
    assert get_as(client, personas.partner, reverse("signals:detail", args=[pk])).status_code == 404
    client.force_login(personas.coordinator)
    client.post(reverse("signals:share", args=[pk]), {"organisation": school.pk})
    assert get_as(client, personas.partner, reverse("signals:detail", args=[pk])).status_code == 200
    client.force_login(personas.frontline)
    assert (
        client.post(reverse("signals:share", args=[pk]), {"organisation": school.pk}).status_code
        == 403
    )


def test_the_reporter_is_shown_to_triage_roles_and_the_reporter_only(client, personas, signals):
    school = personas.partner.organisations.get()
    signal = signals["borgerhout"]
    signal.shared_with.add(school)
    url = reverse("signals:detail", args=[signal.pk])
    assert get_as(client, personas.partner, url).context["show_reporter"] is False
    assert get_as(client, personas.coordinator, url).context["show_reporter"] is True
    assert get_as(client, personas.frontline, url).context["show_reporter"] is True


def test_a_follow_up_is_marked_done(client, personas, signals):
    from samen.signals import actions

    signal = signals["borgerhout"]
    actions.signal_review(by=personas.coordinator, signal=signal)
    follow_up = actions.signal_follow_up(by=personas.coordinator, signal=signal, kind="mediation")
    url = reverse("signals:follow_up_done", args=[signal.pk, follow_up.pk])
    client.force_login(personas.frontline)
    assert client.post(url).status_code == 403
    client.force_login(personas.coordinator)
    assert client.post(url).status_code == 302
    follow_up.refresh_from_db()
    assert not follow_up.is_open


def test_everyone_sees_the_signals_they_filed(client, personas, file_signal):
    elsewhere = file_signal(personas.coordinator, personas.berchem)
    url = reverse("signals:detail", args=[elsewhere.pk])
    assert get_as(client, personas.coordinator, url).status_code == 200
    assert get_as(client, personas.frontline, url).status_code == 404
