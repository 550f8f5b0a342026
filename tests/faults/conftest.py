"""Fault tests' own backing services: a private PostgreSQL cluster and a private Redis, on free ports.

Stopping them never touches the suite's database or broker. The lease, the grace period, the sweep interval and
the retry backoff are shortened through the environment, so a fault is recovered from in seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_or_skip

# Short clocks for every process a fault test starts (settings read these at start-up).
FAST = {
    "NEWSDESK_ANALYSIS_LEASE": "6",
    "NEWSDESK_QUEUE_GRACE": "8",
    "NEWSDESK_SWEEP_INTERVAL": "2",
    "NEWSDESK_VISIBILITY_TIMEOUT": "20",
    "NEWSDESK_RETRY_BACKOFF_CAP": "2",
    "NEWSDESK_RETRY_MAX": "30",
    "DJANGO_LOG_LEVEL": "INFO",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, *, seconds: float, what: str, every: float = 0.5):
    """Poll until condition() is truthy, failing with ``what`` after ``seconds``; returns its value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"gave up after {seconds:.0f} s waiting for {what}")


class Postgres:
    """A throwaway cluster owned by the postgres user, trusting local connections."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="nd-faults-pg-", dir="/tmp"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/newsdesk"

    def _as_postgres(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120
        )

    def init(self) -> None:
        self._as_postgres("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self._as_postgres("createdb", "-h", "127.0.0.1", "-p", str(self.port), "newsdesk")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def query(self, sql: str, *params):
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=newsdesk") as conn:
            return conn.execute(sql, params).fetchall()

    def destroy(self) -> None:
        try:
            self.stop()
        except subprocess.SubprocessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """A Redis without persistence, so a stop really loses whatever it held."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis(port=self.port)

        def answers():
            try:
                return client.ping()
            except redis.RedisError:
                return False

        wait_until(answers, seconds=20, what="the private Redis to answer", every=0.1)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        self.proc = None


class Stack:
    """The private services plus the Celery processes a test starts; all stopped by the fixture."""

    def __init__(self, pg: Postgres, broker: Redis, logs: Path) -> None:
        self.pg, self.redis, self.logs = pg, broker, logs
        self.procs: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            **FAST,
            "DATABASE_URL": pg.url,
            "CELERY_BROKER_URL": broker.url,
            "DATABASE_CONN_MAX_AGE": "0",
        }

    def celery(self, *args: str, name: str) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("a")
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsdesk", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.procs.append(proc)
        return proc

    def worker(self, name: str = "worker") -> subprocess.Popen:
        return self.celery(
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{name}@%h",
            name=name,
        )

    def beat(self) -> subprocess.Popen:
        return self.celery(
            "beat", "--loglevel", "INFO", "--schedule", str(self.logs / "beat-schedule"), name="beat"
        )

    def drive(self, *args: str, broker: bool = True) -> dict:
        """Run tests/faults/drive.py against the private services; it prints one JSON object."""
        env = dict(self.env)
        if not broker:
            env.pop("CELERY_BROKER_URL")
        done = subprocess.run(
            [sys.executable, "-m", "tests.faults.drive", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    def statuses(self) -> dict[str, int]:
        return dict(self.pg.query("SELECT status, count(*) FROM stories_article GROUP BY status"))

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop_processes(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture
def stack(tmp_path):
    for tool in ("runuser", "redis-server"):
        require_or_skip(shutil.which(tool) is not None, f"{tool} for the fault tests")
    require_or_skip(
        shutil.which("initdb") is not None or Path("/usr/lib/postgresql").is_dir(),
        "initdb for the fault tests",
    )
    require_or_skip(os.geteuid() == 0, "root, to run the private PostgreSQL as the postgres user")
    pg, broker = Postgres(), Redis()
    stack = Stack(pg, broker, tmp_path)
    try:
        pg.init()
        broker.start()
        stack.drive("setup")
        yield stack
    finally:
        stack.stop_processes()
        broker.stop()
        pg.destroy()
