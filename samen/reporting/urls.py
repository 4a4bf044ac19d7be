"""The reports to other policy levels (namespace "reporting", at /reports/)."""

from django.urls import path

from samen.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="report"),
    path("<int:pk>/report.<str:kind>", views.report_download, name="download"),
    path("<int:pk>/draw/", views.report_draw_again, name="draw_again"),
    path("<int:pk>/sign-off/", views.report_sign_off, name="sign_off"),
    path("<int:pk>/send/", views.report_send, name="send"),
]
