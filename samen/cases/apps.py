from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind


class CasesConfig(AppConfig):
    name = "samen.cases"
    verbose_name = _("Case consultation")

    def ready(self) -> None:
        # Importing these registers the navigation, the MFA rule, the system check, the page
        # sections and the seeders; they import the models, so they wait for the app registry.
        from samen.cases import checks, panels  # noqa: F401
        from samen.cases.access import has_case_role_cached
        from samen.cases.sections import case as case_sections  # noqa: F401
        from samen.cases.sections import work as work_sections  # noqa: F401
        from samen.cases.seed import cases as case_seed  # noqa: F401
        from samen.cases.seed import work as work_seed  # noqa: F401

        # Confidential kinds: the text says that something waits, never which case or who. An
        # invitation to confirm is mailed in the daily digest by default: the table's own
        # notice (samen.cases.actions.notices) already mails the mayor at once.
        add_kind(
            Kind(
                code="cases.meeting_called",
                label=_("A case meeting I am called to"),
                text=_("A case meeting you are called to"),
                default="immediately",
                confidential=True,
                audience=has_case_role_cached,
            )
        )
        add_kind(
            Kind(
                code="cases.invitation_to_confirm",
                label=_("An invitation to a case, to confirm"),
                text=_("An invitation to a case waits for your confirmation"),
                default="daily",
                confidential=True,
                audience=has_case_role_cached,
            )
        )
        add_kind(
            Kind(
                code="cases.review_due",
                label=_("A case review due"),
                text=_("A case's review date is near or past"),
                default="daily",
                confidential=True,
                audience=has_case_role_cached,
            )
        )
