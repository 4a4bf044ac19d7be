"""What the audit module adds to the navigation and the home page."""

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import Role

add_nav_item(_("Audit trail"), "audit:trail", roles=[Role.DATA_PROTECTION_OFFICER], order=80)


@add_panel("home", "audit/panels/home.html", roles=[Role.DATA_PROTECTION_OFFICER], order=20)
def recent_reads(request):
    from samen.audit.models import AuditRecord

    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).select_related("actor")
    return {"reads": reads.order_by("-timestamp")[:10]}
