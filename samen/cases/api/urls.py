"""The case API under /api/cases/ (see docs/cases.md)."""

from django.urls import path

from samen.cases.api import views

app_name = "cases_api"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="cases"),
    path("<int:pk>/", views.CaseDetailView.as_view(), name="case"),
    path("referrals/", views.ReferralCreateView.as_view(), name="referrals"),
]
