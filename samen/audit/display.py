"""The audit trail as its reader sees it: each record a sentence in the reader's language,
people, places and teams by name, times in local time.

Only a presentation: the records stay as auditlog stored them (values as text, times in UTC,
references by number), read through its public `changes_dict` and registry.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditlog.registry import auditlog
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.audit.models import AuditRecord
from samen.audit.reads import READ_PURPOSES
from samen.audit.registry import NAMED_MODELS

# How auditlog writes a value that is not there.
NOTHING = "None"
# Free text longer than this is cut in the trail's lines.
LONGEST = 120
NUMBERED = re.compile(r"^(?P<code>.*\D) (?P<number>\d+)$")
# What happened, in words, for the trail's search (auditlog's own labels are English only).
ACTION_CHOICES = [
    (AuditRecord.Action.CREATE, gettext_lazy("Created")),
    (AuditRecord.Action.UPDATE, gettext_lazy("Changed")),
    (AuditRecord.Action.DELETE, gettext_lazy("Deleted")),
    (AuditRecord.Action.ACCESS, gettext_lazy("Read")),
]


@dataclass
class TrailLine:
    """One audit record as a sentence, with a line per change (or, for a read, where)."""

    record: AuditRecord
    who: str
    sentence: str
    details: list[str] = field(default_factory=list)


def describe_records(records: Iterable[AuditRecord]) -> list[TrailLine]:
    """The sentences of `records`, in the active language; the people, places and teams they
    refer to are named with one query per kind of record."""
    records = list(records)
    names = _names(records)
    return [_line(record, names) for record in records]


def _model(record: AuditRecord) -> type[models.Model] | None:
    return record.content_type.model_class() if record.content_type_id else None


def _field(model, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _changes(record: AuditRecord) -> dict:
    return {} if record.is_read else record.changes_dict


def _names(records: list[AuditRecord]) -> dict[tuple[type[models.Model], str], str]:
    """The name of every named record (a person, a place) the changes of `records` refer to."""
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for record in records:
        model = _model(record)
        for name, values in _changes(record).items():
            target = _field(model, name)
            if target is None or not target.many_to_one and not target.one_to_one:
                continue
            if not target.target_field.primary_key:  # a reference by code stays as stored
                continue
            if target.related_model in NAMED_MODELS and isinstance(values, list | tuple):
                wanted[target.related_model].update(v for v in values if v not in ("", NOTHING))
    names = {}
    for related, pks in wanted.items():
        usable = [pk for pk in pks if pk.isdigit()]
        for pk, obj in related._meta.default_manager.in_bulk(usable).items():
            names[(related, str(pk))] = str(obj)
    return names


def _who(record: AuditRecord) -> str:
    if record.actor is not None:
        return str(record.actor)
    return record.actor_email or _("Samen (system)")


def _record(record: AuditRecord, model) -> str:
    kind = str(model._meta.verbose_name) if model is not None else _("record")
    if record.object_pk:
        phrase = _("%(kind)s no. %(number)s") % {"kind": kind, "number": record.object_pk}
    else:
        phrase = kind
    if record.object_repr and record.object_repr != record.object_pk:
        phrase = _("%(record)s “%(name)s”") % {
            "record": phrase,
            "name": Truncator(record.object_repr).chars(LONGEST),
        }
    return phrase


def _sentence(record: AuditRecord, who: str, model) -> str:
    what = {"who": who, "record": _record(record, model)}
    if record.action == AuditRecord.Action.CREATE:
        return _("%(who)s created %(record)s.") % what
    if record.action == AuditRecord.Action.UPDATE:
        return _("%(who)s changed %(record)s.") % what
    if record.action == AuditRecord.Action.DELETE:
        return _("%(who)s deleted %(record)s.") % what
    return _("%(who)s read %(record)s.") % what


def _line(record: AuditRecord, names: dict) -> TrailLine:
    model = _model(record)
    who = _who(record)
    line = TrailLine(record=record, who=who, sentence=_sentence(record, who, model))
    if record.is_read:
        line.details = _where(record.additional_data or {})
        return line
    masked = set(_registered(model)["mask_fields"])
    for name, values in _changes(record).items():
        line.details.extend(_change(record, model, name, values, masked, names))
    return line


def purpose_label(what: str) -> str:
    """What a read's stored `what` code means, in the active language (the code itself for a
    code nobody named)."""
    if what in READ_PURPOSES:
        return str(READ_PURPOSES[what])
    numbered = NUMBERED.match(what)
    if numbered and numbered["code"] in READ_PURPOSES:
        return str(READ_PURPOSES[numbered["code"]]) % {"number": numbered["number"]}
    return what


def _where(data: dict) -> list[str]:
    details = []
    if data.get("what"):
        details.append(_("Read: %(purpose)s") % {"purpose": purpose_label(str(data["what"]))})
    if data.get("path"):
        if data.get("method") in (None, "GET", "HEAD"):
            details.append(_("Page: %(path)s") % {"path": data["path"]})
        else:
            details.append(_("Page: %(path)s (a form sent)") % {"path": data["path"]})
    return details


def _registered(model) -> dict:
    """What the model was registered with (masked and renamed fields); nothing for a model
    the trail no longer follows."""
    if model is None or not auditlog.contains(model):
        return {"mask_fields": [], "mapping_fields": {}}
    return auditlog.get_model_fields(model)


def _label(model, name: str, target: models.Field | None) -> str:
    mapped = _registered(model)["mapping_fields"]
    if name in mapped:
        return capfirst(str(mapped[name]))
    if target is not None and getattr(target, "verbose_name", None):
        return capfirst(str(target.verbose_name))
    return name


def _change(record, model, name, values, masked, names) -> list[str]:
    target = _field(model, name)
    label = _label(model, name, target)
    if isinstance(values, dict):  # a many-to-many field: what was added or removed
        objects = ", ".join(str(o) for o in values.get("objects", []))
        if values.get("operation") == "delete":
            return [_("%(field)s: removed %(objects)s") % {"field": label, "objects": objects}]
        return [_("%(field)s: added %(objects)s") % {"field": label, "objects": objects}]
    old, new = values
    if name in masked:
        if record.action == AuditRecord.Action.UPDATE:
            return [_("%(field)s changed (not shown)") % {"field": label}]
        return [_("%(field)s: filled in (not shown)") % {"field": label}] if new else []
    if target is not None and target.primary_key:
        return []
    old, new = _value(target, old, names), _value(target, new, names)
    if record.action == AuditRecord.Action.CREATE:
        return [] if new is None else [_("%(field)s: %(value)s") % {"field": label, "value": new}]
    if record.action == AuditRecord.Action.DELETE:
        return [] if old is None else [_("%(field)s: %(value)s") % {"field": label, "value": old}]
    if old is None:
        return [_("%(field)s set to %(new)s") % {"field": label, "new": new}]
    if new is None:
        return [_("%(field)s cleared (was %(old)s)") % {"field": label, "old": old}]
    return [
        _("%(field)s changed from %(old)s to %(new)s") % {"field": label, "old": old, "new": new}
    ]


def _value(target: models.Field | None, raw, names: dict) -> str | None:
    """A stored value as the reader reads it, or None for no value."""
    if raw is None or raw in ("", NOTHING):
        return None
    raw = str(raw)
    if target is None:
        return Truncator(raw).chars(LONGEST)
    if target.many_to_one or target.one_to_one:
        related = target.related_model
        if (related, raw) in names:
            return names[(related, raw)]
        return _("%(kind)s no. %(number)s") % {"kind": related._meta.verbose_name, "number": raw}
    if target.choices:
        labels = {str(key): label for key, label in target.flatchoices}
        return str(labels.get(raw, raw))
    if isinstance(target, models.JSONField) and raw in ("{}", "[]", "null"):
        return None
    if isinstance(target, models.BooleanField):
        return {"True": _("yes"), "False": _("no")}.get(raw, raw)
    if isinstance(target, models.DateTimeField):
        return _local_time(raw)
    if isinstance(target, models.DateField):
        try:
            day = datetime.date.fromisoformat(raw)
        except ValueError:
            return raw
        return formats.date_format(day, "SHORT_DATE_FORMAT")
    return Truncator(raw).chars(LONGEST)


def _local_time(raw: str) -> str:
    """auditlog keeps times in UTC without saying so; the reader reads them in local time."""
    try:
        moment = datetime.datetime.fromisoformat(raw)
    except ValueError:
        return raw
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
