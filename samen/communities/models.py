"""Communities, their key figures, the relationships between them and the work to restore them.

Why a `Community` of its own rather than `people.Organisation`: an Organisation is an employer
of Samen's users (the city's departments, the police, partner agencies at each policy level)
and drives who may see what. The associations, faith communities, clubs and schools the city
works *with* are a different thing: hundreds of them, active in places, with languages and
themes, none of them users. A community that is also a partner organisation links to it with
`organisation`, so the two stay one fact without mixing access and relationships.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.communities.vocabulary import Language, Theme


class Community(models.Model):
    """A community or organisation the city works with, active in one or more places."""

    class Kind(models.TextChoices):
        RESIDENTS = "residents", _("residents' association")
        FAITH = "faith", _("faith community")
        YOUTH = "youth", _("youth group")
        SPORTS = "sports", _("sports club")
        SCHOOL = "school", _("school")
        MIGRANT = "migrant", _("migrant organisation")
        CULTURE = "culture", _("cultural association")
        WOMEN = "women", _("women's organisation")
        WELFARE = "welfare", _("welfare organisation")
        OTHER_ORGANISATION = "organisation", _("other organisation")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # The district where it is based: access and the district pages start from here.
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("based in district"),
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="communities_based",
    )
    places = models.ManyToManyField(
        "places.Place",
        verbose_name=_("also active in"),
        blank=True,
        related_name="communities_active",
    )
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    activities = models.CharField(_("what they do"), max_length=500, blank=True)
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("also a partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="communities",
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Name, kind, themes, places, languages and key figures in one text, kept by the actions:
    # PostgreSQL searches it through a GIN index (migration 0003), SQLite with LIKE.
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]
        indexes = [models.Index(fields=["district", "name"])]

    def __str__(self) -> str:
        return self.name


class KeyFigure(models.Model):
    """A contact person of a community, described only by what they do with the city.

    GDPR minimisation: a name, their role with the city and how to reach them; never an
    assessment of the person.
    """

    class Role(models.TextChoices):
        CONTACT = "contact", _("contact person")
        SPOKESPERSON = "spokesperson", _("spokesperson")
        BRIDGE_BUILDER = "bridge_builder", _("bridge builder")
        MEDIATOR = "mediator", _("mediator")
        CO_ORGANISER = "co_organiser", _("co-organiser of activities")
        INTERPRETER = "interpreter", _("interpreter")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="key_figures")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role with the city"), max_length=16, choices=Role.choices)
    contact_channel = models.CharField(
        _("contact channel"),
        max_length=120,
        blank=True,
        help_text=_("How the city reaches them: a work e-mail address, a phone number, a desk."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["name"]

    def __str__(self) -> str:
        # The audit trail keeps str() for ever, after the name is removed: no name here.
        return f"{self._meta.verbose_name} {self.pk} ({self.get_role_display()})"


class State(models.TextChoices):
    ACTIVE = "active", _("active")
    WEAKENED = "weakened", _("weakened")
    LAPSED = "lapsed", _("lapsed")
    BROKEN = "broken", _("broken")


# From better to worse: a change to a later state is a deterioration.
STATE_ORDER = {State.ACTIVE: 0, State.WEAKENED: 1, State.LAPSED: 2, State.BROKEN: 3}
# States in which a relationship still connects two communities in the network.
CONNECTING_STATES = frozenset({State.ACTIVE, State.WEAKENED})


class Relationship(models.Model):
    """A tie between two communities, or (with `other` empty) between the city and one."""

    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="relationships_as_first"
    )
    other = models.ForeignKey(
        Community,
        verbose_name=_("with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relationships_as_second",
        help_text=_("Empty: the relationship between the city and the community."),
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    strength = models.PositiveSmallIntegerField(
        _("strength"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    changed_on = models.DateField(_("last change"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["community__name", "other__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "other"], name="one_relationship_per_pair"
            ),
            models.UniqueConstraint(
                fields=["community"],
                condition=Q(other__isnull=True),
                name="one_city_relationship_per_community",
            ),
            # Pairs are stored in one order, so (a, b) and (b, a) cannot both exist.
            models.CheckConstraint(
                condition=Q(other__isnull=True) | Q(community__lt=F("other")),
                name="relationship_pair_in_order",
            ),
            models.CheckConstraint(
                condition=Q(strength__gte=1) & Q(strength__lte=5),
                name="relationship_strength_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["state", "changed_on"])]

    def __str__(self) -> str:
        other = self.other.name if self.other_id else _("the city")
        return f"{self.community.name} – {other}"

    @property
    def is_with_city(self) -> bool:
        return self.other_id is None


class RelationshipChange(models.Model):
    """One step in a relationship's history: what it became, from what, why and when."""

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="changes")
    from_state = models.CharField(_("from"), max_length=12, choices=State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=12, choices=State.choices)
    from_strength = models.PositiveSmallIntegerField(_("strength before"), null=True)
    to_strength = models.PositiveSmallIntegerField(_("strength after"))
    reason = models.CharField(_("reason"), max_length=500)
    changed_on = models.DateField(_("date"))
    contact = models.ForeignKey(
        "Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("relationship change")
        verbose_name_plural = _("relationship changes")
        ordering = ["-changed_on", "-pk"]
        indexes = [models.Index(fields=["to_state", "-changed_on"])]

    def __str__(self) -> str:
        return f"{self.relationship_id}: {self.from_state or '-'} → {self.to_state}"

    @property
    def is_deterioration(self) -> bool:
        if not self.from_state:
            return False
        return STATE_ORDER[self.to_state] > STATE_ORDER[self.from_state]


class Contact(models.Model):
    """A contact or meeting with one or more communities: who, when, what, and what next."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        VISIT = "visit", _("visit")
        PHONE = "phone", _("phone call")
        ACTIVITY = "activity", _("joint activity")
        MESSAGE = "message", _("message or e-mail")

    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    communities = models.ManyToManyField(
        Community, verbose_name=_("communities involved"), related_name="contacts"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff involved"), related_name="+"
    )
    relationship = models.ForeignKey(
        Relationship,
        verbose_name=_("about the relationship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    summary = models.TextField(_("what was discussed"), max_length=1000)
    # What comes next after this contact (not a signal's follow-up); the columns keep the
    # names they had before (migration 0004_contact_next_step).
    next_step = models.CharField(_("next step"), max_length=500, blank=True, db_column="follow_up")
    next_step_by = models.DateField(
        _("next step by"), null=True, blank=True, db_column="follow_up_by"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-occurred_on", "-pk"]
        indexes = [models.Index(fields=["-occurred_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%Y-%m-%d}"


class RestorePlanQuerySet(models.QuerySet):
    def with_behind(self) -> RestorePlanQuerySet:
        """Annotate `behind`: open, with an action past its deadline and not done."""
        late = RestoreAction.objects.filter(
            plan=models.OuterRef("pk"), done_on__isnull=True, deadline__lt=timezone.localdate()
        )
        return self.annotate(
            behind=models.Case(
                models.When(Q(status=RestorePlan.Status.OPEN) & models.Exists(late), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )


class RestorePlan(models.Model):
    """Planned work to restore a relationship: actions with owners and deadlines."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        RESTORED = "restored", _("closed: restored")
        STOPPED = "stopped", _("closed: stopped")

    relationship = models.ForeignKey(
        Relationship, on_delete=models.PROTECT, related_name="restore_plans"
    )
    title = models.CharField(_("title"), max_length=160)
    goal = models.TextField(_("goal"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    signal = models.ForeignKey(
        "signals.Signal",
        verbose_name=_("started from signal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = RestorePlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("restore plan")
        verbose_name_plural = _("restore plans")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship"],
                condition=Q(status="open"),
                name="one_open_restore_plan_per_relationship",
            )
        ]

    def __str__(self) -> str:
        return self.title


class RestoreAction(models.Model):
    """One step of a restore plan, with the staff member who owns it and its deadline."""

    plan = models.ForeignKey(RestorePlan, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("restore action")
        verbose_name_plural = _("restore actions")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        # The audit trail keeps str() for ever; the description may name people.
        return f"{self._meta.verbose_name} {self.pk}"

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.done_on is None and self.deadline < (today or timezone.localdate())


track(Community, exclude=("search_text",), m2m=("places", "languages", "themes"))
# Key figures are people: the trail records that their name or channel changed, never the words.
track(KeyFigure, sensitive=("name", "contact_channel"))
track(Relationship)
track(RelationshipChange, sensitive=("reason",))
track(Contact, sensitive=("summary", "next_step"), m2m=("communities", "staff"))
track(RestorePlan, sensitive=("goal",))
track(RestoreAction, sensitive=("description",))
