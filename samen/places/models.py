"""Places: the city, its districts and their neighbourhoods, with their history."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.names import TranslatedName


class PlaceQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> PlaceQuerySet:
        """Places that exist on the given day (validity dates are inclusive-exclusive)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gt=day),
        )

    def current(self) -> PlaceQuerySet:
        return self.valid_on(timezone.localdate())

    def districts(self) -> PlaceQuerySet:
        return self.filter(kind=Place.Kind.DISTRICT)

    def neighbourhoods(self) -> PlaceQuerySet:
        return self.filter(kind=Place.Kind.NEIGHBOURHOOD)

    def without_boundary(self) -> PlaceQuerySet:
        """Places without their boundary, for lists, menus, forms and filters that draw no map.

        A boundary is tens of kilobytes of GeoJSON per place, read and parsed with every row;
        only the pages with a map (samen.places.maps) need it.
        """
        return self.defer("boundary")


def without_boundaries(queryset: models.QuerySet, *places: str) -> models.QuerySet:
    """`queryset` with the places along `places` (`select_related` paths) joined in, without
    their boundaries: for rows that name a place but draw no map."""
    return queryset.select_related(*places).defer(*(f"{place}__boundary" for place in places))


class Place(TranslatedName, models.Model):
    """A city, district or neighbourhood, valid over a period so that merges keep history."""

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        DISTRICT = "district", _("district")
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    code = models.CharField(_("official code"), max_length=16, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The first day on which the place no longer exists."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["kind", "name_nl"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gt=models.F("valid_from")),
                name="place_valid_period_is_forward",
            ),
        ]
        indexes = [models.Index(fields=["kind", "parent"])]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: datetime.date) -> bool:
        starts = self.valid_from is None or self.valid_from <= day
        ends = self.valid_until is None or self.valid_until > day
        return starts and ends

    @property
    def is_current(self) -> bool:
        return self.is_valid_on(timezone.localdate())


track(Place, fingerprinted=("boundary",), named=True)
