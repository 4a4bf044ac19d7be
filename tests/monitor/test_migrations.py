"""Moving the weekly counts and the tension levels to the monitor keeps every row, and their
content types (which audit records and permissions point at) follow them."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

SIGNALS_BEFORE = ("signals", "0005_partial_indexes_for_empty_columns")
BEFORE = [SIGNALS_BEFORE, ("monitor", None)]
AFTER = [("monitor", "0002_content_types")]
CONTENT_TYPES = ("contenttypes", "0002_remove_content_type_name")


def migrate(targets):
    """Migrate to `targets`; return the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    state = [CONTENT_TYPES, *(node for node in targets if node[1])]
    return MigrationExecutor(connection).loader.project_state(state).apps


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_the_rows_and_relabels_the_content_types():
    try:
        old = migrate(BEFORE)
        Place = old.get_model("places", "Place")
        User = old.get_model("people", "User")
        old_types = old.get_model("contenttypes", "ContentType")
        # Its own district: an earlier test that empties the tables may have removed Antwerp's.
        district, _ = Place.objects.get_or_create(
            code="T-MOVE", defaults={"kind": "district", "name_nl": "Verhuisdistrict"}
        )
        coordinator = User.objects.create(
            email="coordinator@example.invalid",
            full_name="Coordinator",
            role="district_coordinator",
        )
        week = datetime.date(2026, 11, 23)
        old.get_model("signals", "WeeklyCount").objects.create(
            place=district, week=week, count=3, weighted=7
        )
        old.get_model("signals", "TensionLevel").objects.create(
            place=district, week=week, level=2, rationale="Onrust.", set_by=coordinator
        )
        for model in ("weeklycount", "tensionlevel"):
            old_types.objects.get_or_create(app_label="signals", model=model)
        old_ids = set(old_types.objects.filter(app_label="signals").values_list("model", "pk"))

        new = migrate(AFTER)
        count = new.get_model("monitor", "WeeklyCount").objects.get()
        assert (count.place_id, count.week, count.count, count.weighted) == (
            district.pk,
            week,
            3,
            7,
        )
        level = new.get_model("monitor", "TensionLevel").objects.get()
        assert (level.level, level.rationale, level.set_by_id) == (2, "Onrust.", coordinator.pk)
        new_types = new.get_model("contenttypes", "ContentType")
        moved = set(
            new_types.objects.filter(
                app_label="monitor", model__in=["weeklycount", "tensionlevel"]
            ).values_list("model", "pk")
        )
        assert moved == {pair for pair in old_ids if pair[0] in ("weeklycount", "tensionlevel")}
        assert not new_types.objects.filter(
            app_label="signals", model__in=["weeklycount", "tensionlevel"]
        ).exists()

        back = migrate(BEFORE)
        assert back.get_model("signals", "WeeklyCount").objects.get().count == 3
        assert back.get_model("signals", "TensionLevel").objects.get().level == 2
        assert (
            set(
                back.get_model("contenttypes", "ContentType")
                .objects.filter(app_label="signals", model__in=["weeklycount", "tensionlevel"])
                .values_list("model", "pk")
            )
            == moved
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()
