"""The context match of each place and the progress pages, under /policy/."""

from django.urls import path

from samen.policy import match_views

urlpatterns = [
    path("match/", match_views.match_index, name="match_index"),
    path("match/<str:code>/", match_views.match_place, name="match"),
    path("progress/", match_views.progress_overview, name="progress"),
    path("progress/<int:pk>/", match_views.progress_strategy, name="progress_strategy"),
]
