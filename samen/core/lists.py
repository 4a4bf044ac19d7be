"""List pages: one page of results, and only the rows when htmx asks for an update."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PAGE_SIZE = 50


def list_page(request: HttpRequest, rows: QuerySet, *, ordering: tuple[str, ...]) -> Page:
    """The page of `rows` the request asks for (`?page=`), in `ordering`."""
    return Paginator(rows.order_by(*ordering), PAGE_SIZE).get_page(request.GET.get("page"))


def render_page(
    request: HttpRequest, template: str, rows_template: str, page: Page, context: dict
) -> HttpResponse:
    """Render a list page around `page`, or just its rows for an htmx request."""
    chosen = rows_template if getattr(request, "htmx", False) else template
    return render(request, chosen, {**context, "page": page})


def render_list(
    request: HttpRequest,
    template: str,
    rows_template: str,
    rows: QuerySet,
    context: dict,
    *,
    ordering: tuple[str, ...],
) -> HttpResponse:
    """Render a filtered list page, or just its rows for an htmx request."""
    page = list_page(request, rows, ordering=ordering)
    return render_page(request, template, rows_template, page, context)
