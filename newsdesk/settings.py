"""Newsdesk settings: one file, every value from the environment.

The embedded defaults need nothing running: SQLite under the project and Celery tasks run in-process.
DATABASE_URL and CELERY_BROKER_URL switch to PostgreSQL and Redis. With DJANGO_DEBUG=0 (production)
a missing DJANGO_SECRET_KEY stops start-up.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    SECRET_KEY = "django-insecure-newsdesk-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver" if DEBUG else "")
if not ALLOWED_HOSTS:
    # Django would answer every request with 400; say why at start-up instead.
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the site's host(s) when DJANGO_DEBUG=0.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "stories",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsdesk.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsdesk.middleware.ArabicFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "newsdesk.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "admin:login"

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("NEWSDESK_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or not env_bool("DJANGO_STATIC_MANIFEST", True)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: articles are at most 5 MB each; the request as a whole may carry many of them.
ARTICLE_MAX_BYTES = int(os.environ.get("NEWSDESK_ARTICLE_MAX_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 200

# Where editors reach the site, for links printed by commands ("watch progress at ...").
NEWSDESK_SITE_URL = os.environ.get("NEWSDESK_SITE_URL", "http://localhost:8000")

# Celery: without a broker every task runs in-process, so nothing else has to be running.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
# In-process mode still builds a producer; the in-memory transport keeps it off any real broker.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
# A message is acknowledged only once its task has finished, and a worker killed mid-task (kill -9, OOM) gives
# its message back instead of acknowledging it, so the work is redelivered rather than lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("CELERY_TASK_SOFT_TIME_LIMIT", "240"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An upload must not wait on a dead broker: publishing gives up after about a second, the article stays
# `queued` with no message (Article.enqueued_at empty) and the sweeper sends it once the broker is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2

# Durable analysis (stories/services/sweeper.py). A worker that takes an article holds a lease on it; the hard
# time limit has killed any task by then, so a `processing` article past its lease has lost its worker.
NEWSDESK_ANALYSIS_LEASE = int(os.environ.get("NEWSDESK_ANALYSIS_LEASE", str(CELERY_TASK_TIME_LIMIT + 60)))
# A `queued` article whose message went out longer ago than this and has not started is sent again (the task
# skips work another worker holds, so a duplicate costs one query).
NEWSDESK_QUEUE_GRACE = int(os.environ.get("NEWSDESK_QUEUE_GRACE", "600"))
NEWSDESK_SWEEP_INTERVAL = float(os.environ.get("NEWSDESK_SWEEP_INTERVAL", "60"))
# Retries of an analysis that met a database or broker outage: exponential backoff with jitter, capped, and a
# count whose smallest total wait (every jitter at its minimum, half the step) still outlasts a 10-minute
# outage: 1+2+4+8+16+32 + 14 × 60 ≈ 900 s at the defaults.
NEWSDESK_RETRY_MAX = int(os.environ.get("NEWSDESK_RETRY_MAX", "20"))
NEWSDESK_RETRY_BACKOFF_CAP = float(os.environ.get("NEWSDESK_RETRY_BACKOFF_CAP", "120"))
# A story reanalysis works through its articles in steps of about this long, one task each, recording its
# progress, so no task comes near the time limit and a killed one loses at most one article's work.
NEWSDESK_REANALYSIS_STEP_SECONDS = float(os.environ.get("NEWSDESK_REANALYSIS_STEP_SECONDS", "60"))
# A JSONL file uploaded from a page is kept whole and imported by a task in steps of the same length.
NEWSDESK_BATCH_MAX_BYTES = int(os.environ.get("NEWSDESK_BATCH_MAX_BYTES", str(200 * 1024 * 1024)))
# Redis redelivers a message that a worker took but did not acknowledge after visibility_timeout. It must be
# longer than a message can legitimately stay unacknowledged: the task time limit (300 s) plus the longest
# retry countdown (120 s), which a worker holds unacknowledged while it waits; shorter, and a healthy task
# would be run twice. Kombu's default (3600 s) left a killed worker's article waiting an hour; the sweeper
# now recovers it after the lease (360 s), and this redelivery is the second net.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(
        os.environ.get(
            "NEWSDESK_VISIBILITY_TIMEOUT",
            str(CELERY_TASK_TIME_LIMIT + int(NEWSDESK_RETRY_BACKOFF_CAP) + 180),
        )
    ),
    "socket_connect_timeout": 2,
}
CELERY_BEAT_SCHEDULE = {
    "sweep-analysis": {"task": "stories.tasks.sweep_analysis", "schedule": NEWSDESK_SWEEP_INTERVAL},
}

# Production hardening, on whenever DEBUG is off; each can be relaxed from the environment (e.g. behind TLS offload).
# DJANGO_TLS says whether readers reach the site over HTTPS (directly or through a proxy that sets
# X-Forwarded-Proto); it defaults to on in production and decides the secure flag of the session and CSRF
# cookies, so no cookie travels in clear text whenever TLS is on. DJANGO_SECURE_COOKIES still overrides it.
TLS = env_bool("DJANGO_TLS", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", TLS)
CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", TLS)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", TLS)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000" if TLS else "0"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

# The Content-Security-Policy (newsdesk.security): this site's own scripts (htmx included) and styles only.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Caches. Production names a Redis (CACHE_URL, or REDIS_URL; a database of its own, apart from Celery's broker)
# so that every gunicorn worker shares one cache; the embedded default and the tests keep it in local memory.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsdesk"}
}
# Readers' pages of a story, cached per story version (stories/cache.py): every analysis and correction bumps the
# version, so nothing goes stale through the app; the lifetime only bounds edits made beside it (the admin's
# plain forms, SQL by hand). On in production; off while debugging, where a template or data edited by hand should
# show at once (and tests that write rows directly read fresh pages). NEWSDESK_PAGE_CACHE overrides either way.
NEWSDESK_PAGE_CACHE = env_bool("NEWSDESK_PAGE_CACHE", not DEBUG)
NEWSDESK_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSDESK_PAGE_CACHE_SECONDS", "300"))

# The copy index's covering index (CopyMark) carries non-key columns on PostgreSQL; SQLite, the embedded default,
# builds it without them, which costs speed only, so its warning is not printed on every command.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
