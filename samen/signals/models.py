"""Signals of tension from the field, their categories and triage."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.names import TranslatedName
from samen.core.weeks import week_of


class Category(TranslatedName, models.Model):
    """A node of the category tree: the three groups at the top, their categories below."""

    class Group(models.TextChoices):
        EXTREMISM = "extremism", _("extremism type")
        POLARISATION = "polarisation", _("polarisation theme")
        LIFE_DOMAIN = "life_domain", _("life domain")

    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("signal category")
        verbose_name_plural = _("signal categories")
        ordering = ["group", "order", "name_nl"]

    def __str__(self) -> str:
        return self.name


class SignalImport(models.Model):
    """A batch of signals imported from a CSV file: the provenance of every row in it."""

    file_name = models.CharField(_("file"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signal import")
        verbose_name_plural = _("signal imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows})"


class SignalQuerySet(models.QuerySet):
    def counted(self) -> SignalQuerySet:
        """Signals that count in statistics: not merged into another."""
        return self.filter(merged_into__isnull=True)


class Signal(models.Model):
    """An observation of tension or concern in a place: situations and dynamics, never names."""

    class Severity(models.IntegerChoices):
        LOW = 1, _("1 – low")
        MODERATE = 2, _("2 – moderate")
        SERIOUS = 3, _("3 – serious")
        CRITICAL = 4, _("4 – critical")

    class SourceType(models.TextChoices):
        OWN_OBSERVATION = "own_observation", _("own observation")
        RESIDENT = "resident", _("resident")
        PARTNER = "partner", _("partner organisation")
        MEDIA = "media", _("media or online")
        OTHER = "other", _("other")

    class InformationClass(models.TextChoices):
        EVIDENCED = "evidenced", _("evidenced")
        EXPERIENCED = "experienced", _("experienced")
        POTENTIAL = "potential", _("potential")

    class Confidence(models.IntegerChoices):
        LOW = 1, _("not sure")
        MEDIUM = 2, _("fairly sure")
        HIGH = 3, _("sure")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        REVIEWED = "reviewed", _("reviewed")
        FOLLOWED_UP = "followed_up", _("followed up")
        CLOSED = "closed", _("closed")

    # No index of their own for district, neighbourhood and reporter: the composite indexes
    # in Meta start with them and serve the same lookups. Every index is written on every
    # insert: a million-row import paid for each (bench/signal_import.py).
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="district_signals",
        db_index=False,
    )
    neighbourhood = models.ForeignKey(
        "places.Place",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="neighbourhood_signals",
        db_index=False,
    )
    occurred_at = models.DateTimeField(_("when it happened"))
    week = models.DateField(_("week"), editable=False)
    categories = models.ManyToManyField(Category, verbose_name=_("categories"), blank=False)
    severity = models.PositiveSmallIntegerField(
        _("severity"),
        choices=Severity.choices,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    source_type = models.CharField(_("source"), max_length=16, choices=SourceType.choices)
    information_class = models.CharField(
        _("information class"), max_length=12, choices=InformationClass.choices
    )
    confidence = models.PositiveSmallIntegerField(
        _("how sure the reporter is"), choices=Confidence.choices
    )
    text = models.TextField(_("what happened"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="signals_reported",
        db_index=False,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    shared_with = models.ManyToManyField(
        "people.Organisation",
        verbose_name=_("shared with"),
        blank=True,
        related_name="shared_signals",
    )
    # Empty on every new signal: indexed only where filled (Meta), so inserts skip them.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
        db_index=False,
    )
    imported_in = models.ForeignKey(
        SignalImport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signals",
        db_index=False,  # partial, in Meta
    )
    text_purged_at = models.DateTimeField(_("text removed at"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            # The list's order (views/lists.py): its page is read from the index's start
            # instead of sorting every signal of the period.
            models.Index(fields=["-occurred_at", "-id"], name="signal_list_order_idx"),
            models.Index(fields=["district", "-occurred_at"]),
            # Partial where most rows hold nothing: a signal filed without a neighbourhood or
            # outside an import writes no entry (all of them on the same last page).
            models.Index(
                fields=["neighbourhood", "-occurred_at"],
                name="signal_neighbourhood_idx",
                condition=Q(neighbourhood__isnull=False),
            ),
            models.Index(fields=["reporter", "-occurred_at"]),
            models.Index(fields=["status", "district"]),
            models.Index(
                fields=["created_at"],
                name="signal_retention_idx",
                condition=Q(text_purged_at__isnull=True),
            ),
            *(
                models.Index(
                    fields=[name],
                    name=f"signal_{name}_idx",
                    condition=Q(**{f"{name}__isnull": False}),
                )
                for name in ("reviewed_by", "closed_by", "merged_into", "imported_in")
            ),
        ]

    def __str__(self) -> str:
        return _("Signal %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        self.set_week()
        super().save(*args, **kwargs)

    def set_week(self) -> None:
        """The Monday of the week it happened in, which the weekly counts go by."""
        self.week = week_of(self.occurred_at)

    def get_additional_data(self) -> dict | None:
        """What the audit trail adds to this signal's record (set by the writing action)."""
        return getattr(self, "audit_extra", None)


class FollowUp(models.Model):
    """What a signal led to: a mediation, a restore plan, an initiative or a referral.

    The later modules fill `reference` with their own record ("mediation:42"); a referral to
    the case-consultation chair carries no case reference here, by design.
    """

    class Kind(models.TextChoices):
        MEDIATION = "mediation", _("mediation")
        RESTORE_PLAN = "restore_plan", _("restore plan")
        INITIATIVE = "initiative", _("initiative")
        REFERRAL = "referral", _("referral to the case-consultation chair")
        OTHER = "other", _("other")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="follow_ups")
    # The signal's district, kept here so that a district's open follow-ups are found by an
    # index of open ones, whatever the length of its history (bench/dashboards.py).
    district = models.ForeignKey(
        "places.Place", on_delete=models.PROTECT, related_name="+", editable=False
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reference = models.CharField(_("reference"), max_length=80, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # When the one who linked it means to have it done; they are reminded (signals.reminders).
    due_on = models.DateField(_("due by"), null=True, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["district", "-created_at"],
                condition=Q(is_open=True),
                name="open_follow_ups_by_district",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.signal_id})"


class Comment(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    text_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return _("Comment on signal %(number)s") % {"number": self.signal_id}


track(Category, named=True)
track(SignalImport)
# The signal's own text is personal-data adjacent and purged after its retention period;
# the trail records that it changed, never the words.
track(Signal, sensitive=("text",), exclude=("week",), m2m=("categories", "shared_with"))
# Follow-up notes are free text, purged with the signal's text: never in the trail.
track(FollowUp, sensitive=("note",))
track(Comment, sensitive=("text",))
