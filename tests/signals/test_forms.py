"""The signal forms validate; the actions write (samen/signals/forms.py)."""

import datetime

import pytest
from django.utils import timezone

from samen.signals.forms import FollowUpForm, MergeForm, SignalForm
from samen.signals.models import Category, Signal

pytestmark = pytest.mark.django_db


def intake(personas, **overrides) -> dict:
    data = {
        "district": personas.borgerhout.pk,
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=2)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "categories": [Category.objects.get(code="youth-groups").pk],
        "severity": "2",
        "source_type": "own_observation",
        "information_class": "evidenced",
        "confidence": "2",
        "text": "Spanning tussen twee groepen jongeren op het plein.",
    }
    data.update(overrides)
    return data


def test_a_good_intake_gives_the_signal_fields_and_stores_nothing(personas):
    form = SignalForm(intake(personas), user=personas.frontline)
    assert form.is_valid(), form.errors
    fields = form.signal_fields()
    assert fields.district == personas.borgerhout
    assert [c.code for c in fields.categories] == ["youth-groups"]
    assert fields.severity == 2 and fields.confidence == 2
    assert not Signal.objects.exists()


def test_personal_data_in_the_text_is_refused_under_the_text(personas):
    form = SignalForm(
        intake(personas, text="Bel de buurman op 0470 12 34 56 over het lawaai."),
        user=personas.frontline,
    )
    assert not form.is_valid()
    assert "text" in form.errors
    assert "phone" in " ".join(form.errors["text"]).lower()


def test_missing_fields_are_named_each(personas):
    form = SignalForm(intake(personas, categories=[], text=""), user=personas.frontline)
    assert not form.is_valid()
    assert {"categories", "text"} <= set(form.errors)


def test_a_new_form_starts_in_the_reporters_district_with_categories_in_use(personas):
    Category.objects.filter(code="housing").update(is_active=False)
    form = SignalForm(user=personas.frontline)
    assert form.initial["district"] == personas.borgerhout.pk
    offered = form.fields["categories"].queryset
    assert offered.filter(code="racism").exists()
    assert not offered.filter(code="housing").exists()  # out of use
    assert not offered.filter(parent__isnull=True).exists()  # group headings
    assert "district" not in SignalForm(user=personas.analyst).initial


def test_a_follow_up_needs_its_kind_and_a_merge_a_signal_number():
    assert FollowUpForm({"kind": "mediation"}).is_valid()
    assert "kind" in FollowUpForm({"kind": ""}).errors
    assert MergeForm({"into": "12"}).is_valid()
    assert "into" in MergeForm({"into": "0"}).errors
