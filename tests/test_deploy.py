"""The production shape: docker-compose.yml structure, the Dockerfile, and settings that refuse to run insecurely."""

from __future__ import annotations

import os
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
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 20 + "-production-secret-with-enough-entropy-0123456789",
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
