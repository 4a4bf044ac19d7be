"""A case's support plan: actions with owners and deadlines, reviews, closure, and the
aftercare reviews scheduled after closure (6 and 12 months by default)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.fields import EncryptedTextField
from samen.cases.models.cases import Case
from samen.cases.models.meetings import OwnedAction

# An aftercare review is "due" this many days before its date (and overdue after it).
DUE_SOON_DAYS = 30


class SupportPlan(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="support_plan")
    opened_at = models.DateTimeField(_("started"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closure_reason = EncryptedTextField(_("reason for closing"), blank=True)

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")

    def __str__(self) -> str:
        return f"{self.case_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class PlanAction(OwnedAction):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    description = EncryptedTextField(_("action"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("action of a support plan")
        verbose_name_plural = _("actions of support plans")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.pk}"


class PlanReview(models.Model):
    """A dated note on how the plan goes."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("date of the review"))
    note = EncryptedTextField(_("review"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("review of a support plan")
        verbose_name_plural = _("reviews of support plans")
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.reviewed_on.isoformat()}"


class AftercareReview(models.Model):
    """A review some months after the plan closed: due on a date, recorded when done."""

    plan = models.ForeignKey(
        SupportPlan, on_delete=models.CASCADE, related_name="aftercare_reviews"
    )
    months_after = models.PositiveSmallIntegerField(_("months after closing"))
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    note = EncryptedTextField(_("outcome"), blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("aftercare review")
        verbose_name_plural = _("aftercare reviews")
        # Its table from when it was the "follow-up review" (migration 0008_aftercare).
        db_table = "cases_followupreview"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.due_on.isoformat()}"

    def state(self, today: datetime.date) -> str:
        """ "done", "overdue", "due" (within DUE_SOON_DAYS) or "planned"."""
        if self.done_on is not None:
            return "done"
        if self.due_on < today:
            return "overdue"
        if (self.due_on - today).days <= DUE_SOON_DAYS:
            return "due"
        return "planned"


track(SupportPlan, sensitive=("closure_reason",))
track(PlanAction, sensitive=("description",))
track(PlanReview, sensitive=("note",))
track(AftercareReview, sensitive=("note",))
