"""What the indicators API shows. Serializers present; nothing here saves."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samen.indicators.formulas import STATUS_LABELS
from samen.indicators.models import Indicator

LEVELS = ["city", "district", "neighbourhood"]
MAX_YEARS = 30


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator, with its names and meaning in the language asked for."""

    name = serializers.CharField(read_only=True)
    meaning = serializers.CharField(read_only=True)
    caveat = serializers.CharField(read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "meaning",
            "caveat",
            "numerator",
            "denominator",
            "factor",
            "decimals",
            "direction",
            "in_context",
        ]
        read_only_fields = fields


class ResultSerializer(serializers.Serializer):
    """An indicator for one place and year; `value` is null unless `status` is "ok"."""

    place = serializers.CharField(help_text=_("The place's official code."))
    place_name = serializers.CharField()
    kind = serializers.ChoiceField(choices=LEVELS)
    year = serializers.IntegerField()
    boundaries = serializers.ChoiceField(
        choices=["then", "today"],
        help_text=_(
            "For the city: its districts in that year (then) or today's (today), where they "
            "differ (before Borsbeek joined in 2025)."
        ),
    )
    status = serializers.ChoiceField(
        choices=list(STATUS_LABELS),
        help_text=_(
            "ok; no_value (missing, or a division by zero); small_numerator (1 to 4: “<5”); "
            "few_residents (a denominator under the minimum)."
        ),
    )
    value = serializers.FloatField(allow_null=True)
    synthetic = serializers.BooleanField(help_text=_("Generated figures, not real statistics."))


class ResultFilterSerializer(serializers.Serializer):
    """Which places and years to return."""

    level = serializers.ChoiceField(choices=LEVELS, default="district")
    place = serializers.CharField(required=False, max_length=16, help_text=_("One place's code."))
    year_from = serializers.IntegerField(required=False, min_value=1900, max_value=2200)
    year_to = serializers.IntegerField(required=False, min_value=1900, max_value=2200)

    def validate(self, data):
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and not 0 <= end - start < MAX_YEARS:
            raise serializers.ValidationError(
                _("Ask for 1 to %(max)s years, year_from up to year_to.") % {"max": MAX_YEARS}
            )
        return data
