"""Administration of the themes and languages; communities change only through their pages."""

from django.contrib import admin

from samen.communities.models import Language, Theme


@admin.register(Theme, Language)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "name_fr", "name_en", "code"]
    search_fields = ["name_nl", "name_fr", "name_en", "code"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Communities refer to them; a renamed theme keeps its communities.
        return False
