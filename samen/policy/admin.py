"""The policy records in the administration, to read only: every change goes through the
policy pages and their actions (access checked, every change in the trail)."""

from django.contrib import admin

from samen.policy.models import Action, ActionPlan, Initiative, Strategy


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Strategy)
class StrategyAdmin(ReadOnly):
    list_display = ["title", "level", "owner", "status", "starts", "ends"]
    list_filter = ["level", "status"]
    exclude = ["document"]


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnly):
    list_display = ["title", "strategy", "district", "owner", "status"]
    list_filter = ["status"]


@admin.register(Action)
class ActionAdmin(ReadOnly):
    list_display = ["code", "title", "plan", "owner", "status", "progress"]
    list_filter = ["status"]
    search_fields = ["code", "title"]


@admin.register(Initiative)
class InitiativeAdmin(ReadOnly):
    list_display = ["title", "owner", "status", "starts", "ends"]
    list_filter = ["status"]
    search_fields = ["title"]
