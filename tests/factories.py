"""Small builders for tests: a story with sources, analysed articles, claims and evidence, without the pipeline."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from itertools import count

from django.utils import timezone

from stories.models import Article, Claim, Entity, Event, Evidence, Mention, Source, Story

_seq = count(1)


def make_story(*, slug: str | None = None, title: str = "قصة تجريبية", is_public: bool = True) -> Story:
    n = next(_seq)
    return Story.objects.create(slug=slug or f"story-{n}", title=title, is_public=is_public)


def make_source(*, name: str | None = None, domain: str = "") -> Source:
    n = next(_seq)
    return Source.objects.create(name=name or f"مصدر {n}", domain=domain or f"source{n}.example")


def make_article(
    *,
    story: Story,
    source: Source | None = None,
    text: str = "قال مسؤول إن الوزير زار المدينة أمس.",
    title: str = "",
    published_at: datetime | None = None,
    status: str = Article.Status.DONE,
    duplicate_of: Article | None = None,
) -> Article:
    n = next(_seq)
    data = f"{title}\n\n{text}\n{n}".encode()
    return Article.objects.create(
        story=story,
        source=source,
        original=data,
        sha256=hashlib.sha256(data).hexdigest(),
        origin=f"article-{n}.txt",
        title=title or f"مقال {n}",
        text=text,
        published_at=published_at or timezone.make_aware(datetime(2020, 3, 1) + timedelta(hours=n)),
        status=status,
        duplicate_of=duplicate_of,
    )


def make_claim(*, story: Story, text: str = "زار الوزير المدينة", first: Article | None = None) -> Claim:
    return Claim.objects.create(story=story, text=text, key=text.split(), first_reported_in=first)


def make_evidence(
    *,
    claim: Claim,
    article: Article,
    quote: str | None = None,
    stance: str = "asserts",
    attributed_to: str = "",
) -> Evidence:
    quote = quote or article.text[:20]
    start = article.text.index(quote)
    return Evidence.objects.create(
        claim=claim,
        article=article,
        start=start,
        end=start + len(quote),
        stance=stance,
        attributed_to=attributed_to,
        key=claim.key,
    )


def make_entity(
    *,
    story: Story,
    name: str = "الوزير",
    kind: str = "person",
    article: Article | None = None,
    epithet: str = "",
) -> Entity:
    entity = Entity.objects.create(story=story, key=name, name=name, kind=kind, aliases=[])
    if article is not None and name in article.text:
        start = article.text.index(name)
        Mention.objects.create(
            entity=entity, article=article, start=start, end=start + len(name), epithet=epithet
        )
    return entity


def make_event(*, article: Article, date: str = "2020-03-01", quote: str | None = None) -> Event:
    quote = quote or article.text[:5]
    start = article.text.index(quote)
    return Event.objects.create(
        article=article, date=date, precision="day", start=start, end=start + len(quote)
    )


def make_story_with_matrix(*, sources: int = 3, claims: int = 4, articles_per_source: int = 1) -> Story:
    """A story where every source reports every claim; the last source denies the first claim."""
    story = make_story()
    outlets = [make_source() for _ in range(sources)]
    texts = [f"قال مسؤول إن الحدث رقم {i} وقع في المدينة." for i in range(claims)]
    rows = [make_claim(story=story, text=t.removeprefix("قال مسؤول إن ")) for t in texts]
    for s, outlet in enumerate(outlets):
        for _ in range(articles_per_source):
            article = make_article(story=story, source=outlet, text="\n\n".join(texts))
            for i, (claim, text) in enumerate(zip(rows, texts, strict=True)):
                stance = "denies" if (i == 0 and s == sources - 1) else "asserts"
                make_evidence(claim=claim, article=article, quote=text, stance=stance)
                claim.first_reported_in = claim.first_reported_in or article
                claim.save()
            make_entity(story=story, name=f"الوزير{s}", article=article)
            make_event(article=article)
    return story
