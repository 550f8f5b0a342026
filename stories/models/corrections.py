"""Editors' corrections, each one row that reanalysis honours (see services.corrections), and the review log.

A correction names the quotes it is about by a stable identity (the article's sha256 and the quote's normalised
text, with the offsets as a hint), because evidence rows and their ids are replaced by every reanalysis.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .analysis import Claim
from .newsroom import Article, Story


class Correction(models.Model):
    """One editor's action. ``quotes`` holds the identities of the quotes it touches:
    ``[{"sha256": …, "text": normalised quote, "start": hint, "end": hint}, …]``."""

    class Kind(models.TextChoices):
        STANCE = "stance", _("تصحيح موقف")
        REWORD = "reword", _("إعادة صياغة")
        MERGE = "merge", _("دمج")
        SPLIT = "split", _("فصل")
        COPY = "copy", _("نسخة")
        OFF_TOPIC = "off_topic", _("خارج الموضوع")

    class State(models.TextChoices):
        APPLIED = "applied", _("مطبّق")
        ORPHANED = "orphaned", _("يتيم")
        UNDONE = "undone", _("متراجع عنه")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("القصة")
    )
    kind = models.CharField(_("النوع"), max_length=12, choices=Kind.choices)
    state = models.CharField(_("الحالة"), max_length=10, choices=State.choices, default=State.APPLIED)
    quotes = models.JSONField(_("الاقتباسات"), default=list, blank=True)
    # reword: the claim; merge: the claim merged away; split: the new claim the quotes moved to
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("الادعاء")
    )
    # merge: the claim it went into; split: the claim the quotes left
    other_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("ادعاء آخر")
    )
    # copy / off-topic: the article (stable across reanalysis); copy: its original in ``original``
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("المقالة")
    )
    original = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("الأصل")
    )
    payload = models.JSONField(_("التفاصيل"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("المحرر"),
    )
    created_at = models.DateTimeField(_("أُنشئ في"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("تراجع عنه"),
    )
    undone_at = models.DateTimeField(_("تُراجع عنه في"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("تصحيح")
        verbose_name_plural = _("تصحيحات")
        indexes = [models.Index(fields=["story", "state"], name="correction_story_state")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.state})"

    @property
    def live(self) -> bool:
        return self.state != self.State.UNDONE


class ReviewLog(models.Model):
    """Who changed what and when: every editor correction is recorded here."""

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="review_log", verbose_name=_("القصة")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("المحرر")
    )
    action = models.CharField(_("الإجراء"), max_length=40)
    detail = models.JSONField(_("التفاصيل"), default=dict)
    created_at = models.DateTimeField(_("سُجّل في"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("سجل المراجعة")
        verbose_name_plural = _("سجل المراجعة")

    def __str__(self) -> str:
        return f"{self.action} by {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"
