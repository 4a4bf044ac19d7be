"""The tension levels in the admin, to read: they change only through the monitor's pages."""

from django.contrib import admin

from samen.monitor.models import TensionLevel


@admin.register(TensionLevel)
class TensionLevelAdmin(admin.ModelAdmin):
    list_display = ["place", "week", "level", "set_by", "set_at"]
    list_filter = ["level", "place"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
