"""Summing values up: statistical sector → neighbourhood → district → city.

Values of summable data elements given per statistical sector are summed per neighbourhood
and district through the sector lookup; a value given for a place itself stands for that
place (and is summed upwards where it is summable). The city is summed from its districts as
they were in the period (2024: without Borsbeek, which joined on 1 January 2025) and, where
that differs, from today's districts too, so that both totals can be shown. A district's
own values before it joined the city still count for it: Borsbeek's 2024 is Borsbeek's.

`roll_up` is arithmetic on plain rows, tested by hand; `refresh_aggregates` reads the values
and replaces the `Aggregate` rows of the data elements and years an import touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from samen.indicators.models import Aggregate, DataElement, StatisticalSector, Value, reference_day
from samen.places.models import Place

THEN, TODAY = Aggregate.BOUNDARIES_THEN, Aggregate.BOUNDARIES_TODAY
BATCH = 5000


@dataclass(frozen=True)
class Geography:
    """The sector lookup and the places, as plain ids, for the arithmetic."""

    city: int
    sector_neighbourhood: dict[int, int | None]
    sector_district: dict[int, int | None]
    neighbourhood_district: dict[int, int | None]
    # district id -> (valid_from, valid_until), dates or None
    district_validity: dict[int, tuple] = field(default_factory=dict)

    def districts_on(self, day) -> set[int]:
        return {
            district
            for district, (start, end) in self.district_validity.items()
            if (start is None or start <= day) and (end is None or end > day)
        }


def load_geography() -> Geography:
    city = Place.objects.get(kind=Place.Kind.CITY, parent__isnull=True)
    sectors = list(StatisticalSector.objects.values_list("pk", "neighbourhood_id", "district_id"))
    neighbourhoods = Place.objects.neighbourhoods().values_list("pk", "parent_id")
    districts = Place.objects.districts().values_list("pk", "valid_from", "valid_until")
    return Geography(
        city=city.pk,
        sector_neighbourhood={pk: n for pk, n, _d in sectors},
        sector_district={pk: d for pk, _n, d in sectors},
        neighbourhood_district=dict(neighbourhoods),
        district_validity={pk: (start, end) for pk, start, end in districts},
    )


# (element, place, year, quarter, boundaries) -> (value, synthetic)
Aggregates = dict[tuple[int, int, int, int, str], tuple[float, bool]]


def roll_up(
    sector_values: Iterable[tuple],
    place_values: Iterable[tuple],
    geography: Geography,
    summable: dict[int, bool],
    today=None,
) -> Aggregates:
    """Aggregate rows from values.

    `sector_values` and `place_values`: (element, sector or place, year, quarter, value,
    synthetic). Values of data elements that may not be summed are kept only where given.
    """
    today = today or timezone.localdate()
    current = geography.districts_on(today)
    totals: dict[tuple, float] = defaultdict(float)
    synthetic: dict[tuple, bool] = defaultdict(bool)
    unassigned: dict[tuple, float] = defaultdict(float)
    given: dict[tuple, tuple[float, bool]] = {}

    def add(key: tuple, value: float, fake: bool) -> None:
        totals[key] += value
        synthetic[key] |= fake

    for element, sector, year, quarter, value, fake in sector_values:
        if not summable.get(element):
            continue
        district = geography.sector_district.get(sector)
        neighbourhood = geography.sector_neighbourhood.get(sector)
        if neighbourhood is not None:
            add((element, neighbourhood, year, quarter), value, fake)
        if district is not None:
            add((element, district, year, quarter), value, fake)
        else:
            unassigned[(element, year, quarter)] += value
            synthetic[(element, "unassigned", year, quarter)] |= fake
    for element, place, year, quarter, value, fake in place_values:
        given[(element, place, year, quarter)] = (value, fake)

    result: Aggregates = {}
    # Places given directly win over sums of their sectors.
    for key, value in totals.items():
        result[(*key, THEN)] = (value, synthetic[key])
    for key, pair in given.items():
        result[(*key, THEN)] = pair
    # A district without sector values is the sum of its neighbourhoods' given values.
    from_neighbourhoods: dict[tuple, list] = defaultdict(list)
    for (element, place, year, quarter), (value, fake) in given.items():
        district = geography.neighbourhood_district.get(place)
        if summable.get(element) and district in geography.district_validity:
            from_neighbourhoods[(element, district, year, quarter)].append((value, fake))
    for key, parts in from_neighbourhoods.items():
        if (*key, THEN) not in result:
            result[(*key, THEN)] = (sum(v for v, _f in parts), any(f for _v, f in parts))

    periods = {(k[0], k[2], k[3]) for k in result} | set(unassigned)
    for element, year, quarter in periods:
        if not summable.get(element):
            continue
        day = reference_day(year, quarter)
        then = geography.districts_on(day)
        city_given = given.get((element, geography.city, year, quarter))
        district_values = {
            d: result.get((element, d, year, quarter, THEN)) for d in geography.district_validity
        }
        rest = unassigned.get((element, year, quarter), 0.0)
        rest_fake = synthetic.get((element, "unassigned", year, quarter), False)
        if city_given is not None:
            then_total, then_fake = city_given
        else:
            parts = [district_values[d] for d in then if district_values[d] is not None]
            if not parts and (element, year, quarter) not in unassigned:
                continue
            then_total = sum(v for v, _f in parts) + rest
            then_fake = any(f for _v, f in parts) or rest_fake
        result[(element, geography.city, year, quarter, THEN)] = (then_total, then_fake)
        if then == current:
            continue
        joined, left = current - then, then - current
        moved = [district_values[d] for d in joined | left]
        if any(pair is None for pair in moved):
            continue  # a district that joined or left has no value: no comparable total
        today_total = (
            then_total
            + sum(district_values[d][0] for d in joined)
            - sum(district_values[d][0] for d in left)
        )
        today_fake = then_fake or any(f for _v, f in moved)
        result[(element, geography.city, year, quarter, TODAY)] = (today_total, today_fake)
    return result


def refresh_aggregates(element_ids: Iterable[int], years: Iterable[int]) -> int:
    """Recompute the aggregates of these data elements in these years; return how many.

    Runs inside the importing action's transaction: derived rows, not audited (the values'
    import is), replaced whole for each data element and year.
    """
    element_ids, years = set(element_ids), set(years)
    if not element_ids or not years:
        return 0
    geography = load_geography()
    summable = dict(DataElement.objects.filter(pk__in=element_ids).values_list("pk", "summable"))
    values = Value.objects.filter(element_id__in=element_ids, year__in=years)
    columns = ("element_id", "year", "quarter", "value", "source_import__synthetic")
    sector_values = (
        (e, s, y, q, v, f)
        for e, s, y, q, v, f in values.filter(sector__isnull=False)
        .values_list("element_id", "sector_id", *columns[1:])
        .iterator(chunk_size=BATCH)
    )
    place_values = list(
        values.filter(place__isnull=False).values_list("element_id", "place_id", *columns[1:])
    )
    rows = roll_up(sector_values, place_values, geography, summable)
    Aggregate.objects.filter(element_id__in=element_ids, year__in=years).delete()
    Aggregate.objects.bulk_create(
        (
            Aggregate(
                element_id=element,
                place_id=place,
                year=year,
                quarter=quarter,
                boundaries=boundaries,
                value=value,
                synthetic=fake,
            )
            for (element, place, year, quarter, boundaries), (value, fake) in rows.items()
        ),
        batch_size=BATCH,
    )
    return len(rows)
