from django.urls import path

from samen.people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.staff_member, name="staff_member"),
    path("organisations/", views.organisations, name="organisations"),
    path("welcome/<str:token>/", views.welcome, name="welcome"),
]
