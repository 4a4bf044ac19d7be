"""Administration of who sits at the table, and nothing of the cases themselves.

Seats are configuration: who holds the mayor's, the prevention official's and the police
representative's seat in this city, and the police clearance (level and expiry) that the
security authority confirmed. An administrator records them, as they record roles; the seat
itself is checked at every read (clearance, expiry), and administrators can never hold one.
Delegations are shown read-only: only the mayor makes them, on the case consultation's own
page. Cases, persons, referrals, invitations and corrections are not registered here at all:
administrators have no access to cases.
"""

from django.contrib import admin

from samen.cases.actions import seat_save
from samen.cases.models import CoreSeat, Delegation


@admin.register(CoreSeat)
class CoreSeatAdmin(admin.ModelAdmin):
    list_display = ["kind", "user", "city", "clearance", "clearance_expires_on", "is_active"]
    list_filter = ["kind", "is_active"]
    autocomplete_fields = ["user"]
    fields = ["kind", "user", "city", "clearance", "clearance_expires_on", "is_active"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # A seat that ends is made inactive, so the trail keeps who held it.
        return False

    def save_model(self, request, obj, form, change) -> None:
        seat_save(by=request.user, seat=obj)


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["mayor", "delegate", "starts_on", "ends_on", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
