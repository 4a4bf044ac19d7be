"""Notifications, e-mails and preferences as stored: a notification says its kind's text in the
reader's language (a generic one for a kind no longer known), one per key, one e-mail per
person and period, and the trail follows choices and e-mails but not notifications."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from samen.audit.models import AuditRecord
from samen.notifications.models import Delivery, Mail, Notification, Preference

pytestmark = pytest.mark.django_db


def make(personas, kind="test.open", key="", **params) -> Notification:
    return Notification.objects.create(
        recipient=personas.frontline, kind=kind, params=params, url="/x/", key=key
    )


def test_a_notification_says_its_kind_in_the_readers_language(kinds, personas):
    notification = make(personas, subject="Budget 2027")
    with translation.override("en"):
        assert notification.text == "Budget 2027 waits for your answer"
        assert notification.label == "A test waits for your answer"
    assert str(notification) == "test.open"


def test_a_kind_no_longer_known_says_a_generic_text(kinds, personas):
    notification = make(personas, kind="test.gone", subject="Budget 2027")
    with translation.override("en"):
        assert notification.text == notification.label == "A notification"
    with translation.override("nl"):
        assert notification.text != "A notification"


def test_one_notification_per_key_but_any_number_without_one(kinds, personas):
    make(personas)
    make(personas)
    make(personas, key="meeting-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make(personas, key="meeting-1")
    assert Notification.objects.count() == 3


def test_one_mail_per_person_frequency_and_period(personas):
    mail = Mail.objects.create(
        recipient=personas.frontline, frequency=Delivery.DAILY, period="2026-03-02"
    )
    with translation.override("en"):
        assert str(mail) == "A daily e-mail digest 2026-03-02"
    Mail.objects.create(
        recipient=personas.frontline, frequency=Delivery.WEEKLY, period="2026-03-02"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Mail.objects.create(
            recipient=personas.frontline, frequency=Delivery.DAILY, period="2026-03-02"
        )


def test_one_preference_per_person_and_kind(personas):
    preference = Preference.objects.create(
        person=personas.frontline, kind="test.open", delivery=Delivery.OFF
    )
    assert str(preference) == "test.open: off"
    with pytest.raises(IntegrityError), transaction.atomic():
        Preference.objects.create(
            person=personas.frontline, kind="test.open", delivery=Delivery.WEEKLY
        )


def test_the_trail_follows_preferences_and_mails_not_notifications(kinds, personas):
    preference = Preference.objects.create(
        person=personas.frontline, kind="test.open", delivery=Delivery.OFF
    )
    mail = Mail.objects.create(
        recipient=personas.frontline, frequency=Delivery.IMMEDIATELY, period="1"
    )
    notification = make(personas)
    assert AuditRecord.objects.get_for_object(preference).count() == 1
    assert AuditRecord.objects.get_for_object(mail).count() == 1
    assert not AuditRecord.objects.get_for_object(notification).exists()
    mail.next_attempt_at = mail.created.replace(year=2030)
    mail.save()
    assert AuditRecord.objects.get_for_object(mail).count() == 1  # next_attempt_at not followed
