from django.urls import path

from samen.exchange import circular_views, views

app_name = "exchange"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.sent, name="sent"),
    path("new/", views.exchange_new, name="new"),
    path("<int:pk>/", views.exchange_detail, name="exchange"),
    path("<int:pk>/messages/", views.exchange_write, name="write"),
    path("<int:pk>/close/", views.exchange_close, name="close"),
    path("<int:pk>/withdraw/", views.exchange_withdraw, name="withdraw"),
    path("<int:pk>/attachments/", views.attachment_new, name="attachment_new"),
    path(
        "<int:pk>/attachments/<int:attachment>/",
        views.attachment_download,
        name="attachment",
    ),
    path("circulars/", circular_views.circular_list, name="circulars"),
    path("circulars/new/", circular_views.circular_new, name="circular_new"),
    path("circulars/<int:pk>/", circular_views.circular_detail, name="circular"),
    path("circulars/<int:pk>/read/", circular_views.circular_read, name="circular_read"),
]
