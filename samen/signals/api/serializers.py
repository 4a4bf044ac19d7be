"""What the API reads and writes. Serializers validate and present; they never save."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samen.core.weeks import last_weeks
from samen.places.models import Place
from samen.signals.actions import SignalFields
from samen.signals.codes import held_codes
from samen.signals.filters import RELATIVE_PERIODS
from samen.signals.models import Category, Signal


class CodeField(serializers.SlugRelatedField):
    """A place or category named by its official code."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", **kwargs)


# Formats moments exactly as the declared fields would (ISO 8601, the city's offset).
_MOMENT = serializers.DateTimeField()


class SignalSerializer(serializers.ModelSerializer):
    """A signal as the API shows it: places and categories by code, no reporter identity."""

    district = CodeField(read_only=True)
    neighbourhood = CodeField(read_only=True, allow_null=True)
    categories = CodeField(many=True, read_only=True)
    text_removed = serializers.SerializerMethodField(
        help_text=_("The text was removed after its retention period; the counts stay.")
    )

    class Meta:
        model = Signal
        fields = [
            "id",
            "occurred_at",
            "week",
            "district",
            "neighbourhood",
            "categories",
            "severity",
            "source_type",
            "information_class",
            "confidence",
            "text",
            "text_removed",
            "status",
            "created_at",
        ]
        read_only_fields = fields

    def get_text_removed(self, signal: Signal) -> bool:
        return signal.text_purged_at is not None

    def to_representation(self, signal: Signal) -> dict:
        """The same fields, built directly: DRF's field-by-field path cost about 5 ms a signal,
        a third of an API intake request. The OpenAPI schema still comes from the fields."""
        codes = self.context.get("category_codes")
        if codes is None:
            codes = [c.code for c in signal.categories.all()]
        return {
            "id": signal.pk,
            "occurred_at": _MOMENT.to_representation(signal.occurred_at),
            "week": signal.week.isoformat(),
            "district": signal.district.code,
            "neighbourhood": signal.neighbourhood.code if signal.neighbourhood_id else None,
            "categories": codes,
            "severity": signal.severity,
            "source_type": signal.source_type,
            "information_class": signal.information_class,
            "confidence": signal.confidence,
            "text": signal.text,
            "text_removed": signal.text_purged_at is not None,
            "status": signal.status,
            "created_at": _MOMENT.to_representation(signal.created_at),
        }


class SignalInputSerializer(serializers.Serializer):
    """A new signal: checked for shape here, then completely by `actions.check_signal`."""

    occurred_at = serializers.DateTimeField(
        help_text=_("ISO 8601; without an offset, the city's own time.")
    )
    district = CodeField(
        queryset=Place.objects.districts(), help_text=_("Official code, e.g. 11002S.")
    )
    neighbourhood = CodeField(
        queryset=Place.objects.neighbourhoods(),
        required=False,
        allow_null=True,
        help_text=_("Official code, e.g. 11002S01; optional."),
    )
    categories = CodeField(
        many=True, queryset=Category.objects.all(), help_text=_("Category codes.")
    )
    severity = serializers.ChoiceField(choices=Signal.Severity.choices)
    source_type = serializers.ChoiceField(choices=Signal.SourceType.choices)
    information_class = serializers.ChoiceField(choices=Signal.InformationClass.choices)
    confidence = serializers.ChoiceField(choices=Signal.Confidence.choices)
    text = serializers.CharField(
        help_text=_("What happened: situations and dynamics, never names or identifiers.")
    )

    def signal_fields(self) -> SignalFields:
        """The validated data as the actions take it."""
        return SignalFields.from_data(self.validated_data)


# The plain fields of SignalInputSerializer, bound once: read_signal_fields runs them as is.
_PLAIN_FIELDS = ("occurred_at", "severity", "source_type", "information_class", "confidence")
_INPUT_FIELDS = SignalInputSerializer().fields


def read_signal_fields(data) -> SignalFields | None:
    """Read a well-formed signal as SignalInputSerializer would; None when anything is off.

    Why: the serializer cost about half of an API intake request (its fields copied per
    request, a query for the places and one for the categories). This reads a JSON object
    with the serializer's own field instances for the plain fields and the codes held in
    memory (samen.signals.codes). It accepts only what the serializer accepts, with the same
    values; for everything else the caller runs the serializer, so that error answers are
    exactly the serializer's.
    """
    if type(data) is not dict:
        return None
    codes = held_codes()
    try:
        district = codes.districts[data["district"]]
        neighbourhood = data.get("neighbourhood")
        if neighbourhood is not None and neighbourhood != "":
            neighbourhood = codes.neighbourhoods[neighbourhood]
        else:
            neighbourhood = None  # left out, null or "": the serializer's None
        if type(data["categories"]) is not list:
            return None
        categories = [codes.categories[code] for code in data["categories"]]
        text = data["text"]
        if type(text) is not str:
            return None  # numbers become text in the serializer: leave that to it
        values = {name: _INPUT_FIELDS[name].run_validation(data[name]) for name in _PLAIN_FIELDS}
        text = _INPUT_FIELDS["text"].run_validation(text)
    except (KeyError, TypeError, serializers.ValidationError):
        return None  # TypeError: a code that is a list or an object
    return SignalFields(
        district=district,
        neighbourhood=neighbourhood,
        categories=categories,
        text=text,
        **values,
    )


class PersonalDataItemSerializer(serializers.Serializer):
    field = serializers.CharField()
    kind = serializers.CharField()
    label = serializers.CharField()
    start = serializers.IntegerField(help_text=_("Index of the first character, from 0."))
    end = serializers.IntegerField(help_text=_("Index after the last character."))


class PersonalDataErrorSerializer(serializers.Serializer):
    """The 422 answer: where the personal identifiers are; the text itself is not echoed."""

    detail = serializers.CharField()
    personal_data = PersonalDataItemSerializer(many=True)


class CategorySerializer(serializers.ModelSerializer):
    parent = CodeField(read_only=True, allow_null=True)
    name = serializers.CharField(read_only=True, help_text=_("In the language asked for."))
    selectable = serializers.SerializerMethodField(
        help_text=_("Whether a signal may carry it: categories in use, not group headings.")
    )

    class Meta:
        model = Category
        fields = ["code", "group", "parent", "name", "selectable"]

    def get_selectable(self, category: Category) -> bool:
        return category.parent_id is not None and category.is_active


class SignalFilterSerializer(serializers.Serializer):
    """The list's filters, as on the signal list page but with codes and exact dates."""

    period = serializers.ChoiceField(
        choices=sorted(RELATIVE_PERIODS), required=False, help_text=_("Last 4, 12 or 52 weeks.")
    )
    since = serializers.DateField(required=False, help_text=_("Happened on or after this day."))
    until = serializers.DateField(required=False, help_text=_("Happened on or before this day."))
    district = serializers.CharField(required=False, help_text=_("District code."))
    neighbourhood = serializers.CharField(required=False, help_text=_("Neighbourhood code."))
    category = serializers.CharField(required=False, help_text=_("Category code."))
    severity = serializers.ChoiceField(
        choices=Signal.Severity.values, required=False, help_text=_("Severity at least.")
    )
    status = serializers.ChoiceField(choices=Signal.Status.choices, required=False)

    def validate(self, data):
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise serializers.ValidationError(_("The period ends before it starts."))
        return data

    def apply(self, signals):
        """Narrow a queryset of visible signals to the validated filters."""
        data = self.validated_data
        if data.get("period"):
            period = last_weeks(RELATIVE_PERIODS[data["period"]])
            signals = signals.filter(week__gte=period.first, week__lte=period.last)
        if data.get("since"):
            signals = signals.filter(occurred_at__gte=_start_of(data["since"]))
        if data.get("until"):
            next_day = data["until"] + datetime.timedelta(days=1)
            signals = signals.filter(occurred_at__lt=_start_of(next_day))
        if data.get("district"):
            signals = signals.filter(district__code=data["district"])
        if data.get("neighbourhood"):
            signals = signals.filter(neighbourhood__code=data["neighbourhood"])
        if data.get("category"):
            signals = signals.filter(categories__code=data["category"])
        if data.get("severity"):
            signals = signals.filter(severity__gte=data["severity"])
        if data.get("status"):
            signals = signals.filter(status=data["status"])
        return signals


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
