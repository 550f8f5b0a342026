"""The copy index: sampled shingle hashes of each article's text, so that an upload finds the articles it may
copy by an indexed lookup instead of reading every earlier text of the story."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .newsroom import Article, Story


class CopyMark(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", verbose_name=_("القصة"))
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="copy_marks", verbose_name=_("المقالة")
    )
    hash = models.BigIntegerField(_("البصمة"))
    total = models.PositiveIntegerField(_("عدد بصمات المقالة"))  # repeated per row: the lookup needs no join

    class Meta:
        verbose_name = _("بصمة نسخ")
        verbose_name_plural = _("بصمات النسخ")
        # Covers the lookup (story, hash -> article, total): PostgreSQL answers it from the index alone.
        indexes = [models.Index(fields=["story", "hash", "article", "total"], name="copymark_lookup")]

    def __str__(self) -> str:
        return f"copy mark {self.hash} of article {self.article_id}"
