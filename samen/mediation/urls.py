from django.urls import path

from samen.mediation import views

app_name = "mediation"
urlpatterns = [
    path("", views.mediation_list, name="list"),
    path("new/", views.mediation_new, name="new"),
    path("export.csv", views.mediation_export_csv, name="export_csv"),
    path("<int:pk>/", views.mediation_detail, name="detail"),
    path("<int:pk>/assign/", views.mediation_assign, name="assign"),
    path("<int:pk>/parties/", views.party_add, name="party_add"),
    path("<int:pk>/sessions/", views.session_record, name="session_record"),
    path("<int:pk>/close/", views.mediation_close, name="close"),
    path("<int:pk>/aftercare-check/", views.aftercare_check, name="aftercare_check"),
    # Its name before the aftercare check was named so: a page opened before still posts here.
    path("<int:pk>/follow-up-check/", views.aftercare_check),
]
