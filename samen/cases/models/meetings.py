"""Meetings of the case consultation: date, place and chair, an agenda of cases, who attended,
and per case item its minutes and decisions.

A meeting itself names no case; everything about a case hangs on its agenda item, so the
meeting page can show each member only the items of cases they may know of.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.fields import EncryptedTextField
from samen.cases.models.cases import Case
from samen.cases.models.table import ConsultationCycle


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class OwnedAction(models.Model):
    """Something agreed that someone does by a deadline: a meeting's decision or a plan's action."""

    owner_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("owner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_overdue(self, today: datetime.date) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on is not None and self.due_on < today


class Meeting(models.Model):
    """One sitting of the consultation, in a meeting cycle."""

    cycle = models.ForeignKey(
        ConsultationCycle,
        verbose_name=_("meeting cycle"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("location"), max_length=200)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        related_name="chaired_case_meetings",
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField(_("scheduled"), auto_now_add=True)

    class Meta:
        verbose_name = _("case meeting")
        verbose_name_plural = _("case meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on.isoformat()} #{self.pk}"


class AgendaItem(models.Model):
    """A case on a meeting's agenda, with the minutes of its discussion."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    minutes = EncryptedTextField(_("minutes"), blank=True)
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes_at = models.DateTimeField(_("minutes written"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="case_once_per_meeting")
        ]

    def __str__(self) -> str:
        # The trail may name the case's reference: it is no more than the case's own str().
        return f"{self.meeting_id}: {self.case}"


class Attendance(models.Model):
    """Whether a member was present at a meeting or excused."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("attendance"), max_length=8, choices=Status.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.user_id} {self.status}"


class Decision(OwnedAction):
    """What the meeting decided about one case, and who does it by when."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = EncryptedTextField(_("decision"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.pk}"


track(Meeting)
track(AgendaItem, sensitive=("minutes",))
track(Attendance)
track(Decision, sensitive=("text",))
