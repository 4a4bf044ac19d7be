"""What the case consultation adds to the navigation (the module, its meetings, statistics,
person export and table) and the home page (referrals, changes of the table and grants to
re-confirm), and its second-factor rule."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.reads import add_read_purposes
from samen.cases import access
from samen.cases.access import REFERRING_ROLES, STATISTICS_ROLES, has_case_role_cached
from samen.cases.access import table as table_access
from samen.cases.actions import notices
from samen.cases.models import CoreSeat, Delegation, Invitation, TableNotice
from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import Role, add_duties, add_two_factor_rule

# Only people with a seat or a current invitation see the module itself.
add_nav_item(_("Case consultation"), "cases:list", order=40, when=has_case_role_cached)
add_nav_item(_("Case statistics"), "cases:statistics", roles=STATISTICS_ROLES, order=42)
add_nav_item(
    _("Person export"), "cases:person_export", roles=[Role.DATA_PROTECTION_OFFICER], order=43
)
# Members see the meetings they take part in; the list itself applies the case rule.
add_nav_item(_("Case meetings"), "cases:meetings", order=44, when=has_case_role_cached)
# The data-protection officer confirms the mayor's seat there (samen.cases.access.table).
add_nav_item(
    _("The table of the case consultation"),
    "cases:table",
    roles=[Role.DATA_PROTECTION_OFFICER],
    order=44,
)
# Everyone with a case role must use a second factor, whatever their role says.
add_two_factor_rule(has_case_role_cached)


@add_duties
def seats_held(user) -> list[str]:
    """The seats `user` holds at the case consultation today, for their home page."""
    if not has_case_role_cached(user):
        return []
    return [
        _("%(seat)s at the case consultation") % {"seat": seat.get_kind_display()}
        for seat in access.granting_seats(user)
    ]


# What the reads of cases and referrals were for, as the audit trail shows them (the codes the
# doors record, see samen.cases.access).
add_read_purposes(
    {
        "page": _("the case's page"),
        "export": _("an export of the case"),
        "api": _("the case through the API"),
        "minutes": _("the minutes of a meeting"),
        "meeting": _("the agenda of meeting %(number)s"),
        "close": _("to close the case"),
        "remove": _("to remove the case"),
        "invite": _("to invite someone to the case"),
        "end invitation": _("to end an invitation"),
        "correct": _("to correct the case"),
        "review date": _("to set the review date"),
        "assessment": _("an assessment"),
        "police exchange": _("a police information exchange"),
        "support plan": _("the support plan"),
        "referral": _("the referral"),
        "person export": _("a person export"),
    }
)


@add_panel("home", "cases/panels/refer.html", roles=REFERRING_ROLES, order=60)
def refer(request):
    """Where partners find the referral form: the navigation is for members only."""
    return None if has_case_role_cached(request.user) else {}


def _decides_on_the_table(user) -> bool:
    """The mayor, a delegate or the data-protection officer: who hears of and decides on
    changes of the table. Cheap for everyone else (the cached case role comes first)."""
    if table_access.is_data_protection_officer(user):
        return True
    return has_case_role_cached(user) and access.controls_case_list(user)


@add_panel("home", "cases/panels/table_notices.html", order=55)
def table_notices(request):
    """The recent changes of who sits at the table, for the mayor and the data-protection
    officer (who get a notice of each)."""
    user = request.user
    mayor = has_case_role_cached(user) and access.is_mayor(user)
    if not (mayor or table_access.is_data_protection_officer(user)):
        return None
    since = timezone.now() - datetime.timedelta(days=table_access.WARNING_DAYS)
    notices = list(
        TableNotice.objects.filter(Q(seen_at=None) | Q(created_at__gte=since), recipient=user)
        .select_related("holder", "actor")
        .order_by("-created_at", "-pk")[:10]
    )
    if not notices:
        return None
    return {"notices": notices, "unseen": sum(1 for n in notices if n.seen_at is None)}


@add_panel("home", "cases/panels/recertify.html", order=56)
def recertify(request):
    """The grants the reader may re-confirm that lapse within 30 days (or lapsed)."""
    user = request.user
    if not _decides_on_the_table(user):
        return None
    today = access.today()
    due = [
        grant
        for model in table_access.GRANT_MODELS.values()
        for grant in table_access.due_for_recertification(model, today).select_related(
            *HOLDER[model]
        )
        if table_access.may_confirm(user, grant)
    ]
    if not due:
        return None
    due.sort(key=lambda grant: grant.confirmed_until)
    what = [(TableNotice.Grant(notices.notice_grant(grant)).label, grant) for grant in due]
    return {"due": what, "today": today}


HOLDER = {CoreSeat: ("user",), Delegation: ("delegate",), Invitation: ("user",)}
