from django.urls import path

from samen.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.index, name="index"),
]
