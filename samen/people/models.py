"""Staff accounts, teams and partner organisations."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.core.dates import add_months
from samen.people.permissions import permissions_of
from samen.people.roles import CITY_WIDE_ROLES, ELEVATED_ROLES, Role, recertify_months


class PolicyLevel(models.TextChoices):
    FEDERAL = "federal", _("federal")
    FLEMISH = "flemish", _("Flemish")
    WALLOON = "walloon", _("Walloon")
    MUNICIPAL = "municipal", _("municipal")
    DISTRICT = "district", _("district")
    CIVIL_SOCIETY = "civil_society", _("civil society")


class Organisation(models.Model):
    """The city's own department or a partner organisation, at one policy level."""

    class Sector(models.TextChoices):
        CITY = "city", _("city administration")
        POLICE = "police", _("police")
        YOUTH_CARE = "youth_care", _("youth care")
        EDUCATION = "education", _("education")
        WELFARE = "welfare", _("welfare")
        HEALTH = "health", _("health care")
        JUSTICE = "justice", _("justice")
        COMMUNITY = "community", _("community organisation")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    policy_level = models.CharField(_("policy level"), max_length=16, choices=PolicyLevel.choices)
    sector = models.CharField(
        _("sector"), max_length=16, choices=Sector.choices, default=Sector.OTHER
    )
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="organisations",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team of the department, usually working in one district."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    district = models.ForeignKey(
        "places.Place",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="teams",
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, **fields) -> User:
        """An account without a password: the person sets their own through the welcome link."""
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_unusable_password()
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in to Samen with an e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    home_district = models.ForeignKey(
        "places.Place",
        verbose_name=_("home district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "district"},
        related_name="staff",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="OrganisationMembership",
        verbose_name=_("organisations"),
        related_name="members",
        blank=True,
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    phone = models.CharField(_("work phone"), max_length=32, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("may open the administration"),
        default=False,
        help_text=_("Only administrators can use the administration pages."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    welcome_sent_at = models.DateTimeField(_("sign-in link sent"), null=True, blank=True)
    # An elevated role (ELEVATED_ROLES) grants its powers only while a confirmation younger
    # than SAMEN_ROLE_RECERTIFY_MONTHS stands; the grant counts as the first confirmation.
    role_granted_by = models.ForeignKey(
        "self",
        verbose_name=_("role granted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role_granted_at = models.DateTimeField(_("role granted"), null=True, blank=True)
    role_confirmed_by = models.ForeignKey(
        "self",
        verbose_name=_("role confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role_confirmed_at = models.DateTimeField(_("role confirmed"), null=True, blank=True)
    role_lapse_recorded_at = models.DateTimeField(_("role lapse recorded"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["full_name"]
        indexes = [models.Index(fields=["role", "home_district"])]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_city_wide(self) -> bool:
        return self.role in CITY_WIDE_ROLES

    @property
    def role_is_elevated(self) -> bool:
        return self.role in ELEVATED_ROLES

    @property
    def role_lapses_on(self) -> datetime.date | None:
        """The day an elevated role stops granting anything unless re-confirmed before."""
        if not self.role_is_elevated:
            return None
        if self.role_confirmed_at is None:
            return timezone.localdate()  # never confirmed: grants nothing
        confirmed_on = timezone.localdate(self.role_confirmed_at)
        return add_months(confirmed_on, recertify_months())

    @property
    def role_lapsed(self) -> bool:
        """Whether this person's elevated role went unconfirmed too long; checked per request."""
        lapses_on = self.role_lapses_on
        return lapses_on is not None and timezone.localdate() >= lapses_on

    # Permissions in the administration follow the role, in code, and nothing else: not
    # is_superuser, groups or per-person permissions, which nobody can edit.
    def get_all_permissions(self, obj=None) -> set[str]:
        if not self.is_active or obj is not None or self.role_lapsed:
            return set()
        return set(permissions_of(self.role))

    def has_perm(self, perm: str, obj=None) -> bool:
        return perm in self.get_all_permissions(obj)

    def has_perms(self, perm_list, obj=None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label: str) -> bool:
        return any(perm.startswith(f"{app_label}.") for perm in self.get_all_permissions())


class OrganisationMembership(models.Model):
    """That a person works for or represents an organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    function = models.CharField(_("function"), max_length=120, blank=True)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


track(Organisation, named=True)
track(Team, named=True)
track(OrganisationMembership)
track(User, sensitive=("password",), exclude=("last_login",), confidential=True, named=True)
