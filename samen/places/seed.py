"""Boundaries for the demo city, read from the folder the city supplies."""

from collections import Counter

from samen.core.seeding import SeedRun, add_seeder
from samen.places.actions import places_import
from samen.places.geojson import read_place_file
from samen.places.models import Place

# The demo city's share of signals and communities per district, by population and history.
DISTRICT_WEIGHTS = {
    "11002Z": 30,
    "11002S": 10,
    "11002R": 12,
    "11002T": 7,
    "11002V": 6,
    "11002Q": 7,
    "11002U": 6,
    "11002P": 4,
    "11002Y": 2,
    "11007A": 2,
}
# How the seeder's report names each kind of place, one and many.
KIND_WORDS = {
    Place.Kind.CITY: ("city", "cities"),
    Place.Kind.DISTRICT: ("district", "districts"),
    Place.Kind.NEIGHBOURHOOD: ("neighbourhood", "neighbourhoods"),
}


@add_seeder(order=10)
def seed_places(run: SeedRun) -> None:
    _import_boundaries(run)
    run.districts = list(Place.objects.current().districts().order_by("code"))


def _import_boundaries(run: SeedRun) -> None:
    """Give the districts (made by the migrations) and neighbourhoods their boundaries."""
    if run.places_dir is None:
        run.out("No boundary folder given: districts are listed without maps.")
        return
    files = sorted(run.places_dir.glob("*districts*.geojson")) + sorted(
        run.places_dir.glob("*wijken*.geojson")
    )
    if not files:
        run.out(f"No district or neighbourhood GeoJSON in {run.places_dir}: no maps.")
        return
    for path in files:
        rows, _ = read_place_file(path)
        places_import(by=None, places=rows)
        # The districts exist before their boundaries do (the migrations make them), so the
        # import's own created/updated counts would read oddly on an empty database.
        kinds = Counter(row["kind"] for row in rows)
        bounded = ", ".join(
            f"{count} {KIND_WORDS[kind][count != 1]}" for kind, count in sorted(kinds.items())
        )
        run.out(f"{path.name}: boundaries of {bounded}.")
