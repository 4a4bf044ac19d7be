"""The audit trail: an append-only record of every write and every confidential read."""

from __future__ import annotations

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.context import current_actor


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit record."""


class AuditRecordQuerySet(models.QuerySet):
    # The trail is evidence: the application can add to it, never rewrite it. PostgreSQL
    # also refuses UPDATE and DELETE on the table with a trigger (migration 0002).
    def update(self, **kwargs):
        raise AppendOnlyError("Audit records cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit records cannot be deleted.")

    def search(
        self,
        *,
        actor=None,
        content_type=None,
        object_pk: str = "",
        since=None,
        until=None,
        action: int | None = None,
    ) -> AuditRecordQuerySet:
        """Filter the trail the way the data-protection officer asks of it."""
        records = self
        if actor is not None:
            records = records.filter(actor=actor)
        if content_type is not None:
            records = records.filter(content_type=content_type)
        if object_pk:
            records = records.filter(object_pk=object_pk)
        if since is not None:
            records = records.filter(timestamp__gte=since)
        if until is not None:
            records = records.filter(timestamp__lt=until)
        if action is not None:
            records = records.filter(action=action)
        return records


class AuditRecordManager(LogEntryManager.from_queryset(AuditRecordQuerySet)):
    pass


class AuditRecord(AbstractLogEntry):
    """Who did what to which record, when; for reads, which page or endpoint."""

    # PROTECT instead of auditlog's SET_NULL: a person with a trail is deactivated, not
    # deleted, so the trail keeps saying who acted.
    actor = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        blank=True,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )

    objects = AuditRecordManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [models.Index(fields=["content_type", "object_pk", "timestamp"])]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit records cannot be changed.")
        if self.actor_id is None:
            actor = current_actor()
            if actor is not None:
                self.actor = actor
                self.actor_email = actor.email
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit records cannot be deleted.")

    @property
    def is_read(self) -> bool:
        return self.action == self.Action.ACCESS
