"""District indicators: what is counted, per place and period, and the formulas over it.

The model is DHIS2's, kept small: a data element is what is counted; a value is one data
element for one statistical sector (or one place) and one period; an indicator is a formula
over data elements. Values given per statistical sector are summed up to neighbourhood,
district and city by samen.indicators.rollup into `Aggregate` rows, which the pages read.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.names import TranslatedName, in_language

CODE_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]{0,59}$",
    _("Use 1 to 60 lower-case letters, digits and underscores, starting with a letter."),
)
FIRST_YEAR, LAST_YEAR = 1900, 2200


def reference_day(year: int, quarter: int = 0) -> datetime.date:
    """The day a period's figures describe: its first day (figures are as of 1 January)."""
    return datetime.date(year, 1 + 3 * (quarter - 1) if quarter else 1, 1)


def period_label(year: int, quarter: int = 0) -> str:
    return f"{year} Q{quarter}" if quarter else str(year)


class DataElement(TranslatedName, models.Model):
    """What is counted or measured: residents, births, median taxable income, ..."""

    class Unit(models.TextChoices):
        COUNT = "count", _("count")
        EURO = "euro", _("euro")
        PERCENT = "percent", _("percent")
        SCORE = "score", _("score")

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.COUNT)
    summable = models.BooleanField(
        _("may be summed across places"),
        default=True,
        help_text=_(
            "Counts of people or things may be summed from statistical sectors to the city; "
            "medians, shares and survey scores may not, and are shown only where given."
        ),
    )
    source = models.CharField(_("source"), max_length=200)
    licence = models.CharField(_("licence"), max_length=200)
    attribution = models.CharField(
        _("attribution"),
        max_length=300,
        blank=True,
        help_text=_("The words the licence asks to show wherever the figures are shown."),
    )

    class Meta:
        verbose_name = _("data element")
        verbose_name_plural = _("data elements")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class StatisticalSector(models.Model):
    """A statistical sector and the neighbourhood and district it lies in (from the lookup).

    A sector without a district (the city's "unknown" sector) counts for the city only.
    """

    code = models.CharField(_("code"), max_length=16, unique=True)
    neighbourhood = models.ForeignKey(
        "places.Place",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("statistical sector")
        verbose_name_plural = _("statistical sectors")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class SourceMapping(models.Model):
    """How one source's files read: which column holds the place, the year, and each data
    element. Saved so that next year's file imports in one command."""

    class Layout(models.TextChoices):
        SECTORS = "sectors", _("one row per statistical sector and year (CD_SECTOR)")
        PLACES = "places", _("one row per place, one column per data element (wide)")

    name = models.CharField(_("source"), max_length=120, unique=True)
    layout = models.CharField(_("layout"), max_length=16, choices=Layout.choices)
    place_column = models.CharField(
        _("column of the sector or place"), max_length=120, default="CD_SECTOR"
    )
    year_column = models.CharField(
        _("column of the year"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when every row is of the same year, and give that year."),
    )
    quarter_column = models.CharField(_("column of the quarter"), max_length=120, blank=True)
    fixed_year = models.PositiveSmallIntegerField(
        _("year of every row"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    columns = models.JSONField(
        _("columns and their data elements"),
        default=dict,
        help_text=_("Column name → data element code."),
    )
    synthetic = models.BooleanField(
        _("synthetic data"), default=False, help_text=_("Generated figures, not a real source.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("source mapping")
        verbose_name_plural = _("source mappings")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(year_column="") | Q(fixed_year__isnull=False),
                name="indicators_mapping_has_a_year",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DataImport(models.Model):
    """One file's import: who imported which file, how it went, and what it changed.

    Values point back to the import that stored them; the trail records the import itself
    (the values go in by the thousand, as the signals' imports do).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        CHECKING = "checking", _("checking")
        STORING = "storing", _("storing")
        DONE = "done", _("imported")
        UNCHANGED = "unchanged", _("nothing changed")
        REFUSED = "refused", _("refused: nothing imported")

    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    mapping = models.ForeignKey(
        SourceMapping,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="imports",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    synthetic = models.BooleanField(_("synthetic data"), default=False)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows checked"), default=0)
    values_created = models.PositiveIntegerField(_("new values"), default=0)
    values_changed = models.PositiveIntegerField(_("corrected values"), default=0)
    values_unchanged = models.PositiveIntegerField(_("unchanged values"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    # The uploaded file, kept until the task worker has read it; emptied afterwards.
    upload = models.BinaryField(_("uploaded file"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("indicator import")
        verbose_name_plural = _("indicator imports")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.UNCHANGED, self.Status.REFUSED}

    @property
    def percent_done(self) -> int:
        if self.status in {self.Status.STORING, self.Status.DONE, self.Status.UNCHANGED}:
            return 100
        return min(100, round(100 * self.rows_done / self.rows_total)) if self.rows_total else 0


class Value(models.Model):
    """One data element for one statistical sector or one place, in one period."""

    element = models.ForeignKey(
        DataElement, verbose_name=_("data element"), on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        StatisticalSector,
        verbose_name=_("statistical sector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), default=0, help_text=_("0 for the whole year.")
    )
    value = models.FloatField(_("value"))
    source_import = models.ForeignKey(
        DataImport, verbose_name=_("import"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.CheckConstraint(
                condition=Q(sector__isnull=True, place__isnull=False)
                | Q(sector__isnull=False, place__isnull=True),
                name="indicators_value_of_a_sector_or_a_place",
            ),
            models.CheckConstraint(
                condition=Q(quarter__lte=4), name="indicators_value_quarter_0_to_4"
            ),
            models.UniqueConstraint(
                fields=["element", "sector", "year", "quarter"],
                condition=Q(sector__isnull=False),
                name="indicators_one_value_per_sector_and_period",
            ),
            models.UniqueConstraint(
                fields=["element", "place", "year", "quarter"],
                condition=Q(place__isnull=False),
                name="indicators_one_value_per_place_and_period",
            ),
        ]
        indexes = [models.Index(fields=["element", "year"], name="indicators_value_elem_year")]

    def __str__(self) -> str:
        return f"{self.element_id} {period_label(self.year, self.quarter)}: {self.value}"


class ValueRevision(models.Model):
    """A value as it was before a later import corrected it: the value's history."""

    value = models.ForeignKey(
        Value, verbose_name=_("value"), on_delete=models.CASCADE, related_name="revisions"
    )
    previous = models.FloatField(_("previous value"))
    previous_import = models.ForeignKey(
        DataImport,
        verbose_name=_("imported in"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    replaced_in = models.ForeignKey(
        DataImport,
        verbose_name=_("corrected in"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("corrected value")
        verbose_name_plural = _("corrected values")
        ordering = ["value", "pk"]

    def __str__(self) -> str:
        return f"{self.value_id}: {self.previous}"


class Aggregate(models.Model):
    """A data element summed (or given) for a neighbourhood, district or the city, per period.

    Derived from the values by samen.indicators.rollup after every import, and never edited:
    the values and their imports are the record. For the city, BOUNDARIES_THEN counts the
    districts the city had in that period (2024 without Borsbeek), BOUNDARIES_TODAY today's.
    """

    BOUNDARIES_THEN = "then"
    BOUNDARIES_TODAY = "today"

    element = models.ForeignKey(DataElement, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(default=0)
    boundaries = models.CharField(max_length=5, default=BOUNDARIES_THEN)
    value = models.FloatField()
    synthetic = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["element", "place", "year", "quarter", "boundaries"],
                name="indicators_one_aggregate_per_place_and_period",
            ),
        ]
        indexes = [
            models.Index(fields=["element", "year", "quarter"], name="indicators_agg_elem_period")
        ]

    def __str__(self) -> str:
        return f"{self.element_id} {self.place_id} {period_label(self.year, self.quarter)}"


class Indicator(TranslatedName, models.Model):
    """A formula over data elements: numerator ÷ denominator × factor."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")
        NEITHER = "neither", _("neither higher nor lower is better")

    class Factor(models.IntegerChoices):
        ONE = 1, _("as computed (× 1)")
        PERCENT = 100, _("percent (× 100)")
        PER_THOUSAND = 1000, _("per 1,000 (× 1,000)")

    code = models.CharField(_("code"), max_length=60, unique=True, validators=[CODE_VALIDATOR])
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    meaning_nl = models.TextField(_("what it means (Dutch)"))
    meaning_fr = models.TextField(_("what it means (French)"), blank=True)
    meaning_en = models.TextField(_("what it means (English)"), blank=True)
    caveat_nl = models.TextField(_("what it does not mean (Dutch)"), blank=True)
    caveat_fr = models.TextField(_("what it does not mean (French)"), blank=True)
    caveat_en = models.TextField(_("what it does not mean (English)"), blank=True)
    numerator = models.CharField(
        _("numerator"),
        max_length=500,
        help_text=_(
            "Data element codes with + − × ÷ and brackets; code[-1] is the year before, "
            "code[-5] five years before."
        ),
    )
    denominator = models.CharField(
        _("denominator"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty for an indicator that is the numerator itself."),
    )
    factor = models.PositiveIntegerField(_("factor"), choices=Factor.choices, default=Factor.ONE)
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=1, validators=[MaxValueValidator(3)]
    )
    direction = models.CharField(
        _("what is better"), max_length=8, choices=Direction.choices, default=Direction.NEITHER
    )
    in_context = models.BooleanField(
        _("shown on district pages"),
        default=False,
        help_text=_("Chosen by the city for the context section of district pages."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=50)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def meaning(self) -> str:
        return in_language(self, "meaning")

    @property
    def caveat(self) -> str:
        return in_language(self, "caveat")

    @property
    def unit_suffix(self) -> str:
        return {100: "%", 1000: "‰"}.get(self.factor, "")


class FiguresVersion(models.Model):
    """A number that every change to figures or definitions raises, in the same transaction.

    Shown sections (the place pages' context) are kept in the cache under this number, so a
    new import or a changed indicator shows at once on every server.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0


track(DataElement)
track(StatisticalSector)
track(SourceMapping)
track(DataImport, exclude=("rows_done", "upload", "problems"))
track(Indicator)
