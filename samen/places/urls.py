from django.urls import path

from samen.places import views

app_name = "places"
urlpatterns = [
    path("", views.city, name="city"),
    path("<str:code>/", views.place_detail, name="detail"),
]
