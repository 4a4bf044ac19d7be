"""Recording reads of confidential records."""

from __future__ import annotations

from collections.abc import Iterable

from auditlog.cid import get_cid
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import smart_str
from django.utils.translation import gettext_lazy as _

from samen.audit.models import AuditRecord
from samen.audit.registry import CONFIDENTIAL_MODELS

# The `what` of a record seen as a row of a list (a reference, a status) rather than opened.
LIST_READ = "list"

# What each stored `what` means to the reader of the trail: the records keep the code, the
# trail shows these words in the reader's language. A code followed by a number ("meeting 12")
# is looked up without it, its label taking the number as %(number)s.
READ_PURPOSES: dict[str, str] = {LIST_READ: _("as a row of a list")}


def add_read_purposes(purposes: dict[str, str]) -> None:
    """Name the `what` codes a module's reads are recorded with (code -> translatable label)."""
    READ_PURPOSES.update(purposes)


def _check_confidential(obj: models.Model) -> None:
    if type(obj) not in CONFIDENTIAL_MODELS:
        raise ValueError(f"{type(obj).__name__} is not registered as confidential.")


def _where(request: HttpRequest | None, what: str) -> dict:
    where = {}
    if request is not None:
        # The path, never its query string: a search's words (a person's name) stay out of
        # the trail, which outlives every retention period.
        where = {"path": request.path[:500], "method": request.method}
    if what:
        where["what"] = what
    return where


def _who(by, request: HttpRequest | None) -> dict:
    """The reader's fields of an access record: the person (when signed in), their e-mail
    address and the address the request came from."""
    return {
        "actor": by if by is not None and by.is_authenticated else None,
        "actor_email": getattr(by, "email", None),
        "remote_addr": request.META.get("REMOTE_ADDR") if request is not None else None,
    }


def record_read(*, by, obj: models.Model, request: HttpRequest | None = None, what: str = ""):
    """Write an access record: who read which confidential record, when, through which page.

    Called by the access function of every confidential model, never by views, so that no
    page can forget it. `what` names a part read (a document, an export) when not the page.
    """
    _check_confidential(obj)
    where = _where(request, what)
    return AuditRecord.objects.log_create(
        obj,
        force_log=True,
        action=AuditRecord.Action.ACCESS,
        additional_data=where or None,
        **_who(by, request),
    )


def record_reads(
    *,
    by,
    objects: Iterable[models.Model],
    request: HttpRequest | None = None,
    what: str = LIST_READ,
) -> list[AuditRecord]:
    """Write one access record per object in `objects`, all in one INSERT.

    For lists: each row shown (a case's reference, a referral's status) is a read of that
    record, found by the same search by object as a read of its page, with `what` "list"
    unless told otherwise. Nothing is written for no objects. Every object is checked to be
    confidential before anything is written. Called by the list access functions of the
    modules, never by views. (SQLite takes at most 999 parameters in one statement, so
    Django splits more than 66 records there; PostgreSQL writes them in one.)
    """
    objects = list(objects)
    for obj in objects:
        _check_confidential(obj)
    if not objects:
        return []
    where, who = _where(request, what) or None, _who(by, request)
    cid, now = get_cid(), timezone.now()
    types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    records = [
        AuditRecord(
            content_type=types[type(obj)],
            object_pk=str(obj.pk),
            object_id=obj.pk if isinstance(obj.pk, int) else None,
            object_repr=smart_str(obj),
            action=AuditRecord.Action.ACCESS,
            additional_data=where,
            **who,
            cid=cid,
            timestamp=now,
        )
        for obj in objects
    ]
    # bulk_create skips AuditRecord.save(): its one job, naming the actor of an action, is
    # done above. The records are new, so the append-only rule is kept.
    return AuditRecord.objects.bulk_create(records)
