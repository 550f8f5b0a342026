"""Editors' corrections: staff only, POST only, each recorded by a correction service; then back to the page."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from stories import presentation, selectors, services
from stories.forms import ReviewTargetsForm
from stories.models import Article, Claim, Correction, Evidence, Story


def _back(request, fallback: str):
    """Reload the page under HTMX, or go back where the form was (never to another site)."""
    if request.htmx:
        return HttpResponseClientRefresh()
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)


def _review(view):
    """Staff only; a ReviewError becomes a message for the editor instead of a server error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.ReviewError as exc:
            messages.error(request, str(exc))
            return _back(request, request.META.get("HTTP_REFERER") or reverse("stories:story_list"))

    return require_POST(staff_member_required(wrapper))


def _story_page(article: Article) -> str:
    return reverse("stories:article", kwargs={"slug": article.story.slug, "pk": article.pk})


@_review
def claim_merge(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    into_id = ReviewTargetsForm(request.POST).value("into")
    into = Claim.objects.filter(pk=into_id, story_id=claim.story_id).first()
    if into is None:
        raise services.correction_refused("merge_target_missing")
    correction = services.claim_merge(claim=claim, into=into, user=request.user)
    into = correction.other_claim
    messages.success(
        request,
        gettext("دُمج الادعاء رقم %(claim)s في هذا الادعاء.") % {"claim": claim.pk},
        extra_tags="confirm",
    )
    if request.htmx:
        return HttpResponseClientRedirect(into.get_absolute_url())
    return redirect(into.get_absolute_url())


@_review
def claim_split(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    ids = ReviewTargetsForm(request.POST).value("evidence") or []
    correction = services.claim_split(
        claim=claim, evidence_ids=ids, user=request.user, text=request.POST.get("text", "")
    )
    messages.success(
        request, gettext("فُصلت الاقتباسات المختارة في هذا الادعاء الجديد."), extra_tags="confirm"
    )
    return redirect(correction.claim.get_absolute_url())


@_review
def claim_reword(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    correction = services.claim_reword(claim=claim, text=request.POST.get("text", ""), user=request.user)
    messages.success(request, gettext("حُفظت صياغة الادعاء."), extra_tags="confirm")
    return redirect(correction.claim.get_absolute_url())


@_review
def stance_override(request, pk: int):
    """One quote's stance (the ``evidence`` posted, a quote of this claim); no other quote changes."""
    claim = get_object_or_404(Claim, pk=pk)
    evidence_id = (ReviewTargetsForm(request.POST).value("evidence") or [None])[0]
    evidence = Evidence.objects.filter(pk=evidence_id, claim=claim).first()
    if evidence is None:
        raise services.correction_refused("evidence_missing")
    services.stance_override(evidence=evidence, stance=request.POST.get("stance", ""), user=request.user)
    messages.success(
        request,
        gettext("عُدّل موقف هذا الاقتباس وحده إلى «%(stance)s».")
        % {"stance": presentation.stance_word(request.POST["stance"])},
        extra_tags="confirm",
    )
    return _back(request, claim.get_absolute_url())


@_review
def article_mark_copy(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    original_id = ReviewTargetsForm(request.POST).value("original")
    original = get_object_or_404(Article, pk=original_id, story_id=article.story_id) if original_id else None
    services.article_mark_copy(article=article, original=original, user=request.user)
    if original is None:
        messages.success(request, gettext("أُلغيت علامة النسخة."), extra_tags="confirm")
    else:
        messages.success(request, gettext("عُلّمت المقالة نسخة."), extra_tags="confirm")
    return _back(request, _story_page(article))


@_review
def article_mark_off_topic(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    off_topic = request.POST.get("off_topic") == "1"
    services.article_mark_off_topic(article=article, off_topic=off_topic, user=request.user)
    if off_topic:
        messages.success(request, gettext("عُلّمت المقالة خارج الموضوع."), extra_tags="confirm")
    else:
        messages.success(request, gettext("أُعيدت المقالة إلى الموضوع."), extra_tags="confirm")
    return _back(request, _story_page(article))


@_review
def correction_undo(request, pk: int):
    correction = get_object_or_404(Correction.objects.select_related("story"), pk=pk)
    services.correction_undo(correction=correction, user=request.user)
    messages.success(request, gettext("تُراجع عن التصحيح رقم %(id)s.") % {"id": pk}, extra_tags="confirm")
    return _back(request, reverse("stories:review", kwargs={"slug": correction.story.slug}))


@_review
def article_retry(request, pk: int):
    """Queue a failed (or any) article for analysis again; the status list picks the change up."""
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    services.article_reanalyse(article=article, user=request.user)
    story = article.story
    if request.htmx:
        context = {"story": story, "status": selectors.story_status(story=story)}
        return render(request, "stories/status.html#status", context)
    return redirect("stories:status", slug=story.slug)


@_review
def claim_track(request, slug: str):
    """Add a tracked claim from the story page; every analysed article gets a stance toward it."""
    story = get_object_or_404(Story, slug=slug)
    text = " ".join(request.POST.get("text", "").split())
    if not text:
        raise services.correction_refused("track_empty")
    services.claim_track(story=story, text=text, user=request.user)
    return _back(request, story.get_absolute_url())
