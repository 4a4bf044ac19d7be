import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.signals.models import Category, Signal
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


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
