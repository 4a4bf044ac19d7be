"""Who may search the audit trail."""

from django.core.exceptions import PermissionDenied

from samen.audit.models import AuditRecord

# The data-protection officer's role, by the value stored on a person: the trail sits below
# the people layer that names the roles (samen.people.roles.Role.DATA_PROTECTION_OFFICER,
# held to this value by tests/audit/test_access.py).
TRAIL_READER_ROLE = "data_protection_officer"


def audit_records_for(user):
    """The whole trail for the data-protection officer; nobody else searches it."""
    if not user.is_authenticated or user.role != TRAIL_READER_ROLE:
        raise PermissionDenied
    return AuditRecord.objects.select_related("actor", "content_type")
