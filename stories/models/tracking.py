"""Claims an editor tracks across a story, and each article's stance toward them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.stances import TRACK_STANCE_CHOICES

from .newsroom import Article, Story


class TrackedClaim(models.Model):
    """A claim an editor typed; every article of the story gets a stance toward it."""

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="tracked_claims", verbose_name=_("القصة")
    )
    text = models.TextField(_("النص"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("المحرر")
    )
    created_at = models.DateTimeField(_("أُنشئ في"), auto_now_add=True)
    # Progress of the tracking task: articles judged out of the story's analysed articles at its start.
    done = models.PositiveIntegerField(_("المنجز"), default=0)
    total = models.PositiveIntegerField(_("المجموع"), default=0)
    finished_at = models.DateTimeField(_("انتهى في"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ادعاء متابَع")
        verbose_name_plural = _("ادعاءات متابَعة")

    def __str__(self) -> str:
        return self.text[:80]


class TrackedStance(models.Model):
    tracked = models.ForeignKey(
        TrackedClaim, on_delete=models.CASCADE, related_name="results", verbose_name=_("ادعاء متابَع")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="tracked_stances", verbose_name=_("المقالة")
    )
    stance = models.CharField(_("الموقف"), max_length=12, choices=TRACK_STANCE_CHOICES)
    start = models.PositiveIntegerField(_("البداية"))
    end = models.PositiveIntegerField(_("النهاية"))
    score = models.FloatField(_("الدرجة"))
    # The passages the stance was decided from: [start, end] pairs into the article's stored text, best first.
    passages = models.JSONField(_("المقاطع"), default=list, blank=True)

    class Meta:
        ordering = ["tracked_id", "article_id"]
        verbose_name = _("موقف من ادعاء متابَع")
        verbose_name_plural = _("مواقف من ادعاءات متابَعة")
        constraints = [models.UniqueConstraint(fields=["tracked", "article"], name="one_result_per_article")]

    def __str__(self) -> str:
        return f"{self.stance} in article {self.article_id}"
