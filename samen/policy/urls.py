from django.urls import include, path

from samen.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.index, name="index"),
]
urlpatterns += [path("", include("samen.policy.match_urls"))]
