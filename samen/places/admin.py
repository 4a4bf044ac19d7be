from django.contrib import admin

from samen.places.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "kind", "code", "parent", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["name_nl", "name_fr", "name_en", "code"]
    exclude = ["boundary"]
    readonly_fields = ["area_km2"]
