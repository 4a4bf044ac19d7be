"""Administration of the category tree; signals themselves change only through their pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samen.signals.models import Category, SignalImport


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "name_fr", "name_en", "group", "parent", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["name_nl", "name_fr", "name_en", "code"]
    ordering = ["group", "parent__order", "order"]
    fieldsets = [
        (None, {"fields": ["group", "parent", "code", "order", "is_active"]}),
        (_("Names"), {"fields": ["name_nl", "name_fr", "name_en"]}),
    ]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Signals and their weekly counts refer to categories: retire one (not in use) instead.
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignalImport)
class SignalImportAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "rows", "imported_by", "imported_at"]
