"""The baselines the benchmarks compare against: Django doing (almost) nothing."""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from bench.models import BenchmarkRow


@require_GET
def bare(request: HttpRequest) -> HttpResponse:
    """A page's baseline: Django with no work."""
    return HttpResponse(b"ok", content_type="text/plain")


@csrf_exempt
@require_POST
def insert(request: HttpRequest) -> HttpResponse:
    """The intake's baseline: parse a JSON body and insert one row."""
    row = BenchmarkRow.objects.create(payload=json.loads(request.body or b"{}"))
    return JsonResponse({"id": row.pk}, status=201)
