"""The roll-up's arithmetic on plain rows: sectors to neighbourhoods, districts and the city."""

from __future__ import annotations

import datetime

from samen.indicators.rollup import THEN, TODAY, Geography, roll_up

CITY, NOORD, ZUID, BORGERHOUT, BORSBEEK = 1, 11, 12, 2, 3
GEOGRAPHY = Geography(
    city=CITY,
    sector_neighbourhood={101: NOORD, 102: ZUID, 301: None, 999: None},
    sector_district={101: BORGERHOUT, 102: BORGERHOUT, 301: BORSBEEK, 999: None},
    neighbourhood_district={NOORD: BORGERHOUT, ZUID: BORGERHOUT},
    district_validity={BORGERHOUT: (None, None), BORSBEEK: (datetime.date(2025, 1, 1), None)},
)
TODAY_2026 = datetime.date(2026, 6, 1)
RESIDENTS, INCOME = 7, 8
SUMMABLE = {RESIDENTS: True, INCOME: False}


def test_sectors_sum_to_neighbourhoods_districts_and_the_city_of_each_period():
    rows = roll_up(
        [
            (RESIDENTS, 101, 2024, 0, 100.0, False),
            (RESIDENTS, 102, 2024, 0, 50.0, False),
            (RESIDENTS, 301, 2024, 0, 40.0, True),
            (RESIDENTS, 999, 2024, 0, 5.0, False),
            (RESIDENTS, 301, 2025, 0, 41.0, False),
            (RESIDENTS, 101, 2025, 0, 110.0, False),
        ],
        [],
        GEOGRAPHY,
        SUMMABLE,
        today=TODAY_2026,
    )
    assert rows[(RESIDENTS, NOORD, 2024, 0, THEN)] == (100.0, False)
    assert rows[(RESIDENTS, BORGERHOUT, 2024, 0, THEN)] == (150.0, False)
    assert rows[(RESIDENTS, BORSBEEK, 2024, 0, THEN)] == (40.0, True)
    # 2024: the city as it was (155) and within today's boundaries (195, with Borsbeek).
    assert rows[(RESIDENTS, CITY, 2024, 0, THEN)] == (155.0, False)
    assert rows[(RESIDENTS, CITY, 2024, 0, TODAY)] == (195.0, True)
    # 2025: Borsbeek is a district; one total.
    assert rows[(RESIDENTS, CITY, 2025, 0, THEN)] == (151.0, False)
    assert (RESIDENTS, CITY, 2025, 0, TODAY) not in rows


def test_a_place_given_directly_wins_and_neighbourhoods_sum_to_their_district():
    rows = roll_up(
        [(RESIDENTS, 101, 2024, 0, 100.0, False)],
        [
            (RESIDENTS, NOORD, 2024, 0, 120.0, False),
            (RESIDENTS, NOORD, 2023, 0, 90.0, False),
            (RESIDENTS, ZUID, 2023, 0, 60.0, False),
            (INCOME, BORGERHOUT, 2023, 0, 21000.0, False),
        ],
        GEOGRAPHY,
        SUMMABLE,
        today=TODAY_2026,
    )
    assert rows[(RESIDENTS, NOORD, 2024, 0, THEN)] == (120.0, False)
    assert rows[(RESIDENTS, BORGERHOUT, 2023, 0, THEN)] == (150.0, False)
    assert rows[(INCOME, BORGERHOUT, 2023, 0, THEN)] == (21000.0, False)
    assert (INCOME, CITY, 2023, 0, THEN) not in rows


def test_without_the_joining_districts_value_there_is_no_total_within_todays_boundaries():
    rows = roll_up(
        [(RESIDENTS, 101, 2024, 0, 100.0, False)], [], GEOGRAPHY, SUMMABLE, today=TODAY_2026
    )
    assert rows[(RESIDENTS, CITY, 2024, 0, THEN)] == (100.0, False)
    assert (RESIDENTS, CITY, 2024, 0, TODAY) not in rows
