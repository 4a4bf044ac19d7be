"""Views that belong to no module: health check and the benchmark baseline."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST


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


@csrf_exempt
@require_POST
def bench_insert(request: HttpRequest) -> HttpResponse:
    """The intake baseline: parse a JSON body and insert one row (bench only)."""
    if not settings.SAMEN_BENCH_VIEWS:
        raise Http404
    import json

    from samen.core.models import BenchmarkRow

    row = BenchmarkRow.objects.create(payload=json.loads(request.body or b"{}"))
    return JsonResponse({"id": row.pk}, status=201)
