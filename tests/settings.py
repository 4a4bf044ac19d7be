"""The test run's settings: the product's own, with what a test run needs instead of a server.

The product honours no variable that relaxes a safeguard for tests (it used to: SAMEN_TESTING),
so these values come from this module, which only pytest loads (pyproject.toml).
"""

import os

# samen.settings refuses to load without a secret outside debug. The test run brings its own,
# and takes it out of the environment again, so that a subprocess a test starts loads the
# product's settings as a server would.
_OWN_SECRET = "SECRET_KEY" not in os.environ
if _OWN_SECRET:
    os.environ["SECRET_KEY"] = "tests-only-" + "x" * 50
try:
    from samen.settings import *  # noqa: F403
finally:
    if _OWN_SECRET:
        del os.environ["SECRET_KEY"]

# Fixed development keys for the case consultation and second factors (samen.core.keys).
TESTING = True

ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
# Tests create many accounts; argon2 is the production hasher, tested in its own test.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# The tests' webhook receivers listen on plain http on the loopback address.
SAMEN_WEBHOOK_ALLOW_HTTP = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The test client speaks plain http and the static files come from the apps' folders.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
