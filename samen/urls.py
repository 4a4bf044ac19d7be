from django.contrib import admin
from django.urls import include, path

from samen.core import views as core_views
from samen.people import views as people_views

urlpatterns = [
    path("", people_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("places/", include("samen.places.urls")),
    path("people/", include("samen.people.urls")),
    path("audit/", include("samen.audit.urls")),
    path("signals/", include("samen.signals.urls")),
    path("signals/exchange/", include("samen.signals.exchange_urls")),
    path("monitor/", include("samen.monitor.urls")),
    path("communities/", include("samen.communities.urls")),
    path("mediation/", include("samen.mediation.urls")),
    path("cases/", include("samen.cases.urls")),
    path("indicators/", include("samen.indicators.urls")),
    path("policy/", include("samen.policy.urls")),
    path("notifications/", include("samen.notifications.urls")),
    path("reports/", include("samen.reporting.urls")),
    path("exchange/", include("samen.exchange.urls")),
    path("peers/", include("samen.peers.urls")),
    path("api/cases/", include("samen.cases.api.urls")),
    path("api/indicators/", include("samen.indicators.api.urls")),
    path("api/reports/", include("samen.reporting.api.urls")),
    path("api/exchange/", include("samen.exchange.api.urls")),
    path("api/", include("samen.api.urls")),
    path("api/", include("samen.signals.api.urls")),
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
]
