"""The prevention policy cycle: strategies and their objectives, action plans and actions,
initiatives with their outputs, outcome indicators, evaluations and timeline, yearly reports.

About places and programmes, never about persons: no model here points to a person other
than the staff who wrote or own a record (`created_by`, `by`, `recorded_by`, `signed_off_by`;
tests/policy/test_models.py holds it). Target groups are described as groups.

The multi-choice fields (life domains, signal categories, extremism types) are JSON lists of
codes, which SQLite and PostgreSQL store alike; `has_code` finds the records holding one.
Signal categories are the signals module's codes, offered through samen.core.categories: this
module never imports signals.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.people.models import PolicyLevel
from samen.policy.files import policy_files, stored_name


class LifeDomain(models.TextChoices):
    POVERTY = "poverty", _("poverty")
    HEALTH = "health", _("health")
    WELL_BEING = "well_being", _("well-being")
    RULES_CUSTOMS = "rules_customs", _("rules and customs")
    EDUCATION = "education", _("education")
    HOUSING = "housing", _("housing")
    WORK = "work", _("work")
    PARTICIPATION = "participation", _("participation")


class ExtremismType(models.TextChoices):
    RIGHT_WING = "right_wing", _("right-wing extremism")
    LEFT_WING = "left_wing", _("left-wing extremism")
    ISLAMIST = "islamist", _("Islamist extremism")
    ANIMAL_RIGHTS = "animal_rights", _("animal-rights extremism")
    OTHER = "other", _("other extremism")


def has_code(field: str, code: str) -> Q:
    """Records whose JSON list `field` holds `code`, on SQLite and PostgreSQL alike.

    The list's JSON text is searched for the quoted code: codes are lowercase slugs, so a
    quoted one matches only itself.
    """
    return Q(**{f"{field}__icontains": f'"{code}"'})


def _author(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


def _owner():
    return models.ForeignKey(
        "people.Organisation",
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )


class Strategy(models.Model):
    """A strategy document at one policy level: the Flemish plan, the city's strategy."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_FORCE = "in_force", _("in force")
        EXPIRED = "expired", _("expired")
        REPLACED = "replaced", _("replaced")

    title = models.CharField(_("title"), max_length=200)
    level = models.CharField(_("policy level"), max_length=16, choices=PolicyLevel.choices)
    owner = _owner()
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    summary = models.TextField(_("summary"), max_length=4000, blank=True)
    document = models.FileField(
        _("document"), storage=policy_files, upload_to=stored_name, blank=True, max_length=200
    )
    document_name = models.CharField(_("document file name"), max_length=200, blank=True)
    document_sha256 = models.CharField(_("document SHA-256"), max_length=64, blank=True)
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("strategy document")
        verbose_name_plural = _("strategy documents")
        ordering = ["level", "-starts", "title"]

    def __str__(self) -> str:
        return self.title


class Objective(models.Model):
    """A strategic objective of a strategy, or an operational one under a strategic one."""

    class Kind(models.TextChoices):
        STRATEGIC = "strategic", _("strategic")
        OPERATIONAL = "operational", _("operational")

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="objectives"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["strategy", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="one_objective_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ActionPlan(models.Model):
    """A plan of actions under a strategy: the city's yearly plan, or a district's."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")
        CLOSED = "closed", _("closed")

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField(_("title"), max_length=200)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"))
    owner = _owner()
    # Empty: a plan of the whole city.
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-starts", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_city_plan(self) -> bool:
        return self.district_id is None


class Action(models.Model):
    """One action of a plan: who does it, with whom, where, for which groups and domains."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        STOPPED = "stopped", _("stopped")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="actions"
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    owner = _owner()
    partners = models.ManyToManyField(
        "people.Organisation", verbose_name=_("partners"), blank=True, related_name="+"
    )
    places = models.ManyToManyField(
        "places.Place", verbose_name=_("districts and neighbourhoods"), blank=True, related_name="+"
    )
    target_groups = models.CharField(
        _("target groups"),
        max_length=500,
        blank=True,
        help_text=_(
            "Described as groups (young people aged 12 to 18 in Deurne-Noord), never as "
            "named people."
        ),
    )
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    signal_categories = models.JSONField(_("signal categories"), default=list, blank=True)
    extremism_types = models.JSONField(_("extremism types"), default=list, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    budget_planned = models.DecimalField(
        _("planned budget (EUR)"), max_digits=12, decimal_places=2, default=0
    )
    budget_spent = models.DecimalField(
        _("budget spent (EUR)"), max_digits=12, decimal_places=2, default=0
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    funding_level = models.CharField(
        _("funding policy level"), max_length=16, choices=PolicyLevel.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    # Records of other modules this action includes, as follow-up references
    # ("restore_plan:12"), shown through samen.core.follow_ups to those who may open them.
    linked_records = models.JSONField(_("linked records"), default=list, blank=True)
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="one_action_per_code"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_max"),
        ]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ProgressUpdate(models.Model):
    """Progress recorded on an action: how far, what was spent, a note."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    on = models.DateField(_("date"))
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    budget_spent = models.DecimalField(
        _("budget spent (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    by = _author(_("recorded by"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.action_id}: {self.progress}% ({self.on})"


class Initiative(models.Model):
    """A prevention or social inclusion programme or project, with its theory of change."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        ENDED = "ended", _("ended")
        STOPPED = "stopped", _("stopped")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    owner = _owner()
    level = models.CharField(
        _("policy level"), max_length=16, choices=PolicyLevel.choices, default="municipal"
    )
    actions = models.ManyToManyField(
        Action, verbose_name=_("actions"), blank=True, related_name="initiatives"
    )
    places = models.ManyToManyField(
        "places.Place", verbose_name=_("districts and neighbourhoods"), blank=True, related_name="+"
    )
    target_groups = models.CharField(_("target groups"), max_length=500, blank=True)
    life_domains = models.JSONField(_("life domains"), default=list, blank=True)
    signal_categories = models.JSONField(_("signal categories"), default=list, blank=True)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    problem = models.TextField(_("problem"), max_length=2000, blank=True)
    activities = models.TextField(_("activities"), max_length=2000, blank=True)
    outputs = models.TextField(_("outputs"), max_length=2000, blank=True)
    outcomes = models.TextField(_("outcomes"), max_length=2000, blank=True)
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "owner"])]

    def __str__(self) -> str:
        return self.title


class OutputMeasure(models.Model):
    """What an initiative delivered in one district in one quarter: sessions, people reached."""

    class Kind(models.TextChoices):
        SESSIONS_HELD = "sessions_held", _("sessions held")
        PARTICIPANTS_REACHED = "participants_reached", _("participants reached")
        OTHER = "other", _("other")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="output_measures",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="+",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=120, blank=True)
    value = models.PositiveIntegerField(_("value"))
    recorded_by = _author(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("output measure")
        verbose_name_plural = _("output measures")
        ordering = ["initiative", "period_start", "place", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "place", "period_start", "kind", "label"],
                name="one_output_per_place_period_kind",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="output_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class OutcomeIndicator(models.Model):
    """What should change, measured: a baseline and a target, and the latest value."""

    class Direction(models.TextChoices):
        UP = "up", _("higher is better")
        DOWN = "down", _("lower is better")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="outcome_indicators",
    )
    title = models.CharField(_("title"), max_length=200)
    # The code of an indicator of the district-indicators module, where one fits: a key, not a
    # foreign key, so that neither module imports the other.
    indicator_key = models.CharField(_("district indicator"), max_length=40, blank=True)
    definition = models.TextField(_("definition"), max_length=2000, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_on = models.DateField(_("baseline date"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_on = models.DateField(_("target date"))
    latest_value = models.DecimalField(
        _("latest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    latest_on = models.DateField(_("latest value date"), null=True, blank=True)

    class Meta:
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")
        ordering = ["initiative", "title"]

    def __str__(self) -> str:
        return self.title


class Evaluation(models.Model):
    """A process or outcome evaluation of an initiative, with its report."""

    class Kind(models.TextChoices):
        PROCESS = "process", _("process evaluation")
        OUTCOME = "outcome", _("outcome evaluation")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    on = models.DateField(_("date"))
    by_whom = models.CharField(_("evaluated by (organisation)"), max_length=200)
    summary = models.TextField(_("summary"), max_length=4000)
    conclusions = models.TextField(_("conclusions"), max_length=4000, blank=True)
    report = models.FileField(
        _("report"), storage=policy_files, upload_to=stored_name, blank=True, max_length=200
    )
    report_name = models.CharField(_("report file name"), max_length=200, blank=True)
    report_sha256 = models.CharField(_("report SHA-256"), max_length=64, blank=True)
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.on})"


class InitiativeUpdate(models.Model):
    """A dated entry of an initiative's timeline."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="updates"
    )
    on = models.DateField(_("date"))
    text = models.TextField(_("update"), max_length=2000)
    by = _author(_("written by"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("initiative update")
        verbose_name_plural = _("initiative updates")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id} ({self.on})"


class YearlyReport(models.Model):
    """The yearly report of one action plan or one strategy: a draft, signed off, sent."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED_OFF = "signed_off", _("signed off")
        SENT = "sent", _("sent")

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="yearly_reports",
    )
    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="yearly_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    signed_off_by = _author(_("signed off by"))
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    pdf = models.FileField(
        _("PDF"), storage=policy_files, upload_to=stored_name, blank=True, max_length=200
    )
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    created_by = _author(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(plan__isnull=False, strategy__isnull=True)
                    | Q(plan__isnull=True, strategy__isnull=False)
                ),
                name="yearly_report_of_a_plan_or_a_strategy",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan or self.strategy} {self.year}"


track(Strategy, exclude=("updated_at",))
track(Objective)
track(ActionPlan, exclude=("updated_at",))
track(Action, exclude=("updated_at",), m2m=("partners", "places"))
track(ProgressUpdate)
track(Initiative, exclude=("updated_at",), m2m=("actions", "places"))
track(OutputMeasure, exclude=("recorded_at",))
track(OutcomeIndicator)
track(Evaluation)
track(InitiativeUpdate)
track(YearlyReport)
