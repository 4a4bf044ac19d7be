from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind


class SignalsConfig(AppConfig):
    name = "samen.signals"
    verbose_name = _("Signals")

    def ready(self) -> None:
        # Importing these registers the panels, the seeder and the scheduled tasks; what the
        # weekly counts count is registered here, once the models are loaded.
        from django.db.models.signals import post_delete, post_save

        from samen.core.counters import set_counted
        from samen.places.models import Place
        from samen.signals import panels, seed  # noqa: F401
        from samen.signals.codes import forget_codes
        from samen.signals.filters import MonitorFilterForm
        from samen.signals.models import Category
        from samen.signals.reminders import FOLLOW_UP_DUE, may_own_follow_ups

        set_counted(categories=Category.objects.in_bulk, filter_form=MonitorFilterForm)

        # The API intake holds places and categories by code (samen.signals.codes).
        for model in (Place, Category):
            post_save.connect(forget_codes, sender=model, dispatch_uid=f"forget_codes_{model}")
            post_delete.connect(forget_codes, sender=model, dispatch_uid=f"forget_del_{model}")

        add_kind(
            Kind(
                code="signals.shared",
                label=_("A signal shared with my organisation"),
                text=_("A signal in %(place)s was shared with %(organisation)s"),
                default="daily",
                audience=has_organisation,
            )
        )
        add_kind(
            Kind(
                code=FOLLOW_UP_DUE,
                label=_("A follow-up of mine due or overdue"),
                text=_("A follow-up you linked is due by %(due_on)s"),
                default="daily",
                audience=may_own_follow_ups,
            )
        )


def has_organisation(person) -> bool:
    """Whether a signal can be shared with this person's organisation."""
    return person.memberships.exists()
