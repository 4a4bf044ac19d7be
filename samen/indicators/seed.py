"""A synthetic Antwerp in figures: ten years per statistical sector, labelled synthetic.

The data elements and indicators are the city's usual ones; the figures are generated, with
differences between districts in the directions the city describes (fast growth, a young
population and income gaps: Borgerhout and Antwerpen young and growing, Borsbeek and Wilrijk
older and better off). Every value comes from one import marked synthetic, so every page that
shows one says so. Without the sector lookup (`--places-dir`) only the definitions are made.
"""

from __future__ import annotations

import random

from django.utils import timezone

from samen.core.seeding import SeedRun, add_seeder
from samen.indicators.actions import sectors_import, values_import
from samen.indicators.catalogue import make_definitions
from samen.indicators.importing import CheckedFile, read_sector_lookup
from samen.indicators.models import DataElement, StatisticalSector
from samen.places.models import Place

LOOKUP_FILE = "antwerp_statsec_district_wijk_lookup.csv"
YEARS = 10
# District profiles: residents in 2026, yearly growth, share 0-17, share born abroad,
# deprivation at birth, income level (1 = the city's median).
PROFILES = {
    "11002Z": (207_000, 0.011, 0.19, 0.36, 0.27, 0.95),
    "11002S": (46_500, 0.013, 0.25, 0.47, 0.38, 0.78),
    "11002R": (82_000, 0.009, 0.22, 0.33, 0.29, 0.92),
    "11002T": (43_000, 0.007, 0.20, 0.28, 0.18, 1.05),
    "11002V": (40_000, 0.010, 0.23, 0.31, 0.26, 0.93),
    "11002Q": (46_000, 0.008, 0.23, 0.32, 0.28, 0.90),
    "11002U": (44_500, 0.005, 0.19, 0.22, 0.12, 1.16),
    "11002P": (25_500, 0.004, 0.21, 0.14, 0.09, 1.18),
    "11002Y": (11_000, 0.003, 0.20, 0.10, 0.07, 1.14),
    "11007A": (11_300, 0.002, 0.18, 0.09, 0.06, 1.22),
}
CITY_MEDIAN_INCOME = 24_000


def _wave(rng, amplitude: float) -> float:
    return 1 + rng.uniform(-amplitude, amplitude)


def synthetic_values(run: SeedRun, last_year: int) -> tuple[CheckedFile, CheckedFile]:
    """Sector values (summable elements) and place values (medians and survey shares)."""
    # Its own generator: the other seeders' figures stay as they were before this one.
    rng = random.Random(f"indicators-{run.seed}")
    elements = dict(DataElement.objects.values_list("code", "pk"))
    districts = {p.pk: p for p in Place.objects.districts()}
    sectors = list(StatisticalSector.objects.values_list("pk", "district_id"))
    per_district: dict[int, list[int]] = {}
    for pk, district in sectors:
        per_district.setdefault(district, []).append(pk)
    by_sector = CheckedFile(layout="sectors", sha256="synthetic")
    by_place = CheckedFile(layout="places", sha256="synthetic")
    years = range(last_year - YEARS + 1, last_year + 1)

    def put(target: CheckedFile, code: str, where: int, year: int, value: float) -> None:
        target.values[(elements[code], where, year, 0)] = value

    for district_id, sector_ids in per_district.items():
        district = districts.get(district_id)
        profile = PROFILES.get(district.code if district else "", (600, 0.0, 0.2, 0.3, 0.2, 1.0))
        residents_now, growth, young, abroad, deprived, income = profile
        # Sectors differ in size (a port sector has a handful of residents, an inner-city
        # one thousands) and a little in who lives there.
        weights = [rng.lognormvariate(0, 0.9) for _ in sector_ids]
        total = sum(weights)
        for sector, weight in zip(sector_ids, weights, strict=True):
            size = residents_now * weight / total
            tilt = _wave(rng, 0.25)
            sector_growth = growth * _wave(rng, 0.6)
            for year in years:
                people = round(size / (1 + sector_growth) ** (last_year - year) * _wave(rng, 0.01))
                kids = round(people * young * tilt * _wave(rng, 0.03))
                adults = round(people * 0.63 * _wave(rng, 0.02))
                births = round(people * (0.010 + 0.012 * young / 0.2 * tilt) * _wave(rng, 0.15))
                # Abroad and poverty rise a little each year in the districts that grow fast.
                drift = 1 + growth * 2 * (year - last_year)
                put(by_sector, "residents", sector, year, people)
                put(by_sector, "residents_0_17", sector, year, kids)
                put(by_sector, "residents_18_64", sector, year, adults)
                put(by_sector, "births", sector, year, births)
                put(
                    by_sector,
                    "born_abroad",
                    sector,
                    year,
                    round(people * min(abroad * tilt * drift, 0.9)),
                )
                put(
                    by_sector,
                    "births_deprived",
                    sector,
                    year,
                    round(births * min(deprived * tilt * drift * _wave(rng, 0.1), 0.95)),
                )
                put(
                    by_sector,
                    "living_wage",
                    sector,
                    year,
                    round(adults * 0.045 * deprived / 0.25 * tilt * _wave(rng, 0.1)),
                )
                put(
                    by_sector,
                    "jobseekers",
                    sector,
                    year,
                    round(adults * (0.05 + 0.08 * deprived) * tilt * _wave(rng, 0.08)),
                )
                put(
                    by_sector,
                    "social_housing_applicants",
                    sector,
                    year,
                    round(people * 0.03 * deprived / 0.25 * tilt * drift * _wave(rng, 0.1)),
                )
                pupils = round(kids * 0.45 * _wave(rng, 0.05))
                put(by_sector, "pupils", sector, year, pupils)
                put(
                    by_sector,
                    "school_places",
                    sector,
                    year,
                    round(pupils / (0.9 + 0.12 * young / 0.2 * drift) * _wave(rng, 0.05)),
                )
        if district is None:
            continue
        for year in years:
            trend = 1 + 0.02 * (year - last_year)
            put(
                by_place,
                "median_income",
                district.pk,
                year,
                round(CITY_MEDIAN_INCOME * income * trend * _wave(rng, 0.01)),
            )
            put(
                by_place,
                "feels_at_home",
                district.pk,
                year,
                round(min(92, 60 + 25 * (income - 0.7) + rng.uniform(-3, 3)), 1),
            )
            put(
                by_place,
                "feels_lonely",
                district.pk,
                year,
                round(max(5, 30 - 15 * (income - 0.7) + rng.uniform(-2, 2)), 1),
            )
            put(
                by_place,
                "health_good",
                district.pk,
                year,
                round(min(90, 62 + 20 * (income - 0.7) + rng.uniform(-2, 2)), 1),
            )
            for neighbourhood in district.children.all():
                put(
                    by_place,
                    "median_income",
                    neighbourhood.pk,
                    year,
                    round(CITY_MEDIAN_INCOME * income * trend * _wave(rng, 0.12)),
                )
    city = Place.objects.get(kind=Place.Kind.CITY, parent__isnull=True)
    for year in years:
        put(
            by_place,
            "median_income",
            city.pk,
            year,
            round(CITY_MEDIAN_INCOME * (1 + 0.02 * (year - last_year))),
        )
        # The city's survey shares: its own sample, not a sum of the districts'.
        for code, share in (("feels_at_home", 64.0), ("feels_lonely", 26.0), ("health_good", 66.0)):
            put(by_place, code, city.pk, year, round(share + rng.uniform(-1.5, 1.5), 1))
    by_sector.rows = len(sectors) * YEARS
    by_place.rows = len(by_place.values)
    return by_sector, by_place


@add_seeder(order=60)
def seed_indicators(run: SeedRun) -> None:
    make_definitions()
    lookup = run.places_dir / LOOKUP_FILE if run.places_dir else None
    if lookup is None or not lookup.is_file():
        run.out(
            "No statistical-sector lookup given (%s): indicators are defined, without figures."
            % (lookup or "--places-dir")
        )
        return
    rows, problems = read_sector_lookup(lookup.read_bytes())
    if problems:
        run.out(f"{lookup.name}: cannot be read, indicators without figures.")
        return
    sectors_import(by=None, rows=rows)
    by_sector, by_place = synthetic_values(run, timezone.localdate().year)
    for checked, name in ((by_sector, "synthetic-sectors"), (by_place, "synthetic-places")):
        values_import(by=None, checked=checked, file_name=name, synthetic=True)
    run.out(
        f"Indicators: {len(by_sector.values) + len(by_place.values):,} synthetic values over "
        f"{YEARS} years for {len(rows)} statistical sectors."
    )
