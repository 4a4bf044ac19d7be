from django.urls import path

from samen.signals.views import filing, lists, triage

app_name = "signals"
urlpatterns = [
    path("", lists.signal_list, name="list"),
    path("new/", filing.signal_new, name="new"),
    path("<int:pk>/", triage.signal_detail, name="detail"),
    path("<int:pk>/review/", triage.signal_review, name="review"),
    path("<int:pk>/close/", triage.signal_close, name="close"),
    path("<int:pk>/comment/", triage.signal_comment, name="comment"),
    path("<int:pk>/follow-up/", triage.signal_follow_up, name="follow_up"),
    path("<int:pk>/merge/", triage.signal_merge, name="merge"),
    path("<int:pk>/share/", triage.signal_share, name="share"),
    path("<int:pk>/follow-up/<int:follow_up>/done/", triage.follow_up_done, name="follow_up_done"),
]
