import auditlog.admin  # noqa: F401  (import first so its registration is replaced below)
from django.contrib import admin

from samen.audit.models import AuditRecord


class AuditRecordAdmin(admin.ModelAdmin):
    """Read-only: the trail is searched on the audit page and never edited."""

    list_display = ("timestamp", "actor_email", "action", "content_type", "object_repr")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor_email", "object_pk")
    date_hierarchy = "timestamp"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(AuditRecord)
admin.site.register(AuditRecord, AuditRecordAdmin)
