"""Who may search the audit trail."""

from django.core.exceptions import PermissionDenied

from samen.audit.models import AuditRecord
from samen.people.roles import Role


def audit_records_for(user):
    """The whole trail for the data-protection officer; nobody else searches it."""
    if not user.is_authenticated or user.role != Role.DATA_PROTECTION_OFFICER:
        raise PermissionDenied
    return AuditRecord.objects.select_related("actor", "content_type")
