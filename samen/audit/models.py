"""The audit trail: an append-only record of every write and every confidential read."""

from __future__ import annotations

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.acting import current_actor


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


def _as_auditlog_defines(name: str, **changes) -> models.Field:
    """auditlog's field `name` as its abstract model defines it (its translations too), with
    `changes`."""
    _name, _path, args, kwargs = AbstractLogEntry._meta.get_field(name).deconstruct()
    field_class = type(AbstractLogEntry._meta.get_field(name))
    return field_class(*args, **{**kwargs, **changes})


class AuditRecord(AbstractLogEntry):
    """Who did what to which record, when; for reads, which page or endpoint.

    Every write and every confidential read adds a row, so each index and each check on this
    table is paid on every one of them. Compared with auditlog's own table:
    - no foreign-key constraint in the database to the person or the record type (the ORM
      still refuses to delete a person with a trail, PROTECT below): an append-only record
      of evidence should stand on its own, and each constraint locked the person's and the
      type's rows at every write, the same few rows for every request;
    - no indexes on the action (four values), the correlation id (nobody looks records up by
      it) and the record type alone (the first column of the index below), nor the
      pattern-matching copies PostgreSQL adds for text columns: the trail is searched by
      person, record type, record and period (samen.audit.forms).
    """

    # PROTECT instead of auditlog's SET_NULL: a person with a trail is deactivated, not
    # deleted, so the trail keeps saying who acted.
    actor = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        blank=True,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
        db_constraint=False,
    )
    content_type = models.ForeignKey(
        to="contenttypes.ContentType",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=AbstractLogEntry._meta.get_field("content_type").verbose_name,
        db_constraint=False,
        db_index=False,
    )
    object_pk = _as_auditlog_defines("object_pk", db_index=False)
    action = _as_auditlog_defines("action", db_index=False)
    cid = _as_auditlog_defines("cid", db_index=False)

    objects = AuditRecordManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [
            models.Index(fields=["content_type", "object_pk", "timestamp"]),
            # A record's number searched without its type, without a pattern-matching copy.
            models.Index(fields=["object_pk"], name="audit_record_object_pk"),
        ]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit records cannot be changed.")
        self.attribute()
        super().save(*args, **kwargs)

    def attribute(self) -> None:
        """Name the person of the innermost `acting_as` block, unless one is named already."""
        if self.actor_id is None:
            actor = current_actor()
            if actor is not None:
                self.actor = actor
                self.actor_email = actor.email

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit records cannot be deleted.")

    @property
    def is_read(self) -> bool:
        return self.action == self.Action.ACCESS


class TrailSearch(models.Model):
    """One search of the audit trail: who searched, when, with which filters, as typed.

    The trail records its own readers: whoever watches the trail is watched by it too. The
    filters are kept as typed (an e-mail address, a record number, dates), not redacted: they
    name staff and records, never the person of a case (the person export takes its name by
    POST and is not a search of the trail), and the question they answer is whom the searcher
    looked into.
    """

    searched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("searched by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    searched_at = models.DateTimeField(_("searched"), auto_now_add=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("search of the audit trail")
        verbose_name_plural = _("searches of the audit trail")

    def __str__(self) -> str:
        filters = ", ".join(f"{name}={value}" for name, value in self.filters.items())
        return filters or "—"


track(TrailSearch)
