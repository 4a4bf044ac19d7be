"""Samen's one settings module: every value comes from the environment.

SQLite in SAMEN_DATA_DIR by default, PostgreSQL when DATABASE_URL is set. Secure by default:
outside SAMEN_DEBUG the cookies are secure, HTTPS is enforced and SECRET_KEY must be given.
No variable switches a safeguard off (the read audit, the lockout, the checks): the test run
(tests/settings.py) and the benchmarks (bench/settings.py) bring their own settings modules
for what they relax. README.md lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Read a whole-number environment variable."""
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_rate(name: str, default: str) -> str:
    """Read a request rate such as 120/min (per s, min, hour or day)."""
    value = os.environ.get(name) or default
    number, _slash, period = value.partition("/")
    if not number.isdigit() or period[:1] not in {"s", "m", "h", "d"}:
        raise ImproperlyConfigured(f"{name} must be a rate such as 120/min, not {value!r}.")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def renamed(name: str, old: str) -> str:
    """The variable to read: `name`, or the name it had before when only that one is set, so
    that a deployment configured before the rename keeps its value."""
    return old if not os.environ.get(name) and os.environ.get(old) else name


DEBUG = env_bool("SAMEN_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-local-development-key-never-use-in-production-" + "x" * 20  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set outside debug mode (SAMEN_DEBUG=1 for local development)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATA_DIR = Path(os.environ.get("SAMEN_DATA_DIR", PROJECT_DIR / "data"))

INSTALLED_APPS = [
    "samen.core",
    "samen.people",
    "samen.places",
    "samen.audit",
    "samen.api",
    "samen.signals",
    "samen.monitor",
    "samen.communities",
    "samen.mediation",
    "samen.cases",
    "samen.indicators",
    "samen.policy",
    "samen.notifications",
    "samen.reporting",
    "samen.exchange",
    "samen.peers",
    "samen.core.apps.SamenAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "axes",
    "auditlog",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside all but the static files: every answer below it is no-store unless public.
    "samen.core.caching.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Instead of allauth's UserSessionsMiddleware: the idle timeout and the sessions list's
    # last-seen time, written at most once a minute.
    "samen.people.middleware.SessionActivityMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "samen.people.middleware.LapsedRoleMiddleware",
    "samen.people.middleware.RequireTwoFactorMiddleware",
    # Axes must be last: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samen.urls"
WSGI_APPLICATION = "samen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "samen.core.context_processors.navigation",
                "samen.notifications.context_processors.header_count",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SAMEN_SQLITE_PATH", str(DATA_DIR / "samen.sqlite3")),
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; IMMEDIATE avoids the
                # "database is locked" upgrade deadlock between two writing requests.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

IDLE_TIMEOUT_MINUTES = env_int("SAMEN_IDLE_TIMEOUT_MINUTES", 30)
# The idle timeout: a session lives IDLE_TIMEOUT_MINUTES after it was last saved, and
# SessionActivityMiddleware saves it again when a signed-in request comes more than a minute
# after the last save (so it ends at most a minute before IDLE_TIMEOUT_MINUTES of
# inactivity); the cookie dies with the browser.
SESSION_COOKIE_AGE = IDLE_TIMEOUT_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so that a locked-out account is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    # allauth's, loading the signed-in person with their second factor in one query.
    "samen.people.backends.StaffBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "samen.people.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# TOTP secrets and recovery seeds are encrypted at rest with SAMEN_MFA_KEYS (not SECRET_KEY).
MFA_ADAPTER = "samen.people.second_factor_keys.SecondFactorAdapter"
MFA_TOTP_ISSUER = os.environ.get("SAMEN_MFA_ISSUER", "Samen")
USERSESSIONS_TRACK_ACTIVITY = True

# Roles that see case data must sign in with a second factor (samen.people.roles). The
# variable can add roles to these, never take one away.
MFA_REQUIRED_ROLES = list(
    dict.fromkeys(
        [
            "administrator",
            "prevention_officer",
            "partner_professional",
            "data_protection_officer",
            *env_list("SAMEN_MFA_REQUIRED_ROLES"),
        ]
    )
)

# A new account's sign-in link (to set one's own password) works this many days, once.
SAMEN_WELCOME_LINK_DAYS = env_int("SAMEN_WELCOME_LINK_DAYS", 3)
# Elevated roles lapse unless an administrator other than the holder re-confirms them.
SAMEN_ROLE_RECERTIFY_MONTHS = env_int("SAMEN_ROLE_RECERTIFY_MONTHS", 6)

AXES_FAILURE_LIMIT = env_int("SAMEN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SAMEN_LOGIN_COOLOFF_MINUTES", 15))
# Lock an account for the address the failures come from: colleagues behind the same city
# address keep working, and allauth's own login rate limit (per account, any address)
# slows a guesser who rotates addresses.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# allauth's own limit stays as a second line, looser than the lockout so that the lockout
# answers first: it catches a guesser spreading one account's attempts over many addresses.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip,10/15m/key"}
AXES_USERNAME_CALLABLE = "samen.people.lockout.login_name"
AXES_LOCKOUT_TEMPLATE = "people/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# --- Audit ----------------------------------------------------------------------------------
AUDITLOG_LOGENTRY_MODEL = "audit.AuditRecord"
AUDITLOG_MASK_CALLABLE = "samen.audit.redaction.redact"
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# --- Tasks ----------------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Dates as each language writes them (Django 5 always localises): see samen/core/formats.
FORMAT_MODULE_PATH = ["samen.core.formats"]
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("SAMEN_STATIC_ROOT", DATA_DIR / "static"))
# In development WhiteNoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- E-mail ---------------------------------------------------------------------------------
# Outside debug always SMTP: a console backend would write password-reset links to the logs.
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
# Whether an operator named a mail server. Notices that are also shown in the app (changes of
# who sits at the case consultation's table) are mailed only then; EMAIL_HOST itself keeps
# Django's default of the local server.
SAMEN_MAIL_CONFIGURED = bool(os.environ.get("EMAIL_HOST"))
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "samen@localhost")
# Seconds an SMTP connection may hang before the attempt counts as failed (and is retried).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Where people open Samen: the links in notification e-mails start with it.
SAMEN_BASE_URL = os.environ.get("SAMEN_BASE_URL", "http://localhost:8000")
# Attempts to send a notification e-mail (retried after 1, 5, 30 minutes, 2 and 12 hours)
# before it is marked failed for the administrators to see.
SAMEN_NOTIFY_MAIL_MAX_ATTEMPTS = env_int("SAMEN_NOTIFY_MAIL_MAX_ATTEMPTS", 6)

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = not DEBUG
# The load balancer asks each app server directly, over plain http, whether it is up.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# A deployment may raise HSTS step by step; 0 (off) fails `check --deploy` (security.W004).
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SAMEN_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
if env_bool("SAMEN_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Tokens (hashed at rest, expiring) for programs; the session for the browsable pages.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "samen.api.pagination.Pages",
    "PAGE_SIZE": 100,
    # Every API view, the case consultation's too: per person and per token (429 with
    # Retry-After), counted in the shared cache (REDIS_URL) so that app servers agree.
    "DEFAULT_THROTTLE_CLASSES": [
        "samen.api.throttles.PersonRateThrottle",
        "samen.api.throttles.TokenRateThrottle",
    ],
}
# Requests per person (all their tokens and their browser session together) and per token.
# A phone files a signal in two minutes and an integration sends 2 a second at most, while
# one server files a few hundred a second (bench/README.md): no one person or stolen token
# can take a noticeable share of it, or copy the signals wholesale.
SAMEN_API_RATE_PERSON = env_rate("SAMEN_API_RATE_PERSON", "300/min")
SAMEN_API_RATE_TOKEN = env_rate("SAMEN_API_RATE_TOKEN", "120/min")
# Roles with two-factor authentication get short-lived tokens, only from a signed-in session.
SAMEN_API_TWO_FACTOR_TOKEN_HOURS = env_int("SAMEN_API_TWO_FACTOR_TOKEN_HOURS", 8)
# A partner organisation's token is valid for at most this many days (its end date is required).
SAMEN_API_PARTNER_TOKEN_MAX_DAYS = env_int("SAMEN_API_PARTNER_TOKEN_MAX_DAYS", 366)
# Webhooks to partners' systems: each attempt waits this long for an answer; a failed one is
# tried again after SAMEN_WEBHOOK_RETRY_SECONDS, doubling each time (at most an hour), and
# given up after SAMEN_WEBHOOK_MAX_ATTEMPTS. Addresses must be https outside debug mode.
SAMEN_WEBHOOK_TIMEOUT_SECONDS = env_int("SAMEN_WEBHOOK_TIMEOUT_SECONDS", 5)
SAMEN_WEBHOOK_RETRY_SECONDS = env_int("SAMEN_WEBHOOK_RETRY_SECONDS", 30)
SAMEN_WEBHOOK_MAX_ATTEMPTS = env_int("SAMEN_WEBHOOK_MAX_ATTEMPTS", 8)
SAMEN_WEBHOOK_ALLOW_HTTP = DEBUG
# Other cities' Samen (samen.peers): each page waits this long for another city's statistics,
# and keeps the answer this long. Their addresses must be https: only debug mode allows http.
SAMEN_PEER_TIMEOUT_SECONDS = env_int("SAMEN_PEER_TIMEOUT_SECONDS", 4)
SAMEN_PEER_CACHE_SECONDS = env_int("SAMEN_PEER_CACHE_SECONDS", 300)
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env_int("SAMEN_API_TOKEN_DAYS", 90)),
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samen API",
    "DESCRIPTION": (
        "Signals of tension, figures and statistics for the city's prevention work, and for "
        "partner organisations at other policy levels. Every request needs a token.\n\n"
        "**A person's token** (`Authorization: Token samen_...` or `samen2f_...`, from "
        "/api/auth/login/ or a signed-in session) may do what its person may do on the web.\n\n"
        "**A partner organisation's token** (`Authorization: Token samenpartner_...`, issued by "
        "an administrator with an end date) reaches only the endpoints that name one of its "
        "scopes; every other endpoint answers 403:\n\n"
        "- `statistics:read`: GET /api/statistics/, the suppressed signal counts;\n"
        "- `circulars:read`: the circulars addressed to the organisation;\n"
        "- `exchanges:write`: exchanges with the city.\n\n"
        "Webhooks, signed with HMAC-SHA256, tell a partner's system of events: see docs/api.md."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Each reader gets the endpoints their permissions let through: a partner token sees those
    # of its scopes. The documentation page then offers to send a token with the schema request.
    "SERVE_PUBLIC": False,
    # The documentation page's Swagger UI comes from drf-spectacular-sidecar's static files.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that share a field name across the API get names of their own.
    "ENUM_NAME_OVERRIDES": {
        "ExchangeKindEnum": "samen.exchange.models.Exchange.Kind",
        "ExchangeStatusEnum": "samen.exchange.models.Exchange.Status",
        "LevelReportStatusEnum": "samen.reporting.models.LevelReport.Status",
    },
}

# --- Samen ----------------------------------------------------------------------------------
SAMEN_CITY_CODE = os.environ.get("SAMEN_CITY_CODE", "11002")
# Signal text and comments are removed after this many months; the counts stay.
SAMEN_SIGNAL_RETENTION_MONTHS = env_int("SAMEN_SIGNAL_RETENTION_MONTHS", 24)
# Party details of a mediation are removed this many years after closing, or after the last
# activity on an open one (which is then closed as lapsed); the facts stay. An open mediation
# idle for the warning's months shows the day its party details go.
SAMEN_MEDIATION_RETENTION_YEARS = env_int("SAMEN_MEDIATION_RETENTION_YEARS", 3)
SAMEN_MEDIATION_IDLE_WARNING_MONTHS = env_int("SAMEN_MEDIATION_IDLE_WARNING_MONTHS", 24)
# Case consultation: how long a closed case is kept (shorter when no aftercare was needed),
# and rejected referrals. Its keys (SAMEN_CASE_KEYS, SAMEN_CASE_INDEX_KEY) are read from the
# environment by samen.cases.crypto only, apart from SECRET_KEY (system check cases.E001).
SAMEN_CASE_RETENTION_YEARS = env_int("SAMEN_CASE_RETENTION_YEARS", 5)
SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS = env_int(
    renamed("SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS", "SAMEN_CASE_RETENTION_NO_FOLLOW_UP_YEARS"), 1
)
SAMEN_CASE_REFERRAL_RETENTION_DAYS = env_int("SAMEN_CASE_REFERRAL_RETENTION_DAYS", 365)
# A seat, delegation or invitation at the case consultation grants nothing once this many
# months passed since it was last confirmed; whoever grants it re-confirms it before then.
SAMEN_CASE_RECERTIFY_MONTHS = env_int("SAMEN_CASE_RECERTIFY_MONTHS", 6)
# Months after a support plan closes when its aftercare reviews fall due.
SAMEN_CASE_AFTERCARE_MONTHS = tuple(
    int(months)
    for months in env_list(
        renamed("SAMEN_CASE_AFTERCARE_MONTHS", "SAMEN_CASE_FOLLOW_UP_MONTHS"), "6,12"
    )
)
# The weeks of a place's own history that form its baseline, and the false-alarm rate of
# the early warning: the chance that an ordinary week is flagged (see docs/monitor.md).
SAMEN_MONITOR_BASELINE_WEEKS = env_int("SAMEN_MONITOR_BASELINE_WEEKS", 12)
SAMEN_MONITOR_FALSE_ALARM_RATE = float(os.environ.get("SAMEN_MONITOR_FALSE_ALARM_RATE", "0.01"))
# Indicators: a rate whose denominator is under this many (residents, pupils) is not shown,
# only "too few residents"; nor is one whose numerator is 1 to 4 ("<5").
SAMEN_INDICATOR_MIN_DENOMINATOR = env_int("SAMEN_INDICATOR_MIN_DENOMINATOR", 30)
# Prevention policy: strategy documents, evaluation reports and yearly reports are kept here,
# outside the web root (never under the static or media files); a view checks access.
SAMEN_POLICY_MEDIA_ROOT = Path(
    os.environ.get("SAMEN_POLICY_MEDIA_ROOT") or DATA_DIR / "policy-files"
)
# The largest strategy document or evaluation report accepted, in bytes (20 MB).
SAMEN_POLICY_UPLOAD_MAX_BYTES = env_int("SAMEN_POLICY_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# Exchanges between policy levels: their attachments are kept here, outside the web root, and
# served only through the exchange's access check; the largest accepted, in bytes (20 MB).
SAMEN_EXCHANGE_MEDIA_ROOT = Path(
    os.environ.get("SAMEN_EXCHANGE_MEDIA_ROOT") or DATA_DIR / "exchange-files"
)
SAMEN_EXCHANGE_UPLOAD_MAX_BYTES = env_int("SAMEN_EXCHANGE_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SAMEN_LOG_LEVEL", "WARNING")},
}
