"""The production shape: docker-compose.yml structure, the Dockerfile, and settings that refuse to run insecurely."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from tests.conftest import ROOT


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_five_services_sharing_one_image():
    services = compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    web, worker, beat = services["web"], services["worker"], services["beat"]
    assert (
        web["image"] == worker["image"] == beat["image"]
        and web["build"] == worker["build"] == beat["build"] == "."
    )
    assert web["environment"] == worker["environment"] == beat["environment"]
    for name in ("DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_SECRET_KEY"):
        assert name in web["environment"]
    assert (
        web["environment"]["DATABASE_URL"].startswith("postgres://")
        and "@postgres:5432/" in web["environment"]["DATABASE_URL"]
    )
    assert web["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:6379")
    assert web["environment"]["DJANGO_DEBUG"] == "0"


def test_compose_waits_for_healthy_backing_services():
    services = compose()["services"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "ping" in services["redis"]["healthcheck"]["test"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"


def test_web_runs_gunicorn_and_worker_can_scale():
    services = compose()["services"]
    assert "gunicorn newsdesk.wsgi" in services["web"]["command"] and "migrate" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A newsdesk worker")
    # --scale worker=N needs a worker without a fixed name or published port
    assert "container_name" not in services["worker"] and "ports" not in services["worker"]
    assert services["web"]["ports"] == ["8000:8000"]


def test_beat_sends_the_sweeper_and_redis_keeps_its_queue_across_restarts():
    services = compose()["services"]
    assert services["beat"]["command"].startswith("celery -A newsdesk beat")
    assert "ports" not in services["beat"]
    redis_service = services["redis"]
    assert "--appendonly yes" in redis_service["command"]
    assert any(volume.endswith(":/data") for volume in redis_service["volumes"])
    assert "redis-data" in compose()["volumes"]
    from django.conf import settings

    assert settings.CELERY_BEAT_SCHEDULE["sweep-analysis"]["task"] == "stories.tasks.sweep_analysis"
    # A message held unacknowledged for a whole task plus its longest retry wait must not be redelivered.
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.CELERY_TASK_TIME_LIMIT + settings.NEWSDESK_RETRY_BACKOFF_CAP
    assert settings.NEWSDESK_ANALYSIS_LEASE > settings.CELERY_TASK_TIME_LIMIT
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST


def test_dockerfile_installs_pinned_torch_before_the_project():
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    torch = next(i for i, line in enumerate(lines) if "torch==2.13.0" in line)
    project = next(i for i, line in enumerate(lines) if line.strip().startswith("RUN pip install ."))
    assert torch < project
    assert any("gunicorn" in line for line in lines if line.startswith("CMD"))


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-with-enough-entropy-0123456789",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    """With exactly the README's production variables (secret, hosts, debug off): TLS on, clean."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def documented_variables() -> set[str]:
    """The variables named in the README's configuration table."""
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration (environment)", 1)[1].split("\n\n", 2)[1]
    return set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))


def test_every_django_setting_read_from_the_environment_is_documented():
    source = (ROOT / "newsdesk" / "settings.py").read_text()
    read = set(re.findall(r"""(?:env_bool|env_list|environ\.get)\(\s*["'](DJANGO_[A-Z0-9_]+)""", source))
    assert read - documented_variables() <= {"DJANGO_STATIC_MANIFEST", "DJANGO_LOG_LEVEL"}
    assert set(PRODUCTION) <= documented_variables()


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""})
    assert result.returncode != 0 and "DJANGO_ALLOWED_HOSTS" in result.stderr


def cookie_flags(**env: str) -> str:
    code = "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    result = manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_cookies_are_secure_whenever_tls_is_on():
    assert cookie_flags(**PRODUCTION) == "True True"  # production means TLS unless told otherwise
    assert cookie_flags(**PRODUCTION, DJANGO_TLS="0") == "False False"
    assert cookie_flags(DJANGO_TLS="1") == "True True"  # even while debugging behind HTTPS
    assert cookie_flags() == "False False"  # runserver on http://127.0.0.1


def test_a_plain_http_production_setup_is_what_check_deploy_warns_about():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, DJANGO_TLS="0")
    assert result.returncode != 0 and "SESSION_COOKIE_SECURE" in result.stderr


def test_compose_defaults_keep_cookies_secure():
    """Compose is the production shape: unless told TLS is absent, no cookie travels in clear text."""
    env = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["environment"]
    assert env["DJANGO_TLS"] == "${DJANGO_TLS:-1}"
    assert "DJANGO_SECURE_COOKIES" not in env and "DJANGO_SECURE_SSL_REDIRECT" not in env


def test_pages_are_cached_in_redis_apart_from_the_broker():
    env = compose()["x-app"]["environment"]
    assert env["CACHE_URL"].startswith("redis://redis:6379/") and env["CACHE_URL"] != env["CELERY_BROKER_URL"]
    code = (
        "from django.conf import settings; c = settings.CACHES['default'];"
        "print(c['BACKEND'], c['LOCATION'], settings.NEWSDESK_PAGE_CACHE)"
    )
    shown = {}
    for cache_url in ("redis://127.0.0.1:6399/1", ""):
        out = subprocess.run(
            [sys.executable, "-c", "import django; django.setup();" + code],
            cwd=ROOT,
            env={
                **os.environ,
                **PRODUCTION,
                "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
                "CACHE_URL": cache_url,
                "REDIS_URL": "",
            },
            capture_output=True,
            text=True,
            check=True,
        )
        shown[cache_url] = out.stdout.split()
    assert shown["redis://127.0.0.1:6399/1"] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6399/1",
        "True",
    ]
    assert (
        shown[""][0] == "django.core.cache.backends.locmem.LocMemCache"
    )  # on in production, in local memory
    assert shown[""][2] == "True"
