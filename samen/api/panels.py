"""What the API platform adds to an administrator's navigation and home page: the partner
organisations' tokens and webhooks, with what needs their attention (a token ending soon, a
delivery that failed)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.api.models import PartnerToken, WebhookDelivery
from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import Role

# How far ahead a token's end date is shown, so a partner gets its next token in time.
ENDING_WITHIN = datetime.timedelta(days=14)
# How far back failed deliveries are shown.
FAILED_SINCE = datetime.timedelta(days=7)

add_nav_item(
    _("Partner systems"), "api_platform:partner_tokens", roles=[Role.ADMINISTRATOR], order=85
)


@add_panel("home", "api/panels/home.html", roles=[Role.ADMINISTRATOR], order=60)
def partner_systems(request):
    """Live tokens ending within two weeks and deliveries that failed this week."""
    today = timezone.localdate()
    ending = list(
        PartnerToken.objects.live(today)
        .filter(ends_on__lte=today + ENDING_WITHIN)
        .select_related("organisation")
        .order_by("ends_on", "pk")
    )
    failed = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.FAILED, created_at__gte=timezone.now() - FAILED_SINCE
    ).count()
    if not ending and not failed:
        return None
    return {"ending": ending, "failed": failed}
