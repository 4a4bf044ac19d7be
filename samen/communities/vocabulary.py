"""The words communities are described with: themes and languages, kept in three languages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.names import TranslatedName


class Theme(TranslatedName, models.Model):
    """What a community works on (youth, sport, religion, ...); administrators extend the list."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name_nl"]

    def __str__(self) -> str:
        return self.name


class Language(TranslatedName, models.Model):
    """A language a community works in, by its ISO 639 code."""

    code = models.SlugField(_("code"), max_length=8, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name_nl"]

    def __str__(self) -> str:
        return self.name


track(Theme)
track(Language)
