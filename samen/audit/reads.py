"""Recording reads of confidential records."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest

from samen.audit.models import AuditRecord
from samen.audit.registry import CONFIDENTIAL_MODELS


def record_read(*, by, obj: models.Model, request: HttpRequest | None = None, what: str = ""):
    """Write an access record: who read which confidential record, when, through which page.

    Called by the access function of every confidential model, never by views, so that no
    page can forget it. `what` names a part read (a document, an export) when not the page.
    """
    if type(obj) not in CONFIDENTIAL_MODELS:
        raise ValueError(f"{type(obj).__name__} is not registered as confidential.")
    where = {}
    if request is not None:
        # The path, never its query string: a search's words (a person's name) stay out of
        # the trail, which outlives every retention period.
        where = {"path": request.path[:500], "method": request.method}
    if what:
        where["what"] = what
    return AuditRecord.objects.log_create(
        obj,
        force_log=True,
        action=AuditRecord.Action.ACCESS,
        actor=by if by is not None and by.is_authenticated else None,
        actor_email=getattr(by, "email", None),
        remote_addr=request.META.get("REMOTE_ADDR") if request is not None else None,
        additional_data=where or None,
    )
