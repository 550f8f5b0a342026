"""Per-upload cost of matching an article's claims into its story and saving them (claims.article_claims_save:
claim index, matching, evidence, first report and wording) at story sizes of 100, 1,000 and 5,000 articles of
40 claims each, on a throw-away PostgreSQL database (DATABASE_URL names the server).

The story is filled with generated claims (Arabic words, roots, entities and places in the shape of real keys;
about half of each article's claims restate earlier ones with a few words changed), then UPLOADS articles are
matched and saved one at a time and the median is printed. ``--against REF`` runs the same measurement on the
code of git REF as well (e.g. ``main``) and prints both, with the 5,000/100 ratio of each.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SIZES = tuple(int(n) for n in os.environ.get("BENCH_INDEX_SIZES", "100,1000,5000").split(","))
CLAIMS_PER_ARTICLE, REPEATED, WARM, UPLOADS = 40, 0.5, 2, 7
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
EVENTS = ("~visit", "~meet", "~oppose", "~sign", "~attack", "~announce", "~deny", "~send")


class Generator:
    """Claim keys in the shape of the matcher's: a head, content words, their roots, events, entities, places."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = [
            "".join(self.rng.choice(LETTERS) for _ in range(self.rng.randint(3, 7))) for _ in range(8000)
        ]
        self.names = [f"={self._word()} {self._word()}" for _ in range(1500)]
        self.places = [f"⌂{self._word()}" for _ in range(120)]
        self.claims: list[tuple[str, ...]] = []  # every claim opened so far, by position (= claim number)

    def _word(self) -> str:
        return "".join(self.rng.choice(LETTERS) for _ in range(self.rng.randint(3, 6)))

    def _zipf(self, items: list[str]) -> str:
        return items[int(len(items) * self.rng.random() ** 2.5)]

    def fresh(self) -> tuple[str, ...]:
        words = list(dict.fromkeys(self._zipf(self.words) for _ in range(self.rng.randint(5, 11))))
        head = self._zipf(self.names)
        extra = [self._zipf(self.names) for _ in range(self.rng.randint(0, 2))]
        places = [self._zipf(self.places) for _ in range(self.rng.randint(0, 2))]
        events = self.rng.sample(EVENTS, self.rng.randint(0, 2))
        roots = [f"√{w[:3]}" for w in words]
        return (head, "|", head[1:].split()[-1], *words, *roots, *events, *extra, *places)

    def restated(self, key: tuple[str, ...]) -> tuple[str, ...]:
        body = list(key[2:])
        for _ in range(self.rng.randint(1, 2)):
            body.pop(self.rng.randrange(len(body)))
        word = self._zipf(self.words)
        return (*key[:2], *body, word, f"√{word[:3]}")

    def article(self, *, remember: bool = True) -> list[tuple[int | None, tuple[str, ...]]]:
        """(number of the restated claim or None, key) for each claim of one article; the claims a measured
        upload opens are not ``remember``ed (the filler restates only claims it stored itself)."""
        out: list[tuple[int | None, tuple[str, ...]]] = []
        for _ in range(CLAIMS_PER_ARTICLE):
            if self.claims and self.rng.random() < REPEATED:
                recent = self.rng.random() < 0.8
                span = min(len(self.claims), 3000) if recent else len(self.claims)
                number = len(self.claims) - 1 - int(span * self.rng.random() ** 2)
                out.append((number, self.restated(self.claims[number])))
            else:
                out.append((None, self.fresh()))
                if remember:
                    self.claims.append(out[-1][1])
        return out


def proposition(key: tuple[str, ...]) -> str:
    return " ".join(t for t in key[2:] if t[0] not in "√~=⌂@")


def article_text(keys: list[tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]]:
    spans, parts, at = [], [], 0
    for key in keys:
        sentence = proposition(key) + "."
        spans.append((at, at + len(sentence)))
        parts.append(sentence)
        at += len(sentence) + 1
    return " ".join(parts), spans


def run_one() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from stories.models import Article, Source, Story

    gen = Generator(12)
    story = Story.objects.create(slug="bench-index", title="bench")
    source = Source.objects.create(name="bench")
    claim_ids: list[int] = []
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for size in SIZES:
        _fill(story, source, gen, claim_ids, size, start)
        _reset_index(story.id)
        times = []
        for n in range(WARM + UPLOADS):
            elapsed = _upload(story, source, gen, start + timedelta(minutes=size + n), f"u{size}-{n}")
            if n == 0:
                _analyse_tables()  # the first upload (re)built what an index needs: plan with fresh statistics
            if n >= WARM:
                times.append(elapsed)
        quotes = Article.objects.filter(story=story).count()
        print(
            f"  story of {size:>5} articles ({quotes * CLAIMS_PER_ARTICLE:>7} quotes): "
            f"match+save median {statistics.median(times) * 1000:7.1f} ms  "
            f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})",
            flush=True,
        )


def _fill(story, source, gen: Generator, claim_ids: list[int], size: int, start: datetime) -> None:
    """Add generated articles, their claims and quotes straight to the tables until the story has ``size``."""
    from stories.models import Article, Claim, Evidence

    have = Article.objects.filter(story=story).count()
    for i in range(have, size):
        found = gen.article()
        text, spans = article_text([key for _, key in found])
        article = Article.objects.create(
            story=story,
            source=source,
            original=text.encode(),
            sha256=f"{i:064x}",
            origin=f"f{i}.txt",
            text=text,
            status=Article.Status.DONE,
            published_at=start + timedelta(minutes=i),
        )
        new = [key for number, key in found if number is None]
        created = Claim.objects.bulk_create(
            Claim(story=story, text=proposition(key), key=list(key), first_reported_in=article) for key in new
        )
        claim_ids.extend(c.id for c in created)
        opened = iter(created)
        rows = []
        for (number, key), (s, e) in zip(found, spans, strict=True):
            claim_id = next(opened).id if number is None else claim_ids[number]
            rows.append(
                Evidence(
                    claim_id=claim_id,
                    article=article,
                    start=s,
                    end=e,
                    stance="asserts",
                    key=list(key),
                    proposition=proposition(key),
                )
            )
        Evidence.objects.bulk_create(rows)


def _analyse_tables() -> None:
    """What autovacuum does on a live server after tables grow, done now so plans do not depend on its timing."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _reset_index(story_id: int) -> None:
    """The filled quotes bypassed the stored index (where there is one): the next upload rebuilds it."""
    from stories.services import claim_index

    reset = getattr(claim_index, "story_claim_index_reset", None)
    if reset is not None:
        reset(story_id=story_id)


def _upload(story, source, gen: Generator, published: datetime, name: str) -> float:
    """One article matched and saved as analysis.py does it (in a transaction holding the story); seconds."""
    from django.db import transaction

    from stories.models import Article, Story
    from stories.nlp.types import Analysis, ClaimFound
    from stories.services.claims import article_claims_save

    found = gen.article(remember=False)
    keys = [key for _, key in found]
    text, spans = article_text(keys)
    article = Article.objects.create(
        story=story,
        source=source,
        original=text.encode(),
        sha256=name.ljust(64, "0"),
        origin=f"{name}.txt",
        text=text,
        status=Article.Status.DONE,
        published_at=published,
    )
    claims = tuple(
        ClaimFound(start=s, end=e, proposition=proposition(k), key=k, stance="asserts")
        for k, (s, e) in zip(keys, spans, strict=True)
    )
    analysis = Analysis(
        text=text,
        title=None,
        published_at=published,
        published_has_time=True,
        sentences=(),
        entities=(),
        mentions=(),
        claims=claims,
        dates=(),
    )
    began = time.perf_counter()
    with transaction.atomic():
        Story.objects.select_for_update().filter(id=story.id).first()
        article_claims_save(article=article, analysis=analysis)
    return time.perf_counter() - began


def measure(code: Path) -> list[float]:
    """Run the measurement on the code under ``code`` in a fresh database; the medians, one per size."""
    pg = os.environ["DATABASE_URL"]
    admin_url, _, _ = pg.rpartition("/")
    name = f"newsdesk_bench_index_{os.getpid()}"
    psql = ["psql", f"{admin_url}/postgres", "-q", "-c"]
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"{admin_url}/{name}",
        "PYTHONPATH": str(code),
        "DJANGO_DEBUG": "0",  # no query log piling up
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL", None)
    try:
        out = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--one"],
            check=True,
            cwd=code,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=False)
    print(out, end="")
    return [float(line.split("median")[1].split()[0]) for line in out.splitlines() if "median" in line]


def report(label: str, medians: list[float]) -> None:
    ratio = medians[-1] / medians[0]
    verdict = "PASS" if ratio <= 1.3 else "MISS"
    print(f"  {label}: {SIZES[-1]}/{SIZES[0]} ratio {ratio:.2f}  target ≤ 1.3  {verdict}")


def main() -> None:
    if "--one" in sys.argv:
        run_one()
        return
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Claim index bench: needs DATABASE_URL pointing at PostgreSQL; skipped")
        return
    root = Path(__file__).resolve().parents[2]
    print(
        f"Claim index bench: per-upload match+save, {CLAIMS_PER_ARTICLE} claims an article, median of {UPLOADS}"
    )
    results = [("this checkout", measure(root))]
    if "--against" in sys.argv:
        ref = sys.argv[sys.argv.index("--against") + 1]
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(
                ["git", "archive", ref], cwd=root, check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            print(f" {ref}:")
            results.append((ref, measure(Path(tmp))))
    for label, medians in results:
        report(label, medians)


if __name__ == "__main__":
    main()
