"""Grows a bench story fast: generated articles stored as an analysis stores them, with quotes cloned from the
articles analysed for real (seven in ten onto the same claims, the rest onto new claims with an altered key)."""

from __future__ import annotations

import hashlib
import random
from functools import lru_cache

from django.utils import timezone

from stories.models import Article, Claim, Evidence, Source, Story
from stories.nlp import dedup
from stories.nlp.pipeline import VERSION
from stories.services import analysis

_CLONED = ("start", "end", "stance", "attributed_to", "key", "proposition", "claim_id")


@lru_cache(maxsize=1)
def _templates(story_id: int) -> tuple[tuple[dict, ...], ...]:
    real = Evidence.objects.filter(article__story_id=story_id).values("article_id", *_CLONED)
    by_article: dict[int, list[dict]] = {}
    for row in real:
        by_article.setdefault(row.pop("article_id"), []).append(row)
    return tuple(tuple(rows) for rows in by_article.values())


def fill(story: Story, uploads: list[bytes], sources: list[Source], rng: random.Random) -> None:
    templates = _templates(story.id)
    now = timezone.now()
    articles = []
    for data in uploads:
        text = data.decode()
        articles.append(
            Article(
                story=story,
                source=rng.choice(sources),
                original=data,
                sha256=hashlib.sha256(data).hexdigest(),
                origin="filler.txt",
                title=text.split("\n", 1)[0][:500],
                text=text,
                status=Article.Status.DONE,
                signature=list(dedup.signature(text)),
                pipeline_version=VERSION,
                analysed_at=now,
            )
        )
    articles = Article.objects.bulk_create(articles)
    save_marks = getattr(analysis, "article_copy_marks_save", None)
    if save_marks is not None:
        for article in articles:
            save_marks(article=article)
    picked = [(article, rng.choice(templates)) for article in articles]
    fresh = {}
    for article, rows in picked:
        for i, row in enumerate(rows):
            if rng.random() < 0.3:
                key = list(row["key"])
                if key:
                    key[rng.randrange(len(key))] = f"{key[rng.randrange(len(key))]}{rng.randint(1, 9)}"
                fresh[(article.id, i)] = Claim(
                    story=story, text=f"{row['proposition'][:200]} ({article.id})", key=key
                )
    created = Claim.objects.bulk_create(fresh.values())
    new_claim = dict(zip(fresh, created, strict=True))
    evidence = []
    for article, rows in picked:
        for i, row in enumerate(rows):
            claim = new_claim.get((article.id, i))
            values = {**row, "key": claim.key if claim else row["key"]}
            values["claim_id"] = claim.id if claim else row["claim_id"]
            evidence.append(Evidence(article=article, matched_claim_id=values["claim_id"], **values))
    Evidence.objects.bulk_create(evidence, batch_size=2000)
