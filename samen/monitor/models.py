"""The tension monitor's records: the weekly counts of signals and the tension levels.

Both tables were the signals module's, and keep their names (migrations 0001 and 0002).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track


class WeeklyCount(models.Model):
    """Counts per place, week and category, kept up to date by the signal actions.

    The signals module writes them through samen.core.counters (samen.monitor.counting).

    The monitor and the dashboards read these rows only, so their cost depends on the weeks
    and places shown, never on how many signals history holds. `category` empty = all.
    """

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    week = models.DateField()
    category = models.ForeignKey(
        "signals.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(default=0)
    weighted = models.PositiveIntegerField(default=0)  # sum of severities

    class Meta:
        db_table = "signals_weeklycount"  # the table it had in the signals module, rows kept
        constraints = [
            models.UniqueConstraint(
                fields=["place", "week", "category"], name="weekly_count_per_category"
            ),
            models.UniqueConstraint(
                fields=["place", "week"],
                condition=Q(category__isnull=True),
                name="weekly_count_all_categories",
            ),
        ]
        indexes = [models.Index(fields=["place", "category", "week"])]

    def __str__(self) -> str:
        return f"{self.place_id} {self.week} {self.category_id or '*'}: {self.count}"


class TensionLevel(models.Model):
    """A district coordinator's judgement of a district's tension in one week.

    Every judgement is kept; the latest per district and week is the current one.
    """

    class Level(models.IntegerChoices):
        NORMAL = 1, _("1 – normal")
        ELEVATED = 2, _("2 – elevated")
        HIGH = 3, _("3 – high")
        CRITICAL = 4, _("4 – critical")

    place = models.ForeignKey(
        "places.Place", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )
    week = models.DateField(_("week"))
    level = models.PositiveSmallIntegerField(_("tension level"), choices=Level.choices)
    rationale = models.TextField(_("rationale"), max_length=2000)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "signals_tensionlevel"  # the table it had in the signals module, rows kept
        verbose_name = _("tension level")
        verbose_name_plural = _("tension levels")
        ordering = ["-week", "-set_at", "-pk"]
        indexes = [models.Index(fields=["place", "-week", "-set_at"])]

    def __str__(self) -> str:
        return f"{self.place} {self.week}: {self.level}"


track(TensionLevel)
