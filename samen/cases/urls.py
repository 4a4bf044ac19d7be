from django.urls import path

from samen.cases.views import cases, changes, meetings, referrals, reports, table, work

app_name = "cases"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("acknowledge/", cases.acknowledge, name="acknowledge"),
    path("cycles/", cases.cycles, name="cycles"),
    path("<int:pk>/", cases.case_detail, name="detail"),
    path("<int:pk>/export/", cases.case_export, name="export"),
    path("<int:pk>/close/", changes.case_close, name="close"),
    path("<int:pk>/remove/", changes.case_remove, name="remove"),
    path("<int:pk>/invite/", changes.case_invite, name="invite"),
    path(
        "<int:pk>/invitations/<int:invitation>/end/",
        changes.invitation_end,
        name="invitation_end",
    ),
    path("<int:pk>/correct/", changes.case_correct, name="correct"),
    path("<int:pk>/review-date/", changes.case_review_date, name="review_date"),
    path("referrals/new/", referrals.referral_new, name="referral_new"),
    path("referrals/", referrals.referral_list, name="referrals"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral"),
    path("referrals/<int:pk>/accept/", referrals.referral_accept, name="referral_accept"),
    path("referrals/<int:pk>/reject/", referrals.referral_reject, name="referral_reject"),
    path("table/", table.table, name="table"),
    path("table/seats/", table.seat_new, name="seat_new"),
    path("table/delegations/", table.delegation_new, name="delegation_new"),
    path("table/<str:kind>/<int:pk>/", table.grant_decide, name="grant_decide"),
    path("table/notices/seen/", table.notices_seen, name="notices_seen"),
    path("statistics/", reports.statistics, name="statistics"),
    path("person-export/", reports.person_export, name="person_export"),
    # The case work: meetings, assessments, police exchanges, support plans.
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/agenda/", meetings.meeting_agenda_add, name="meeting_agenda"),
    path(
        "meetings/<int:pk>/attendance/",
        meetings.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/minutes/",
        meetings.item_minutes,
        name="item_minutes",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decisions/",
        meetings.item_decision,
        name="item_decision",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decisions/<int:decision_pk>/status/",
        meetings.decision_status,
        name="decision_status",
    ),
    path("<int:pk>/assessments/new/", work.assessment_new, name="assessment_new"),
    path("<int:pk>/police/", work.police_record, name="police_record"),
    path("<int:pk>/support/", work.support_plan_open, name="support_open"),
    path("<int:pk>/support/actions/", work.support_action_add, name="support_action"),
    path(
        "<int:pk>/support/actions/<int:action_pk>/status/",
        work.support_action_status,
        name="support_action_status",
    ),
    path("<int:pk>/support/reviews/", work.support_review_add, name="support_review"),
    path("<int:pk>/support/close/", work.support_plan_close, name="support_close"),
    path(
        "<int:pk>/support/aftercare-reviews/<int:review_pk>/",
        work.support_aftercare_review,
        name="support_aftercare_review",
    ),
    # Its address before aftercare reviews were named so: a page opened before still posts here.
    path("<int:pk>/support/follow-ups/<int:review_pk>/", work.support_aftercare_review),
]
