"""Views that belong to no module: health check and the benchmark baseline."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Tell a load balancer whether this app server can reach its database (public, no data)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
def bench_bare(request: HttpRequest) -> HttpResponse:
    """The baseline a benchmark compares a page against: Django with no work (bench only)."""
    if not settings.SAMEN_BENCH_VIEWS:
        raise Http404
    return HttpResponse(b"ok", content_type="text/plain")
