"""Statistics for other policy levels, from the weekly counts, with small cells suppressed.

Every count from 1 to 4 shows as "<5"; `samen.privacy.small_cells.suppress` hides more cells
("x") wherever a total would let a hidden count be worked out (docs/exports.md). No signal rows
are read: the counts come from the tension monitor's weekly counts, through
samen.core.counters.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from samen.core.counters import weekly_counts
from samen.core.weeks import week_of
from samen.places.models import Place
from samen.privacy.small_cells import HIDDEN, SMALL, suppress
from samen.signals.access import check_may_export_statistics
from samen.signals.exports import record_export
from samen.signals.models import Category

ALL = ("all",)


def month_of_week(monday: datetime.date) -> tuple[int, int]:
    """Return the month a week counts in: the one holding its Thursday (most of its days)."""
    thursday = monday + datetime.timedelta(days=3)
    return thursday.year, thursday.month


def _weeks_of(month: tuple[int, int]) -> list[datetime.date]:
    first = week_of(datetime.date(*month, 1))
    mondays = [first + datetime.timedelta(weeks=n) for n in range(6)]
    return [monday for monday in mondays if month_of_week(monday) == month]


class StatisticsForm(forms.Form):
    since = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"}))
    until = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput({"type": "date"}))
    granularity = forms.ChoiceField(
        label=gettext_lazy("Counts per"),
        choices=[("month", gettext_lazy("month")), ("week", gettext_lazy("week"))],
    )
    level = forms.ChoiceField(
        label=gettext_lazy("Categories"),
        choices=[("category", gettext_lazy("each one")), ("group", gettext_lazy("per group"))],
    )
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "XLSX")])

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise ValidationError(_("The period ends before it starts."))
        if since and until and (until - since).days > 5 * 366:
            raise ValidationError(_("Choose a period of at most five years."))
        return data


def statistics_initial(today: datetime.date | None = None) -> dict:
    """Propose the twelve whole months before this one, per month and category."""
    today = today or timezone.localdate()
    until = today.replace(day=1) - datetime.timedelta(days=1)
    since = today.replace(year=today.year - 1, day=1)
    return {"since": since, "until": until, "granularity": "month", "level": "category"}


@dataclass
class StatisticsTable:
    header: list
    rows: list[list]
    notes: list[list]
    # The code of each count column, "all" first: group or category codes (the API's keys).
    codes: list[str]


def _block(month, weeks, counts: dict, groups: dict[str, list[int]]) -> dict:
    """Suppress one district-month at once: its weeks, the month, categories and groups."""
    # Every sum a reader could form from any export (a month from its weeks, a group from its
    # categories, all signals from either) is a relation, so that no two exports, weekly and
    # monthly or per group and per category, can be set against each other.
    periods, month_period = [("w", w) for w in weeks], ("m", month)
    categories = [("c", c) for ids in groups.values() for c in ids]
    columns = [ALL, *[("g", g) for g in groups], *categories]
    values = {}
    for period in periods:
        values[period, ALL] = counts.get((period[1], None), 0)
        for column in categories:
            values[period, column] = counts.get((period[1], column[1]), 0)
        for group, ids in groups.items():
            values[period, ("g", group)] = sum(values[period, ("c", c)] for c in ids)
    for column in columns:
        values[month_period, column] = sum(values[p, column] for p in periods)
    relations = [((month_period, col), [(p, col) for p in periods]) for col in columns]
    for period in [*periods, month_period]:
        for group, ids in groups.items():
            relations.append(((period, ("g", group)), [(period, ("c", c)) for c in ids]))
        # Not exact (a signal with two categories counts in both), but hidden as if it were.
        relations.append(((period, ALL), [(period, ("g", g)) for g in groups]))
        relations.append(((period, ALL), [(period, c) for c in categories]))
    return suppress(values, relations)


def statistics_table(
    since: datetime.date, until: datetime.date, granularity: str, level: str
) -> StatisticsTable:
    """Count per district, period and category from the weekly counts, small cells suppressed."""
    first_week, weeks_asked = week_of(since), (week_of(until) - week_of(since)).days // 7 + 1
    wanted = {first_week + datetime.timedelta(weeks=n) for n in range(weeks_asked)}
    if granularity == "week":
        months = sorted({month_of_week(week) for week in wanted})
    else:
        first, last = since.year * 12 + since.month - 1, until.year * 12 + until.month
        months = [(index // 12, index % 12 + 1) for index in range(first, last)]
    weeks = {month: _weeks_of(month) for month in months}
    start, end = datetime.date(*months[0], 1), weeks[months[-1]][-1] + datetime.timedelta(days=6)

    counts = defaultdict(dict)
    for place, week, category, count in weekly_counts(
        first=weeks[months[0]][0], last=end, place_kind=Place.Kind.DISTRICT
    ):
        counts[place][week, category] = count
    categories = list(
        Category.objects.filter(parent__isnull=False)
        .select_related("parent")
        .order_by("parent__order", "order", "name_nl")
    )
    groups: dict[str, list[int]] = {}
    for category in categories:
        groups.setdefault(category.group, []).append(category.pk)
    existed = (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_until__isnull=True) | Q(valid_until__gt=start)
    )
    districts = Place.objects.districts().filter(existed | Q(pk__in=list(counts)))
    if level == "group":
        roots = {c.group: c.parent.name for c in categories}
        columns, labels = [("g", g) for g in groups], [roots[g] for g in groups]
        codes = list(groups)
    else:
        columns = [("c", c.pk) for c in categories]
        labels = [f"{c.parent.name}: {c.name}" for c in categories]
        codes = [c.code for c in categories]

    rows = []
    for district in districts.order_by("name_nl"):
        for month in months:
            shown = _block(month, weeks[month], counts[district.pk], groups)
            if granularity == "week":
                periods = [(("w", w), "{}-W{:02d}".format(*w.isocalendar())) for w in weeks[month]]
                periods = [(p, label) for p, label in periods if p[1] in wanted]
            else:
                periods = [(("m", month), "{}-{:02d}".format(*month))]
            for period, label in periods:
                cells = [shown[period, column] for column in [ALL, *columns]]
                rows.append([district.code, district.name, label, *cells])
    header = [_("District code"), _("District"), _("Period"), _("All signals"), *labels]
    notes = [
        [SMALL, _("between 1 and 4 signals")],
        [HIDDEN, _("hidden so that no number under 5 can be worked out from the others")],
        [_("Period"), f"{since.isoformat()} – {until.isoformat()}"],
        [_("Made on"), timezone.localdate().isoformat()],
        [_("Months"), _("a week counts in the month that holds its Thursday")],
        [_("Categories"), _("a signal with several categories counts once in each of them")],
    ]
    return StatisticsTable(header=header, rows=rows, notes=notes, codes=[ALL[0], *codes])


def statistics_export(
    user, form: StatisticsForm, *, request: HttpRequest | None
) -> StatisticsTable:
    """Check access, build the table for a valid form and record the export."""
    check_may_export_statistics(user)
    data = form.cleaned_data
    table = statistics_table(data["since"], data["until"], data["granularity"], data["level"])
    filters = {name: str(data[name]) for name in ("since", "until", "granularity", "level")}
    details = {"format": data["format"], "rows": len(table.rows), "filters": filters}
    record_export(
        by=user,
        request=request,
        what=gettext_noop("Export of signal statistics (%(format)s)"),
        params={"format": data["format"]},
        details=details,
    )
    return table


def statistics_read(
    *,
    by,
    partner,
    since,
    until,
    granularity: str,
    level: str,
    request: HttpRequest | None,
    what: str = gettext_noop("Signal statistics read through the API"),
) -> StatisticsTable:
    """Build the table for the API and record the read: a person's (`by`, who must be allowed
    the statistics export) or a partner organisation's token (`partner`, whose scope the API
    checked). `what` names the read in the trail (an untranslated message)."""
    if partner is None:
        check_may_export_statistics(by)
    table = statistics_table(since, until, granularity, level)
    filters = {"since": str(since), "until": str(until)}
    filters.update(granularity=granularity, level=level)
    details = {"format": "json", "rows": len(table.rows), "filters": filters}
    if partner is not None:
        details["partner_token"] = {"id": partner.pk, "organisation": partner.organisation.name}
    record_export(
        by=None if partner is not None else by,
        request=request,
        what=what,
        params={},
        details=details,
    )
    return table


def statistics_payload(table: StatisticsTable) -> dict:
    """The table as the API answers it: its columns by code, and its rows with the counts
    suppressed."""
    columns = [
        {"code": code, "label": str(label)}
        for code, label in zip(table.codes, table.header[3:], strict=True)
    ]
    rows = [
        {"district": row[0], "district_name": row[1], "period": row[2], "counts": row[3:]}
        for row in table.rows
    ]
    return {"columns": columns, "rows": rows}


def published_read(*, by, request, what, since, until, granularity, level) -> dict:
    """This city's table for another module's page (samen.core.published): the API's answer,
    the reader checked as for the API and the read recorded."""
    table = statistics_read(
        by=by,
        partner=None,
        since=since,
        until=until,
        granularity=granularity,
        level=level,
        request=request,
        what=what,
    )
    return statistics_payload(table)
