import pytest
from django.urls import reverse

from tests.conftest import get_as, signed_in_a_while, without_tokens

pytestmark = pytest.mark.django_db

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


def test_everyone_sees_the_signals_they_filed(client, personas, file_signal):
    elsewhere = file_signal(personas.coordinator, personas.berchem)
    url = reverse("signals:detail", args=[elsewhere.pk])
    assert get_as(client, personas.coordinator, url).status_code == 200
    assert get_as(client, personas.frontline, url).status_code == 404


def test_the_signal_list_has_a_fixed_number_of_queries(
    client, personas, signals, file_signal, django_assert_max_num_queries
):
    signed_in_a_while(client, personas.analyst)
    for _ in range(5):
        file_signal(personas.frontline, personas.borgerhout)
    with django_assert_max_num_queries(17):
        assert client.get(reverse("signals:list")).status_code == 200
