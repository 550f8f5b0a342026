"""Where the serialised save of an upload spends its time once a story is a few hundred long articles.

``--build N`` grows a story of N generated ~1,400-word articles in a template database (in-process, eager, no
broker); each run then copies that template, analyses the next ``--count`` articles (not timed) and cProfiles
their saves alone, printing the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/nd_prof_save"


def _recreate(database_url: str, template: str | None = None) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django

    django.setup()


def _stored(story, sources, n: int):
    import hashlib

    from stories.models import Article
    from tests.bench import corpus

    data = corpus.article(n)
    return Article.objects.create(
        story=story,
        source=sources[n % len(sources)],
        original=data,
        sha256=hashlib.sha256(data).hexdigest(),
        origin=f"{n}.txt",
    )


def build(template_url: str, size: int, resume: bool) -> None:
    if not resume:
        _recreate(template_url)
    _django(template_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from stories import services
    from stories.models import Article, Source, Story

    if resume:
        story, sources = Story.objects.get(slug="scale"), list(Source.objects.order_by("id"))
        Article.objects.filter(story=story).exclude(status=Article.Status.DONE).delete()
    else:
        story = Story.objects.create(slug="scale", title="scale")
        sources = [Source.objects.create(name=f"outlet {i}") for i in range(12)]
    started = time.perf_counter()
    for n in range(story.articles.count() + 1, size + 1):
        services.article_analyse(article_id=_stored(story, sources, n).id)
        if n % 25 == 0:
            print(f"{n} articles, {time.perf_counter() - started:.0f}s", flush=True)


def profile(template_url: str, count: int, top: int, slug: str = "scale") -> None:
    from django.db import connections

    work_url = template_url + "_run"
    _recreate(work_url, template=template_url.rsplit("/", 1)[1])
    _django(work_url)
    connections.close_all()
    from django.db import transaction

    from stories.models import Source, Story
    from stories.services import sequencer
    from stories.services.analysis import article_analysis_run

    story = Story.objects.get(slug=slug)
    story.articles.exclude(status="done").delete()  # one a stopped build left half-saved
    sources = list(Source.objects.order_by("id"))
    first = story.articles.count() + 1
    staged = []
    for n in range(first, first + count):
        article = _stored(story, sources, n)
        staged.append((article, *article_analysis_run(article=article)))
    profiler = cProfile.Profile()
    times = []
    for article, analysis, _inputs in staged:
        started = time.perf_counter()
        profiler.enable()
        with transaction.atomic():
            sequencer._story_lock(article.story_id)
            sequencer._save(article, analysis, None)
        profiler.disable()
        times.append(1000 * (time.perf_counter() - started))
    times.sort()
    print(
        f"story of {first - 1}: save of {count} articles, median {times[len(times) // 2]:.0f} ms, "
        f"max {times[-1]:.0f} ms"
    )
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", type=int, default=0, help="grow the template story to this many articles")
    parser.add_argument("--resume", action="store_true", help="grow the template story built before")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--slug", default="scale", help="the story to profile in the template database")
    args = parser.parse_args(argv)
    template_url = os.environ.get("PROFILE_DATABASE_URL", DEFAULT_DB)
    sys.setrecursionlimit(10_000)
    if args.build:
        build(template_url, args.build, args.resume)
    else:
        profile(template_url, args.count, args.top, args.slug)
    return 0


if __name__ == "__main__":
    sys.exit(main())
