"""The exchange API, at /api/exchange/."""

from django.urls import path

from samen.exchange.api import views

app_name = "exchange_api"
urlpatterns = [
    path("circulars/", views.CircularListView.as_view(), name="circulars"),
    path("exchanges/", views.ExchangeListView.as_view(), name="exchanges"),
    path("exchanges/<int:pk>/", views.ExchangeDetailView.as_view(), name="exchange"),
    path("exchanges/<int:pk>/reply/", views.ExchangeReplyView.as_view(), name="reply"),
]
