from django.urls import include, path

from samen.cases import change_views, referral_views, report_views, table_views, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("acknowledge/", views.acknowledge, name="acknowledge"),
    path("cycles/", views.cycles, name="cycles"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/export/", views.case_export, name="export"),
    path("<int:pk>/close/", change_views.case_close, name="close"),
    path("<int:pk>/remove/", change_views.case_remove, name="remove"),
    path("<int:pk>/invite/", change_views.case_invite, name="invite"),
    path(
        "<int:pk>/invitations/<int:invitation>/end/",
        change_views.invitation_end,
        name="invitation_end",
    ),
    path("<int:pk>/correct/", change_views.case_correct, name="correct"),
    path("<int:pk>/review-date/", change_views.case_review_date, name="review_date"),
    path("referrals/new/", referral_views.referral_new, name="referral_new"),
    path("referrals/", referral_views.referral_list, name="referrals"),
    path("referrals/<int:pk>/", referral_views.referral_detail, name="referral"),
    path("referrals/<int:pk>/accept/", referral_views.referral_accept, name="referral_accept"),
    path("referrals/<int:pk>/reject/", referral_views.referral_reject, name="referral_reject"),
    path("table/", table_views.table, name="table"),
    path("table/seats/", table_views.seat_new, name="seat_new"),
    path("table/delegations/", table_views.delegation_new, name="delegation_new"),
    path("table/<str:kind>/<int:pk>/", table_views.grant_decide, name="grant_decide"),
    path("table/notices/seen/", table_views.notices_seen, name="notices_seen"),
    path("statistics/", report_views.statistics, name="statistics"),
    path("person-export/", report_views.person_export, name="person_export"),
    path("", include("samen.cases.work_urls")),
]
