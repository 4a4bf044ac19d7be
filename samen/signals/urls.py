from django.urls import path

from samen.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("new/", views.signal_new, name="new"),
    path("<int:pk>/", views.signal_detail, name="detail"),
    path("<int:pk>/review/", views.signal_review, name="review"),
    path("<int:pk>/close/", views.signal_close, name="close"),
    path("<int:pk>/comment/", views.signal_comment, name="comment"),
    path("<int:pk>/follow-up/", views.signal_follow_up, name="follow_up"),
    path("<int:pk>/merge/", views.signal_merge, name="merge"),
    path("<int:pk>/share/", views.signal_share, name="share"),
    path("<int:pk>/follow-up/<int:follow_up>/done/", views.follow_up_done, name="follow_up_done"),
]
