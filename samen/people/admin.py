"""The administration of staff accounts, organisations and teams.

No form here holds a password: a new person receives a one-time sign-in link and chooses
their own. Administrators give roles; whether someone is a superuser, or holds groups and
per-person permissions, is not theirs to edit (samen.people.permissions decides by role).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samen.people.actions import (
    staff_member_create,
    staff_member_reconfirm_role,
    staff_member_update,
    welcome_link_send,
)
from samen.people.models import Organisation, OrganisationMembership, Team, User
from samen.people.panels import roles_to_reconfirm
from samen.people.roles import ELEVATED_ROLES, RECERTIFY_WARNING_DAYS


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    autocomplete_fields = ["organisation"]


class StaffMemberAddForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "role", "home_district", "team", "job_title", "phone"]


class StaffMemberChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "email",
            "full_name",
            "job_title",
            "phone",
            "role",
            "home_district",
            "team",
            "is_active",
        ]


class RoleReviewFilter(admin.SimpleListFilter):
    title = _("re-confirmation")
    parameter_name = "role_review"

    def lookups(self, request, model_admin):
        return [("due", _("lapses within %(days)s days") % {"days": RECERTIFY_WARNING_DAYS})]

    def queryset(self, request, queryset):
        if self.value() != "due":
            return queryset
        return queryset.filter(pk__in=[m.pk for m in roles_to_reconfirm()])


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = StaffMemberChangeForm
    add_form = StaffMemberAddForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "role", "home_district", "team", "is_active"]
    list_filter = ["role", RoleReviewFilter, "home_district", "is_active"]
    search_fields = ["full_name", "email"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "welcome_sent_at"]}),
        (_("Person"), {"fields": ["full_name", "job_title", "phone"]}),
        (_("Work"), {"fields": ["role", "home_district", "team"]}),
        (
            _("Role granted and confirmed"),
            {
                "fields": [
                    "role_granted_by",
                    "role_granted_at",
                    "role_confirmed_by",
                    "role_confirmed_at",
                    "role_lapses_on",
                ]
            },
        ),
        (_("Access"), {"fields": ["is_active"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "fields": [
                    "email",
                    "full_name",
                    "role",
                    "home_district",
                    "team",
                    "job_title",
                    "phone",
                ]
            },
        ),
    ]
    readonly_fields = [
        "welcome_sent_at",
        "role_granted_by",
        "role_granted_at",
        "role_confirmed_by",
        "role_confirmed_at",
        "role_lapses_on",
        "last_login",
        "date_joined",
    ]
    actions = ["send_welcome_link", "reconfirm_role"]

    @admin.display(description=_("role lapses on"))
    def role_lapses_on(self, obj):
        return obj.role_lapses_on or "—"

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, not deleted, so that the audit trail keeps its actors.
        return False

    def user_change_password(self, request, id, form_url=""):
        # Nobody sets another person's password: with it (and a second factor) an
        # administrator could become anyone, a member of the case consultation included. A
        # person who lost theirs uses the reset by e-mail on the sign-in page.
        raise PermissionDenied

    def save_model(self, request, obj, form, change) -> None:
        try:
            if change:
                staff_member_update(by=request.user, member=obj)
                return
            made = staff_member_create(
                by=request.user,
                email=obj.email,
                full_name=obj.full_name,
                role=obj.role,
                home_district=obj.home_district,
                team=obj.team,
                job_title=obj.job_title,
                phone=obj.phone,
                welcome_url=_site_url(request),
            )
        except ValidationError as refused:
            # The admin has no way back to the form from here; refuse the whole request.
            raise PermissionDenied(" ".join(refused.messages)) from refused
        obj.pk = made.pk
        obj.refresh_from_db()

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and obj.pk == request.user.pk and "role" in form.base_fields:
            # Nobody gives themselves a role (an elevated one least of all).
            form.base_fields["role"].disabled = True
        return form

    @admin.action(description=_("Send a new sign-in link"))
    def send_welcome_link(self, request, queryset) -> None:
        sent = 0
        for member in queryset.filter(is_active=True):
            welcome_link_send(by=request.user, member=member, base_url=_site_url(request))
            sent += 1
        self.message_user(
            request,
            ngettext(
                "A sign-in link was sent to %(count)d person.",
                "A sign-in link was sent to %(count)d people.",
                sent,
            )
            % {"count": sent},
            messages.SUCCESS,
        )

    @admin.action(description=_("Re-confirm their role"))
    def reconfirm_role(self, request, queryset) -> None:
        confirmed = 0
        for member in queryset.filter(role__in=ELEVATED_ROLES):
            try:
                staff_member_reconfirm_role(by=request.user, member=member)
            except ValidationError as refused:
                self.message_user(
                    request, f"{member}: {' '.join(refused.messages)}", messages.ERROR
                )
            else:
                confirmed += 1
        self.message_user(
            request,
            ngettext(
                "The role of %(count)d person was re-confirmed.",
                "The roles of %(count)d people were re-confirmed.",
                confirmed,
            )
            % {"count": confirmed},
            messages.SUCCESS if confirmed else messages.WARNING,
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "policy_level", "sector", "district", "is_active"]
    list_filter = ["policy_level", "sector", "is_active"]
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "district"]
    search_fields = ["name"]
