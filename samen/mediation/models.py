"""Neighbourhood mediation: disputes between parties, their sessions, outcome and aftercare check.

Party details (a party's name, contact and street, the intake description, the session
summaries and the notes on outcome and aftercare check) are for the mediator and the
mediation coordinators only; everything else is an anonymous fact (see access.py).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samen.audit.registry import track
from samen.mediation.periods import idle_removal_on

# An aftercare check shows as due this many days before its date.
DUE_SOON = datetime.timedelta(days=14)


class MediationCoordinator(models.Model):
    """A staff member who coordinates mediations, in one district or the whole city.

    A duty, not a role: administrators designate it in the administration. A coordinator
    assigns mediators and sees the party details of every mediation in their scope.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.PROTECT,
        related_name="mediation_coordinations",
    )
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="+",
        help_text=_("Leave empty for the whole city."),
    )
    since = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("mediation coordinator")
        verbose_name_plural = _("mediation coordinators")
        ordering = ["district__name_nl", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "district"], name="one_mediation_coordination_per_district"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(district__isnull=True),
                name="one_city_wide_mediation_coordination",
            ),
        ]

    def __str__(self) -> str:
        scope = self.district.name if self.district_id else _("whole city")
        return f"{self.user} ({scope})"


class MediationQuerySet(models.QuerySet):
    def open(self) -> MediationQuerySet:
        return self.exclude(status=Mediation.Status.CLOSED)

    def idle_since_before(self, moment: datetime.datetime) -> MediationQuerySet:
        """Open mediations still holding party data, with no activity since before `moment`."""
        return self.open().filter(
            last_activity_at__lt=moment, personal_data_removed_at__isnull=True
        )


class Mediation(models.Model):
    """A dispute between neighbours (residents or groups), handled by a mediator."""

    class Kind(models.TextChoices):
        NOISE = "noise", _("noise")
        NUISANCE = "nuisance", _("nuisance")
        PARKING = "parking", _("parking")
        CHILDREN = "children", _("children")
        ANIMALS = "animals", _("animals")
        DISCRIMINATION = "discrimination", _("discrimination")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        # In context: "closed" is feminine in French for a mediation, and taken elsewhere.
        INTAKE = "intake", pgettext_lazy("mediation status", "intake")
        ASSIGNED = "assigned", pgettext_lazy("mediation status", "mediator assigned")
        IN_SESSIONS = "in_sessions", pgettext_lazy("mediation status", "in sessions")
        CLOSED = "closed", pgettext_lazy("mediation status", "closed")

    class Outcome(models.TextChoices):
        """How a mediation ended; the mediator chooses, except for LAPSED.

        LAPSED is set by the retention run alone, when it removes the party data of an open
        mediation that had no activity for the whole retention period (retention.py). Such a
        mediation is closed rather than left open: without its parties nobody can go on with
        it, and coordinators expect the open mediations in their lists and counts to be the
        ones still worked on. It gets an outcome of its own, not "no agreement", so that the
        outcome figures keep disputes that stalled apart from talks that failed; and no
        aftercare check, since nothing was agreed and nobody is left to ask.
        """

        AGREEMENT = "agreement", _("agreement")
        PARTIAL = "partial", _("partial agreement")
        NONE = "none", _("no agreement")
        REFERRED = "referred", _("referred elsewhere")
        LAPSED = "lapsed", _("lapsed without activity")

    class AftercareResult(models.TextChoices):
        HOLDS = "holds", _("the agreement holds")
        PARTLY = "partly", _("it partly holds")
        BROKEN = "broken", _("the dispute is back")
        UNREACHABLE = "unreachable", _("the parties could not be reached")

    kind = models.CharField(_("kind of conflict"), max_length=16, choices=Kind.choices)
    district = models.ForeignKey(
        "places.Place", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    neighbourhood = models.ForeignKey(
        "places.Place",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.INTAKE
    )
    description = models.TextField(_("what the dispute is about"), max_length=2000, blank=True)
    signal = models.ForeignKey(
        "signals.Signal",
        verbose_name=_("follows up signal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("opened at"), default=timezone.now)
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mediator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mediations",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("note on the outcome"), max_length=2000, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The aftercare check's columns keep the names they had as the "follow-up check", so the
    # rename changed no table (migration 0003_aftercare_check).
    aftercare_due = models.DateField(
        _("aftercare check due"), null=True, blank=True, db_column="follow_up_due"
    )
    aftercare_done_at = models.DateTimeField(
        _("aftercare check done at"), null=True, blank=True, db_column="follow_up_done_at"
    )
    aftercare_done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_column="follow_up_done_by_id",
    )
    aftercare_result = models.CharField(
        _("aftercare check result"),
        max_length=12,
        choices=AftercareResult.choices,
        blank=True,
        db_column="follow_up_result",
    )
    aftercare_note = models.TextField(
        _("note on the aftercare check"), max_length=2000, blank=True, db_column="follow_up_note"
    )
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed at"), null=True, blank=True
    )
    # The intake, an assignment, a new party or a session: what keeps an open mediation's
    # party data from the retention run (retention.py). Set by those actions only.
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    objects = MediationQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation")
        verbose_name_plural = _("mediations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["district", "status"]),
            models.Index(fields=["mediator", "status"]),
            models.Index(
                fields=["closed_at"],
                name="mediation_retention_idx",
                condition=Q(personal_data_removed_at__isnull=True),
            ),
            models.Index(
                fields=["last_activity_at"],
                name="mediation_idle_idx",
                condition=Q(personal_data_removed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        # Never a party's name: this text appears in the audit trail and in lists.
        return _("Mediation %(number)s") % {"number": self.pk}

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def lapsed(self) -> bool:
        return self.outcome == self.Outcome.LAPSED

    @property
    def idle_removal_on(self) -> datetime.date | None:
        """For an open mediation idle past the warning period: the day its party data goes."""
        return idle_removal_on(self)

    @property
    def aftercare_state(self) -> str:
        """'done', 'overdue', 'due', 'planned', or '' before closing."""
        if self.aftercare_done_at:
            return "done"
        if self.aftercare_due is None:
            return ""
        today = timezone.localdate()
        if self.aftercare_due < today:
            return "overdue"
        return "due" if self.aftercare_due <= today + DUE_SOON else "planned"


class Party(models.Model):
    """One side of a dispute: a resident or a group. Addresses to street level only."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", _("resident")
        GROUP = "group", _("group")

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("party"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150, blank=True)
    contact = models.CharField(_("contact"), max_length=150, blank=True)
    street = models.CharField(_("street"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["pk"]

    def __str__(self) -> str:
        # The audit trail names attendees by this text: never the party's name.
        return _("Party %(number)s of mediation %(mediation)s") % {
            "number": self.pk,
            "mediation": self.mediation_id,
        }


class Session(models.Model):
    """A mediation session: when, which parties came, and a summary (a party detail)."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    attended = models.ManyToManyField(
        Party, verbose_name=_("who came"), blank=True, related_name="sessions_attended"
    )
    summary = models.TextField(_("summary"), max_length=4000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return _("Session of mediation %(mediation)s on %(day)s") % {
            "mediation": self.mediation_id,
            "day": self.held_on.isoformat(),
        }


# Party details change in the trail as "[redacted]": it says that they changed, never what to.
track(MediationCoordinator)
# The last activity is bookkeeping: the action that set it is in the trail already.
track(
    Mediation,
    sensitive=("description", "outcome_note", "aftercare_note"),
    exclude=("last_activity_at",),
    confidential=True,
)
track(Party, sensitive=("name", "contact", "street"))
track(Session, sensitive=("summary",), m2m=("attended",))
