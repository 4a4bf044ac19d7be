from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind


class MonitorConfig(AppConfig):
    name = "samen.monitor"
    verbose_name = _("Tension monitor")

    def ready(self) -> None:
        # Importing these registers the panels, the seeder and (through tasks) the early
        # warning as an event partners may subscribe to; the count store is set here
        # because its module needs the models loaded (samen.core.counters).
        from samen.core.counters import set_count_store
        from samen.monitor import (  # noqa: F401
            counting,
            level_reports,
            panels,
            place_facts,
            seed,
            tasks,
        )
        from samen.monitor.notices import has_district

        set_count_store(
            changes=counting.CountChanges, add_table=counting.add_table, read=counting.read
        )

        add_kind(
            Kind(
                code="monitor.early_warning",
                label=_("An early warning in my district"),
                text=_("Early warning in %(place)s: %(count)s signals in the week of %(week)s"),
                default="immediately",
                audience=has_district,
            )
        )
        add_kind(
            Kind(
                code="monitor.tension_level",
                label=_("A tension level set for my district"),
                text=_("Tension level %(level)s set for %(place)s, week of %(week)s"),
                default="daily",
                audience=has_district,
            )
        )
