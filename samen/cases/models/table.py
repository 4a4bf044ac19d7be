"""Who sits at the table: the fixed core seats, the mayor's delegations, the meeting cycles
and each member's acknowledgement of the confidentiality rules for a meeting.

Seats, delegations and invitations (samen.cases.models.cases) are grants: each grants nothing
until someone other than its proposer confirms it, and only while it was confirmed or
re-confirmed within SAMEN_CASE_RECERTIFY_MONTHS (the rules are in samen.cases.access).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track


class Clearance(models.IntegerChoices):
    """Belgian security clearance levels, lowest first, so that levels compare as numbers."""

    NONE = 0, _("none")
    CONFIDENTIAL = 1, _("confidential")
    SECRET = 2, _("secret")
    TOP_SECRET = 3, _("top secret")


# The law asks the police representative to hold at least "secret" clearance.
POLICE_MINIMUM_CLEARANCE = Clearance.SECRET


class Grant(models.Model):
    """What a seat, a delegation and an invitation share: who proposed it, who confirmed it,
    and until when that confirmation holds.

    Security-critical. A grant opens nothing while `confirmed_at` is empty, nor after
    `confirmed_until` (the last day of the period from its last confirmation or
    re-confirmation); samen.cases.access turns this into the database conditions that every
    list, count and page uses.
    """

    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    recertified_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    confirmed_until = models.DateField(_("confirmed until"), null=True, blank=True)
    # When the nightly run first saw the grant lapse (the lapse itself is by date).
    lapse_recorded_at = models.DateTimeField(_("lapse recorded"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def holder(self):
        raise NotImplementedError

    def is_confirmed_on(self, day: datetime.date) -> bool:
        """Whether the grant's confirmation holds on `day` (access.confirmed_rule in Python)."""
        return (
            self.confirmed_at is not None
            and self.confirmed_until is not None
            and self.confirmed_until >= day
        )


class CoreSeat(Grant):
    """A seat of the fixed core of the case consultation, configured per city."""

    class Kind(models.TextChoices):
        MAYOR = "mayor", _("mayor")
        MAYOR_REPRESENTATIVE = "mayor_representative", _("mayor's representative")
        PREVENTION_OFFICIAL = "prevention_official", _("municipal prevention official")
        POLICE = "police", _("police representative")

    kind = models.CharField(_("seat"), max_length=32, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="case_seats",
    )
    city = models.ForeignKey(
        "places.Place",
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "city"},
        related_name="+",
    )
    clearance = models.PositiveSmallIntegerField(
        _("security clearance"), choices=Clearance.choices, default=Clearance.NONE
    )
    clearance_expires_on = models.DateField(_("clearance valid until"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("core seat")
        verbose_name_plural = _("core seats")
        constraints = [
            models.UniqueConstraint(fields=["kind", "user", "city"], name="one_seat_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"

    def clean(self) -> None:
        # Administrators configure the table; they never sit at it (see access/cases.py).
        if self.user_id and self.user.role == "administrator":
            raise ValidationError(
                {"user": _("Administrators cannot sit at the case consultation.")}
            )
        if self.kind == self.Kind.POLICE and self.clearance < POLICE_MINIMUM_CLEARANCE:
            raise ValidationError(
                {"clearance": _("The police representative needs at least secret clearance.")}
            )

    @property
    def holder(self):
        return self.user

    def grants_access(self, today: datetime.date) -> bool:
        """Whether this seat opens the case list today: active, confirmed and re-confirmed in
        time, and for the police seat a clearance of at least "secret" that has not expired."""
        if not self.is_active or not self.is_confirmed_on(today):
            return False
        if self.kind != self.Kind.POLICE:
            return True
        return (
            self.clearance >= POLICE_MINIMUM_CLEARANCE
            and self.clearance_expires_on is not None
            and self.clearance_expires_on >= today
        )


class Delegation(Grant):
    """The mayor lets a core member open, close and remove cases in their place, for a period."""

    mayor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_delegations_given"
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegate"),
        on_delete=models.PROTECT,
        related_name="case_delegations",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegation of the case list")
        verbose_name_plural = _("delegations of the case list")

    def __str__(self) -> str:
        return f"{self.delegate} ({self.starts_on} – {self.ends_on})"

    @property
    def holder(self):
        return self.delegate


class ConsultationCycle(models.Model):
    """A meeting cycle of the case consultation.

    Meetings hang on a cycle; a cycle is current from its first to its last day.
    """

    title = models.CharField(_("title"), max_length=120)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting cycle")
        verbose_name_plural = _("meeting cycles")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cycle_ends_after"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Acknowledgement(models.Model):
    """That a member acknowledged the confidentiality rules for a meeting, and when.

    The acknowledgement for a meeting covers reading from then until the date of the next
    meeting the member is called to (samen.cases.access.meeting_to_acknowledge).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_acknowledgements"
    )
    meeting = models.ForeignKey(
        "cases.Meeting",
        verbose_name=_("meeting"),
        null=True,
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    # History only: the cycle an acknowledgement given before acknowledgements were per
    # meeting was for (migration 0005 carried each to the meetings of its cycle).
    cycle = models.ForeignKey(
        ConsultationCycle,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acknowledgements",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), auto_now_add=True)
    rules_version = models.CharField(max_length=16)

    class Meta:
        verbose_name = _("acknowledgement of confidentiality")
        verbose_name_plural = _("acknowledgements of confidentiality")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "meeting"], name="one_acknowledgement_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.meeting or self.cycle}"


track(CoreSeat)
track(Delegation)
track(ConsultationCycle)
track(Acknowledgement)
