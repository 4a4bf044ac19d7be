"""Key rotation: every encrypted value re-encrypted with the newest key, indexes renewed."""

from __future__ import annotations

from auditlog.cid import get_cid
from auditlog.context import disable_auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _

from samen.audit.models import AuditRecord
from samen.cases import crypto
from samen.cases.fields import EncryptedTextField
from samen.cases.models import Case
from samen.core.actions import action

BATCH = 500


def encrypted_models() -> list[tuple[type[models.Model], list[str]]]:
    """Every model of the app with encrypted fields, and the names of those fields (models
    that case-work modules add to the app are found the same way)."""
    found = []
    for model in apps.get_app_config("cases").get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


@action
def rotate_case_keys(*, by=None) -> dict[str, int]:
    """Re-encrypt every encrypted value with the newest key and recompute name indexes with
    the current index key; return the rows done per model.

    Security-critical: run after putting a new key first in SAMEN_CASE_KEYS. Until it has run,
    keep the old keys, which still decrypt rows not yet rotated. Values are decrypted with
    any configured key on load and written back through the fields, which encrypt with the
    first key. The per-row trail is off (nothing a person sees changes); one audit record
    says how many rows were rotated.
    """
    counts: dict[str, int] = {}
    with disable_auditlog():
        for model, fields in encrypted_models():
            done, last = 0, 0
            while batch := list(model.objects.filter(pk__gt=last).order_by("pk")[:BATCH]):
                for instance in batch:
                    changes = {name: getattr(instance, name) for name in fields}
                    if "name_index" in {f.name for f in model._meta.fields} and instance.name:
                        changes["name_index"] = crypto.name_index(instance.name)
                    model.objects.filter(pk=instance.pk).update(**changes)
                done += len(batch)
                last = batch[-1].pk
            counts[model.__name__] = done
    AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Case),
        object_pk="",
        object_repr=_("Case keys rotated: %(rows)s rows") % {"rows": sum(counts.values())},
        action=AuditRecord.Action.UPDATE,
        changes={},
        actor=by if by is not None and by.is_authenticated else None,
        actor_email=getattr(by, "email", None),
        additional_data={"rotated_rows": counts},
        cid=get_cid(),
    )
    return counts
