"""Dates as each language writes them (samen/core/formats, settings.FORMAT_MODULE_PATH)."""

import datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import formats, timezone, translation

import samen

DAY = datetime.date(2026, 10, 5)
MOMENT = datetime.datetime(2026, 10, 5, 12, 30, tzinfo=datetime.UTC)  # 14:30 in Antwerp


@pytest.mark.parametrize(
    ("language", "day_and_month", "date", "short_date", "short_moment"),
    [
        ("nl", "5 okt", "5 oktober 2026", "5-10-2026", "5-10-2026 14:30"),
        ("fr", "5 oct.", "5 octobre 2026", "05/10/2026", "05/10/2026 14:30"),
        ("en", "5 Oct", "5 October 2026", "05/10/2026", "05/10/2026 14:30"),
    ],
)
def test_each_language_writes_dates_its_own_way(
    language, day_and_month, date, short_date, short_moment
):
    moment = timezone.localtime(MOMENT, timezone=datetime.timezone(datetime.timedelta(hours=2)))
    with translation.override(language):
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") == day_and_month
        assert formats.date_format(DAY, "DATE_FORMAT") == date
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short_date
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == short_moment


def test_english_reads_dates_day_first():
    with translation.override("en"):
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_no_template_writes_a_month_with_a_format_of_its_own():
    """A format such as "j M" capitalises Dutch months ("5 Okt"); the named formats do not."""
    pattern = ('date:"j M', 'date:"M d', 'date:"N j', 'date:"j F')
    found = [
        str(path)
        for path in Path(samen.__file__).parent.glob("**/templates/**/*.html")
        if any(p in path.read_text() for p in pattern)
    ]
    assert found == []


def test_a_template_with_the_named_format_says_the_month_in_dutch_lower_case():
    with translation.override("nl"):
        rendered = Template('{{ day|date:"MONTH_DAY_FORMAT" }}').render(Context({"day": DAY}))
    assert rendered == "5 okt"
