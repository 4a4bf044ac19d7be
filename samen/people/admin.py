from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from samen.people.models import Organisation, OrganisationMembership, Team, User


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "role", "home_district", "team", "is_active"]
    list_filter = ["role", "home_district", "is_active"]
    search_fields = ["full_name", "email"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "job_title", "phone"]}),
        (_("Work"), {"fields": ["role", "home_district", "team"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"fields": ["email", "full_name", "role", "home_district", "password1", "password2"]},
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, not deleted, so that the audit trail keeps its actors.
        return False

    def user_change_password(self, request, id, form_url=""):
        # Nobody sets another person's password: with it (and a second factor) an
        # administrator could become anyone, a member of the case consultation included. A
        # person who lost theirs uses the reset by e-mail on the sign-in page.
        raise PermissionDenied


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "policy_level", "sector", "district", "is_active"]
    list_filter = ["policy_level", "sector", "is_active"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "district"]
    search_fields = ["name"]
