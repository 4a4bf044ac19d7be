"""Samen's URLs, and the benchmarks' baselines under /bench/."""

from django.urls import path

from bench import views
from samen.urls import urlpatterns as product_urlpatterns

urlpatterns = [
    path("bench/bare/", views.bare, name="bench_bare"),
    path("bench/insert/", views.insert, name="bench_insert"),
    *product_urlpatterns,
]
