"""List pages: one page of results, and only the rows when htmx asks for an update."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import cached_property

PAGE_SIZE = 50
# Rows counted for paging at most: past this a list says "more than" instead of a number.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A paginator that counts at most `cap` rows.

    Counting every row of a list that grows with history (a million signals, the audit
    trail) costs more than showing its page; nobody pages through ten thousand rows. Up to
    the cap the count is exact; past it `is_capped` is true, `count` is the cap, and the
    pages reach up to it: whoever needs the rows beyond narrows the filters.
    """

    cap = COUNT_CAP

    @cached_property
    def counted(self) -> int:
        """The rows, up to one more than the cap (so that "more" can be told from "exactly")."""
        if isinstance(self.object_list, QuerySet):
            # COUNT(*) over a subquery with LIMIT cap + 1; without the ordering, which does
            # not change how many rows there are and would make the database sort them.
            return self.object_list.order_by()[: self.cap + 1].count()
        return min(len(self.object_list), self.cap + 1)

    @property
    def is_capped(self) -> bool:
        return self.counted > self.cap

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)


def list_page(request: HttpRequest, rows: QuerySet, *, ordering: tuple[str, ...]) -> Page:
    """The page of `rows` the request asks for (`?page=`), in `ordering`."""
    paginator = CappedPaginator(rows.order_by(*ordering), PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


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
