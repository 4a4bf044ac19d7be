"""Administrators edit data elements, indicators and source mappings here, through the actions
(formulas checked, every change in the trail); values come only by import."""

from django.contrib import admin
from django.core.exceptions import ValidationError

from samen.indicators.actions import (
    check_indicator,
    data_element_save,
    indicator_delete,
    indicator_save,
    mapping_save,
)
from samen.indicators.models import DataElement, DataImport, Indicator, SourceMapping


class ActionSaves(admin.ModelAdmin):
    """Saves go through the module's action; its validation shows on the form."""

    save_action = None

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        admin_view = self

        class Checked(form):
            def _post_clean(self):
                super()._post_clean()
                try:
                    admin_view.validate_object(self.instance)
                except ValidationError as error:
                    self._update_errors(error)

        return Checked

    def validate_object(self, obj) -> None:
        """Validate like the action, before it runs (the form shows the errors)."""

    def save_model(self, request, obj, form, change) -> None:
        type(self).save_action(by=request.user, **{self.keyword: obj})


@admin.register(DataElement)
class DataElementAdmin(ActionSaves):
    list_display = ["code", "name_nl", "unit", "summable", "source"]
    search_fields = ["code", "name_nl", "name_fr", "name_en"]
    save_action = data_element_save
    keyword = "element"

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # values refer to it; a data element stays with its history


@admin.register(Indicator)
class IndicatorAdmin(ActionSaves):
    list_display = ["code", "name_nl", "numerator", "denominator", "factor", "in_context", "order"]
    list_editable = []
    list_filter = ["in_context", "direction"]
    search_fields = ["code", "name_nl", "name_fr", "name_en"]
    save_action = indicator_save
    keyword = "indicator"

    def validate_object(self, obj) -> None:
        check_indicator(obj)

    def delete_model(self, request, obj) -> None:
        indicator_delete(by=request.user, indicator=obj)

    def delete_queryset(self, request, queryset) -> None:
        for indicator in queryset:
            indicator_delete(by=request.user, indicator=indicator)


@admin.register(SourceMapping)
class SourceMappingAdmin(ActionSaves):
    list_display = ["name", "layout", "place_column", "year_column", "fixed_year", "synthetic"]
    save_action = mapping_save
    keyword = "mapping"

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DataImport)
class DataImportAdmin(admin.ModelAdmin):
    """The record of every import; read only."""

    list_display = [
        "file_name",
        "status",
        "imported_by",
        "started_at",
        "values_created",
        "values_changed",
        "values_unchanged",
        "synthetic",
    ]
    list_filter = ["status", "synthetic"]
    exclude = ["upload"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
