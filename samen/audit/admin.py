import auditlog.admin  # noqa: F401  (import first so that its registration is removed below)
from django.contrib import admin

from samen.audit.models import AuditRecord

# The trail is not in the Django admin: it names every read of confidential records (case
# references included), and it is for the data-protection officer, on the audit page, whose
# access function decides. Administrators manage the platform, not its trail.
admin.site.unregister(AuditRecord)
