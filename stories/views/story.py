"""The story list, the story page with its timelines, its status, and the article, entity, source and search pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language_bidi
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from stories import charts, selectors, services
from stories.cache import page_cached, page_or_cached
from stories.forms import EntityPagesForm, PageForm, StoryFiltersForm
from stories.models import Article, Entity, Source, Story

from .common import story_view


@require_GET
def story_list(request):
    """The stories this reader may see."""
    return render(
        request, "stories/story_list.html", {"stories": selectors.stories_visible(user=request.user)}
    )


@require_GET
@vary_on_headers("HX-Request")
@story_view
@page_cached("story")
def story_detail(request, story: Story):
    """The story's digest, its claims (key ones first) and its timelines; the filters swap the timelines in place."""
    form = StoryFiltersForm(request.GET)
    filters = selectors.StoryFilters(**form.filter_ids())
    coverage = selectors.story_coverage(story=story, filters=filters, lane_page=form.page("lanes"))
    events = selectors.story_events(story=story, filters=filters, page=form.page("events"))
    rtl = get_language_bidi()
    ranks = selectors.story_ranks(story=story)
    claims = selectors.story_first_claims_listed(
        story=story,
        filters=filters,
        ranks=ranks,
        rows=request.GET.get("claims", "key"),  # checked by the selector, which falls back to the key claims
        page=PageForm({"page": request.GET.get("claims_page", "")}).page(),
    )
    context = {
        "story": story,
        "filters": filters,
        "coverage": coverage,
        "coverage_chart": charts.coverage_chart(coverage, slug=story.slug, rtl=rtl),
        "events": events,
        "events_chart": charts.events_chart(events.days, rtl=rtl),
        "claims": claims,
    }
    if request.htmx:
        return render(request, "stories/story.html#timelines", context)
    context["choices"] = selectors.story_filter_choices(story=story, coverage=coverage)
    context["tracked"] = selectors.story_tracked(story=story)
    context["digest"] = selectors.story_digest(story=story, ranks=ranks)
    return render(request, "stories/story.html", context)


@require_GET
@vary_on_headers("HX-Request")
@story_view
def story_status(request, story: Story):
    """Article statuses; the fragment polls itself while anything is queued or processing.

    On the embedded default (no broker, no beat) this page is the sweeper's clock: it is open, and polling,
    exactly while an editor waits for unfinished work.
    """
    services.analysis_sweep_if_due()
    context = {"story": story, "status": selectors.story_status(story=story)}
    template = "stories/status.html#status" if request.htmx else "stories/status.html"
    return render(request, template, context)


@require_GET
@story_view
def article_detail(request, story: Story, pk: int):
    """One article's cleaned text with the claims' quotes marked."""
    article = get_object_or_404(
        Article.objects.select_related("source", "duplicate_of__source"), pk=pk, story=story
    )
    context = {"story": story, "article": article, "segments": selectors.article_segments(article=article)}
    if request.user.is_staff:  # the "copy of" list; readers pay no query for it
        context["copy_choices"] = selectors.articles_to_pick(story=story, exclude=article.pk)
    return render(request, "stories/article.html", context)


@require_GET
@story_view
def entity_detail(request, story: Story, pk: int):
    """An entity across outlets: epithets side by side, and who appears with it."""
    entity = get_object_or_404(Entity, pk=pk, story=story)
    form = EntityPagesForm(request.GET)
    profile = selectors.entity_profile(entity=entity, page=form.page(), co_page=form.page("co_page"))
    return render(request, "stories/entity.html", {"story": story, "profile": profile})


@require_GET
@story_view
def source_detail(request, story: Story, pk: int):
    """An outlet within the story: its articles, its stances, whom it cites and who copies it."""
    source = get_object_or_404(Source, pk=pk)
    page = PageForm(request.GET).page()
    profile = selectors.source_profile(story=story, source=source, page=page)
    return render(request, "stories/source.html", {"story": story, "profile": profile})


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    """Arabic-aware search over articles, claims and entities; results swap in as the editor types."""
    query = request.GET.get("q", "").strip()
    story = None
    if slug := request.GET.get("story"):
        story = selectors.story_readable(slug=slug, user=request.user)
    kinds = ("claims", "entities", "articles")
    pages = {kind: PageForm({"page": request.GET.get(f"{kind}_page", "")}).page() for kind in kinds}

    def page():
        results = (
            selectors.search(query=query, user=request.user, story=story, pages=pages) if query else None
        )
        context = {"query": query, "results": results, "story": story}
        template = "stories/search.html#results" if request.htmx else "stories/search.html"
        return render(request, template, context)

    # Within one story, results change only with its version (the key holds the whole query string, pages too);
    # across stories, they are searched afresh.
    return page_or_cached(request, name="search", story=story, render=page) if story and query else page()
