"""Administrators see the notification e-mails' outbox: what failed, and why.

Read-only: an e-mail lists no notification's text, and what it says is never shown here.
"""

from django.contrib import admin

from samen.notifications.models import Mail


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    list_display = ["pk", "recipient", "frequency", "period", "status", "attempts", "sent_at"]
    list_filter = ["status", "frequency"]
    search_fields = ["recipient__email"]
    readonly_fields = [
        "recipient",
        "frequency",
        "period",
        "status",
        "attempts",
        "next_attempt_at",
        "message_id",
        "last_error",
        "created",
        "sent_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
