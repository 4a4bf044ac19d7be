"""Administrators designate mediation coordinators here; mediations never appear in the
administration, because administrators do not see party details."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samen.mediation.access import MEDIATOR_ROLES
from samen.mediation.actions import coordinator_designate, coordinator_end
from samen.mediation.models import MediationCoordinator
from samen.people.models import User


class MediationCoordinatorForm(forms.ModelForm):
    class Meta:
        model = MediationCoordinator
        fields = ["user", "district", "since"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            self.fields["user"].queryset = User.objects.filter(
                is_active=True, role__in=MEDIATOR_ROLES
            ).order_by("full_name")
            self.fields["user"].help_text = _(
                "An active frontline worker or district coordinator. Administrators cannot "
                "hold this duty: they do not see party details."
            )


@admin.register(MediationCoordinator)
class MediationCoordinatorAdmin(admin.ModelAdmin):
    form = MediationCoordinatorForm
    list_display = ["user", "district", "since"]
    list_filter = ["district"]
    search_fields = ["user__full_name", "user__email"]

    def has_change_permission(self, request, obj=None) -> bool:
        # A duty is given or ended, never edited: the trail then shows each designation.
        return False

    def save_model(self, request, obj, form, change) -> None:
        made = coordinator_designate(
            by=request.user, user=obj.user, district=obj.district, since=obj.since
        )
        obj.pk = made.pk

    def delete_model(self, request, obj) -> None:
        coordinator_end(by=request.user, coordination=obj)

    def delete_queryset(self, request, queryset) -> None:
        for coordination in queryset:
            coordinator_end(by=request.user, coordination=coordination)
