"""Editors' corrections that reanalysis honours (stance overrides, claim pins), and the log of every correction."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.stances import STANCE_CHOICES

from .analysis import Claim
from .newsroom import Article, Story


class StanceOverride(models.Model):
    """An editor's stance for one article on one claim; reanalysis applies it instead of the machine's."""

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="stance_overrides", verbose_name=_("الادعاء")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="stance_overrides", verbose_name=_("المقالة")
    )
    stance = models.CharField(_("الموقف"), max_length=12, choices=STANCE_CHOICES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("المحرر")
    )
    created_at = models.DateTimeField(_("أُنشئ في"), auto_now_add=True)

    class Meta:
        verbose_name = _("تصحيح موقف")
        verbose_name_plural = _("تصحيحات المواقف")
        constraints = [models.UniqueConstraint(fields=["claim", "article"], name="one_override_per_cell")]

    def __str__(self) -> str:
        return f"{self.stance} for claim {self.claim_id} in article {self.article_id}"


class ClaimPin(models.Model):
    """An editor's split: the claim sentence with this key in this article belongs to this claim, whatever the matcher says."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="pins", verbose_name=_("الادعاء"))
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claim_pins", verbose_name=_("المقالة")
    )
    key = models.JSONField(_("مفتاح المطابقة"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("المحرر")
    )
    created_at = models.DateTimeField(_("أُنشئ في"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("فصل ادعاء")
        verbose_name_plural = _("فصول الادعاءات")

    def __str__(self) -> str:
        return f"claim {self.claim_id} in article {self.article_id}"


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
