"""The story's copy index: each analysed article's copy marks (``nlp.copymarks``), looked up by mark."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .newsroom import Article, Story


class CopyProfile(models.Model):
    """The sizes the copy rule reads, and which analysis of the article the marks were taken from."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="copy_profile"
    )
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    shingles = models.PositiveIntegerField(_("مقاطع النص"))
    total = models.PositiveIntegerField(_("مقاطع الفقرات"))
    analysed_at = models.DateTimeField()  # the article's, or the epoch for one never stamped

    class Meta:
        verbose_name = _("بصمات النسخ")
        verbose_name_plural = _("بصمات النسخ")

    def __str__(self) -> str:
        return f"copy marks of article {self.article_id}"


class CopyMark(models.Model):
    """One mark of one article; a lookup reads the (story, mark) index for the new article's marks."""

    # No id: the key (profile, mark) also serves deleting an article's marks, one index fewer on a large table.
    pk = models.CompositePrimaryKey("profile", "mark")
    profile = models.ForeignKey(CopyProfile, on_delete=models.CASCADE, related_name="marks", db_index=False)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+", db_index=False)
    mark = models.BigIntegerField()
    weight = models.PositiveIntegerField()

    class Meta:
        indexes = [
            # Covering on PostgreSQL: the lookup's sums never visit the table.
            models.Index(fields=["story", "mark"], include=["profile", "weight"], name="copymark_story_mark"),
        ]

    def __str__(self) -> str:
        return f"{self.mark} of article {self.profile_id}"
