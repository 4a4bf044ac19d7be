from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "samen.monitor"
    verbose_name = _("Tension monitor")

    def ready(self) -> None:
        # Importing these registers the panels and the seeder; the count store is set here
        # because its module needs the models loaded (samen.core.counters).
        from samen.core.counters import set_count_store
        from samen.monitor import counting, level_reports, panels, place_facts, seed  # noqa: F401

        set_count_store(
            changes=counting.CountChanges, add_table=counting.add_table, read=counting.read
        )
