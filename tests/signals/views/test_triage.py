import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.signals import actions
from samen.signals.models import Signal
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


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


def test_a_follow_up_takes_a_due_date_and_refuses_one_in_the_past(client, personas, signals):
    signal = signals["borgerhout"]
    actions.signal_review(by=personas.coordinator, signal=signal)
    client.force_login(personas.coordinator)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    url = reverse("signals:follow_up", args=[signal.pk])
    past = timezone.localdate() - datetime.timedelta(days=1)
    refused = client.post(url, {"kind": "mediation", "due_on": past.isoformat()})
    assert refused.status_code == 400
    assert "The due date cannot be in the past." in refused.content.decode()
    assert not signal.follow_ups.exists()
    due = timezone.localdate() + datetime.timedelta(days=5)
    assert client.post(url, {"kind": "mediation", "due_on": due.isoformat()}).status_code == 302
    assert signal.follow_ups.get().due_on == due
    page = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert "due by" in page
