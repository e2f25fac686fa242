"""Sipokja settings. Everything that differs between machines comes from the environment.

See `dotenv-sample` for every variable with its default and meaning.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VERSION = "0.1.0"

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) to a long random string, "
            "or set DEBUG=true for local development."
        )
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "ninja",
    "core",
    "accounts",
    "audit",
    "regions",
    # jobs before django_tasks_db: `manage.py db_worker` is then jobs' worker (with the schedule).
    "jobs",
    "django_tasks",
    "django_tasks_db",
    "notifications",
    "workgroups",
    "indicators",
    "planning",
    "budget",
    "policies",
    "assessment",
    "meetings",
    "letters",
    "knowledge",
    "dashboards",
    "reports",
    "privacy",
    "interop",
    "api",
    "ops",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # API input that no view or database should see: 413, 400, 422 (core/validation.py).
    "core.validation.ApiInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Indonesian unless chosen, never the browser's Accept-Language (accounts/language.py).
    "accounts.language.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "audit.middleware.AuditActorMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    # Must be last: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.sipokja",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL in production through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'sipokja.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# At least 12 characters, not like the user's name or e-mail, not all digits, and in neither
# Django's list of common passwords nor Sipokja's list of common Indonesian ones.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.CommonPasswordValidator",
        "OPTIONS": {
            "password_list_path": BASE_DIR / "accounts" / "data" / "common-passwords-id.txt"
        },
    },
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# API tokens stop working this many days after they are issued; each user keeps at most this
# many active tokens (issuing one more revokes the oldest).
SIPOKJA_API_TOKEN_DAYS = env_int("SIPOKJA_API_TOKEN_DAYS", 90)
SIPOKJA_API_TOKEN_MAX_ACTIVE = env_int("SIPOKJA_API_TOKEN_MAX_ACTIVE", 10)
# Webhooks are never delivered to loopback, private or link-local addresses (the server's own
# network) unless this is on (a receiver inside the same network, and the tests).
SIPOKJA_WEBHOOK_ALLOW_PRIVATE = env_bool("SIPOKJA_WEBHOOK_ALLOW_PRIVATE", False)

# Lock-out after repeated failed log-ins (django-axes).
AXES_FAILURE_LIMIT = env_int("SIPOKJA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("SIPOKJA_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A second lock-out per IP address across user names (one password tried on many accounts):
# core.lockout.LockoutHandler.
AXES_HANDLER = "core.lockout.LockoutHandler"
SIPOKJA_LOGIN_IP_FAILURE_LIMIT = env_int("SIPOKJA_LOGIN_IP_FAILURE_LIMIT", 30)
SIPOKJA_LOGIN_IP_COOLOFF_MINUTES = env_int("SIPOKJA_LOGIN_IP_COOLOFF_MINUTES", 30)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"  # JSON for the API
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Internationalisation: Indonesian first, English complete too.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Makassar")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # the choice sticks for a year
# Full Indonesian dates ("4 Desember 2026") for the `date` filter (core/locale_formats).
FORMAT_MODULE_PATH = ["core.locale_formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("SIPOKJA_STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Fingerprinted, compressed files from `collectstatic` in production.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("SIPOKJA_STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not env_bool("SIPOKJA_STATIC_MANIFEST", not DEBUG)

# Uploaded files live outside the web root and are only served through permission-checked views.
MEDIA_ROOT = Path(env_str("SIPOKJA_MEDIA_ROOT") or BASE_DIR / "var" / "media")
if not MEDIA_ROOT.is_absolute():
    MEDIA_ROOT = BASE_DIR / MEDIA_ROOT
# No URL serves MEDIA_ROOT in production; files go through permission-checked views only.
MEDIA_URL = "/_media-not-served/"
SIPOKJA_UPLOAD_MAX_MB = env_int("SIPOKJA_UPLOAD_MAX_MB", 10)
# Every uploaded workbook passes core.spreadsheets.guard before it is read: ceilings on what it
# unpacks to (in all and per part, measured while inflating, not taken from the ZIP headers), on
# the compression ratio of a part, and on the rows and columns a sheet may use.
SIPOKJA_SPREADSHEET_MAX_UNZIPPED_MB = env_int("SIPOKJA_SPREADSHEET_MAX_UNZIPPED_MB", 200)
SIPOKJA_SPREADSHEET_MAX_PART_MB = env_int("SIPOKJA_SPREADSHEET_MAX_PART_MB", 150)
SIPOKJA_SPREADSHEET_MAX_RATIO = env_int("SIPOKJA_SPREADSHEET_MAX_RATIO", 100)
SIPOKJA_SPREADSHEET_MAX_ROWS = env_int("SIPOKJA_SPREADSHEET_MAX_ROWS", 150_000)
SIPOKJA_SPREADSHEET_MAX_COLUMNS = env_int("SIPOKJA_SPREADSHEET_MAX_COLUMNS", 26)
# The province dashboard's rendered body is kept this long in the cache (each process's memory,
# or Redis with REDIS_URL below; any committed change renders it afresh); 0 turns it off.
SIPOKJA_DASHBOARD_CACHE_SECONDS = env_int("SIPOKJA_DASHBOARD_CACHE_SECONDS", 300)
# Documents without personal data (the recap PDF) are kept in the storage per data version
# (core.pdf); False lays every one out again (the benchmark's "not cached" PDF).
SIPOKJA_PDF_CACHE = True
# Aggregates kept under the data version (audit.version.kept: matrix rows, dashboard outcomes,
# the access check of the dashboards); 0 reads them afresh every time.
SIPOKJA_KEPT_SECONDS = env_int("SIPOKJA_KEPT_SECONDS", 3600)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sipokja <noreply@sipokja.local>")
# Seconds an SMTP connection may take before the mail job gives up and retries later.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
SIPOKJA_BASE_URL = env_str("SIPOKJA_BASE_URL", "http://127.0.0.1:8000")

# Electronic signatures (docs/letters.md). The office certificate as PKCS#12 (in production a
# BSrE certificate); the national admin may upload one per office instead. Trust roots (PEM)
# against which signatures on issued letters and uploaded SKs are verified.
SIPOKJA_SIGNING_P12_FILE = env_str("SIPOKJA_SIGNING_P12_FILE", "") or ""
SIPOKJA_SIGNING_P12_PASSWORD = env_secret("SIPOKJA_SIGNING_P12_PASSWORD", "") or ""
SIPOKJA_SIGNING_SIGNER_TITLE = env_str("SIPOKJA_SIGNING_SIGNER_TITLE", "") or ""
SIPOKJA_SIGNATURE_TRUST_ROOTS = env_str("SIPOKJA_SIGNATURE_TRUST_ROOTS", "") or ""
for _name, _path in (
    ("SIPOKJA_SIGNING_P12_FILE", SIPOKJA_SIGNING_P12_FILE),
    ("SIPOKJA_SIGNATURE_TRUST_ROOTS", SIPOKJA_SIGNATURE_TRUST_ROOTS),
):
    if _path and not Path(_path).is_file():
        raise ImproperlyConfigured(
            f"{_name} points to {_path!r}, which is not a readable file. "
            "Fix the path or leave the variable empty (see docs/letters.md)."
        )
# Background jobs (jobs/, docs/adr/0001-background-jobs.md): Django's Tasks API (the
# django-tasks backport) with its database backend; workers are `manage.py db_worker`.
# "immediate" runs each job in the process that starts it, right after its transaction commits
# (tests; nothing else needs it).
_JOB_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
SIPOKJA_JOBS_BACKEND = env_str("SIPOKJA_JOBS_BACKEND", "database")
if SIPOKJA_JOBS_BACKEND not in _JOB_BACKENDS:
    raise ImproperlyConfigured("SIPOKJA_JOBS_BACKEND must be 'database' or 'immediate'.")
TASKS = {"default": {"BACKEND": _JOB_BACKENDS[SIPOKJA_JOBS_BACKEND], "QUEUES": ["default"]}}
# Wait before the first retry of a failed attempt (e-mail when the SMTP server is down); it
# doubles with each attempt, up to an hour.
SIPOKJA_JOBS_RETRY_SECONDS = env_int("SIPOKJA_JOBS_RETRY_SECONDS", 30)
# A running job without a sign of life for this long lost its worker: it is tried again.
SIPOKJA_JOBS_STALE_MINUTES = env_int("SIPOKJA_JOBS_STALE_MINUTES", 10)
# Finished jobs (and their result files) are deleted after this many days.
SIPOKJA_JOBS_KEEP_DAYS = env_int("SIPOKJA_JOBS_KEEP_DAYS", 30)
# Imports started from a page always run as jobs; through the API, a file larger than this (KB)
# does too (202 and the job), a smaller one is imported in the request unless ?background=1.
SIPOKJA_IMPORT_BACKGROUND_KB = env_int("SIPOKJA_IMPORT_BACKGROUND_KB", 256)

# Security headers. Production (DEBUG off) gets secure cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SIPOKJA_SESSION_HOURS", 12) * 3600
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SIPOKJA_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Path-building failures of untrusted signatures are reported to the user, not logged.
        "pyhanko": {"level": "ERROR"},
        "pyhanko_certvalidator": {"level": "ERROR"},
    },
}

NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_CLASS = "core.pagination.LimitOffsetPagination"  # bounded limit and offset

# --- Beyond one machine (issue 23): shared cache, object storage, pooling, JSON logs ---------
# Each switch is an environment variable; unset, Sipokja stays one self-contained process.

# Shared cache: with REDIS_URL every instance and worker shares one cache (dashboard bodies,
# keyed by the data version, so a change on one instance shows on all at the next request).
# core.cache.SafeRedisCache turns a Redis that went away into cache misses (logged), never into
# errors. Sessions stay in the database: a session ended while Redis was away must not come back
# from a stale cached copy.
REDIS_URL = env_str("REDIS_URL", "") or ""
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.SafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("SIPOKJA_CACHE_PREFIX", "sipokja") or "sipokja",
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Connection pooling (PostgreSQL only): psycopg's pool in each process, DATABASE_POOL
# connections at most (min 2); with it, connections are not kept past the request
# (CONN_MAX_AGE 0, Django's requirement). 0 = no pool (PgBouncer in front is the alternative).
DATABASE_POOL = env_int("DATABASE_POOL", 0)
if DATABASE_POOL > 0 and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(2, DATABASE_POOL),
        "max_size": DATABASE_POOL,
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Request ids and JSON logs: every request gets an id (an incoming X-Request-ID is honoured and
# returned), each log line carries it, and so do the log lines of the jobs the request started.
# LOG_FORMAT=json (the default without DEBUG) writes one JSON object per line; text is readable.
MIDDLEWARE.insert(0, "core.requestid.RequestIdMiddleware")
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json") or "json"
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'text'.")
LOGGING["filters"] = {"request_id": {"()": "core.requestid.RequestIdFilter"}}
LOGGING["formatters"] = {
    "json": {"()": "core.requestid.JsonFormatter"},
    "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
}
LOGGING["handlers"]["console"].update(formatter=LOG_FORMAT, filters=["request_id"])
# Load balancers and process managers probe these over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Object storage: with AWS_STORAGE_BUCKET_NAME every uploaded and generated file goes to an
# S3-compatible bucket (MinIO, a government cloud's S3, AWS) shared by all instances and
# workers. The bucket stays private; files are served only through permission-checked views.
# `manage.py copy_files_to_storage` copies the files of SIPOKJA_MEDIA_ROOT into it.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "") or ""
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "core.s3storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_secret("AWS_SECRET_ACCESS_KEY", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "location": env_str("AWS_LOCATION", "") or "",
        },
    }
