"""The audit record of a creation, built the way auditlog builds it, for a caller that sends
the row and its record in one statement (filing a signal: samen.signals.filing).

Not a second implementation of the record: auditlog's own diff and its own `log_create` fill
every field (content type, object, representation, additional data, correlation id); only its
final `create` is replaced by building the instance, and the same pre-save hooks then attribute
it (the acting person from `acting_as`, the address from auditlog's middleware).
tests/audit/test_creations.py holds it against the record that `save()` writes.
"""

from __future__ import annotations

from auditlog.context import auditlog_disabled
from auditlog.diff import model_instance_diff
from auditlog.signals import pre_log
from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

from samen.audit.models import AuditRecord, AuditRecordManager


class _Unsaved(AuditRecordManager):
    """auditlog's LogEntryManager, whose `create` builds the record instead of saving it."""

    def create(self, **kwargs) -> AuditRecord:
        return self.model(**kwargs)


_BUILDER = _Unsaved()
_BUILDER.model = AuditRecord


def creation_record(instance: models.Model, *, using: str = "default") -> AuditRecord | None:
    """The unsaved record of `instance` having been created (its primary key must be set);
    None where auditlog would write none (switched off with `disable_auditlog`, or a pre_log
    receiver said no)."""
    if auditlog_disabled.get():
        return None
    sender = type(instance)
    answers = pre_log.send(sender, instance=instance, action=AuditRecord.Action.CREATE)
    if any(answer is False for _receiver, answer in answers):
        return None
    changes = model_instance_diff(
        None, instance, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
    )
    record = _BUILDER.log_create(instance, action=AuditRecord.Action.CREATE, changes=changes)
    record.attribute()
    pre_save.send(sender=AuditRecord, instance=record, raw=False, using=using, update_fields=None)
    return record
