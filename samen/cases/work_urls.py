"""URLs of the case work, included under the cases namespace by samen/cases/urls.py."""

from django.urls import path

from samen.cases import meeting_views, work_views

urlpatterns = [
    path("meetings/", meeting_views.meetings, name="meetings"),
    path("meetings/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/agenda/", meeting_views.meeting_agenda_add, name="meeting_agenda"),
    path(
        "meetings/<int:pk>/attendance/",
        meeting_views.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/minutes/",
        meeting_views.item_minutes,
        name="item_minutes",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decisions/",
        meeting_views.item_decision,
        name="item_decision",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decisions/<int:decision_pk>/status/",
        meeting_views.decision_status,
        name="decision_status",
    ),
    path("<int:pk>/assessments/new/", work_views.assessment_new, name="assessment_new"),
    path("<int:pk>/police/", work_views.police_record, name="police_record"),
    path("<int:pk>/support/", work_views.support_plan_open, name="support_open"),
    path("<int:pk>/support/actions/", work_views.support_action_add, name="support_action"),
    path(
        "<int:pk>/support/actions/<int:action_pk>/status/",
        work_views.support_action_status,
        name="support_action_status",
    ),
    path("<int:pk>/support/reviews/", work_views.support_review_add, name="support_review"),
    path("<int:pk>/support/close/", work_views.support_plan_close, name="support_close"),
    path(
        "<int:pk>/support/follow-ups/<int:follow_up_pk>/",
        work_views.support_follow_up,
        name="support_follow_up",
    ),
]
