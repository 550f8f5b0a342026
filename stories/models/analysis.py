"""Rows the analysis derives: entities and mentions, claims and their evidence, dated events.

Derived rows (mentions, evidence, events) belong to one article and are replaced whole on reanalysis;
story-level rows (entities, claims) keep their ids so that permalinks survive reanalysis.
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from stories.stances import STANCE_CHOICES

from .newsroom import Article, Story


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("شخص")
        ORGANIZATION = "organization", _("مؤسسة")
        LOCATION = "location", _("مكان")
        OTHER = "other", _("أخرى")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="entities", verbose_name=_("القصة")
    )
    key = models.CharField(
        _("مفتاح الدمج"), max_length=200, help_text=_("الاسم بعد التطبيع؛ يدمج التحليل الكيانات عليه.")
    )
    name = models.CharField(_("الاسم"), max_length=200)
    kind = models.CharField(_("النوع"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(_("أسماء أخرى"), default=list, blank=True)
    curated = models.BooleanField(
        _("في معجم القصة"), default=False, help_text=_("جزء من معجم أسماء القصة الذي يحرره المحررون.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("الكيان")
        verbose_name_plural = _("كيانات")
        constraints = [models.UniqueConstraint(fields=["story", "key"], name="entity_unique_key_per_story")]

    def __str__(self) -> str:
        return self.name


class Mention(models.Model):
    entity = models.ForeignKey(
        Entity, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("الكيان")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("المقالة")
    )
    start = models.PositiveIntegerField(_("البداية"))
    end = models.PositiveIntegerField(_("النهاية"))
    epithet = models.CharField(_("اللقب"), max_length=200, blank=True)

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name = _("ذكر")
        verbose_name_plural = _("مرات الذكر")

    def __str__(self) -> str:
        return f"mention {self.entity_id} in article {self.article_id} [{self.start}:{self.end}]"


def claim_slug(text: str) -> str:
    """A claim's permalink words, from its text."""
    return slugify(text, allow_unicode=True)[:80].strip("-")


class Claim(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="claims", verbose_name=_("القصة"))
    text = models.TextField(_("النص"))
    slug = models.SlugField(_("المعرّف في الروابط"), max_length=80, allow_unicode=True, blank=True)
    key = models.JSONField(_("مفتاح المطابقة"), default=list, blank=True)
    first_reported_in = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="first_claims",
        verbose_name=_("أول من نشره"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
        verbose_name=_("مدموج في"),
    )
    text_by_editor = models.BooleanField(_("الصياغة من المحرر"), default=False)
    created_at = models.DateTimeField(_("أُنشئ في"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ادعاء")
        verbose_name_plural = _("ادعاءات")

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.slug = claim_slug(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("stories:claim", kwargs={"pk": self.pk, "slug": self.slug or "claim"})


class Evidence(models.Model):
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("الادعاء")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("المقالة")
    )
    start = models.PositiveIntegerField(_("البداية"))
    end = models.PositiveIntegerField(_("النهاية"))
    stance = models.CharField(_("الموقف"), max_length=12, choices=STANCE_CHOICES)
    stance_by_editor = models.BooleanField(_("الموقف من المحرر"), default=False)
    attributed_to = models.CharField(_("على لسان"), max_length=200, blank=True)
    key = models.JSONField(_("مفتاح المطابقة"), default=list, blank=True)
    proposition = models.TextField(
        _("الادعاء المستخلص"), blank=True, help_text=_("نص الادعاء دون الإسناد، للمطابقة.")
    )
    # The claim the matcher chose, before editors' corrections moved the quote: the claim index and the next
    # reanalysis read this one, so a correction never changes how other quotes are matched.
    matched_claim_id = models.BigIntegerField(_("ادعاء المطابقة الآلية"), null=True, blank=True)
    # The key as the claim index stored it, when a clitic was resolved against the story's tokens at the time.
    index_key = models.JSONField(_("مفتاح الفهرس"), default=list, blank=True)

    class Meta:
        ordering = ["article_id", "start"]
        # The claim index reads a claim's quotes by the claim the matcher chose (services/claim_index.py).
        indexes = [
            models.Index(
                Coalesce("matched_claim_id", "claim_id", output_field=models.BigIntegerField()),
                name="evidence_matched_claim",
            )
        ]
        verbose_name = _("اقتباس")
        verbose_name_plural = _("اقتباسات")

    def __str__(self) -> str:
        return f"{self.stance} in article {self.article_id} for claim {self.claim_id}"

    @property
    def quote(self) -> str:
        return self.article.text[self.start : self.end]


class Event(models.Model):
    """A date an article talks about, at day, month or year precision."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="events", verbose_name=_("المقالة")
    )
    date = models.CharField(_("التاريخ"), max_length=10)
    precision = models.CharField(_("الدقة"), max_length=5, default="day")
    start = models.PositiveIntegerField(_("البداية"))
    end = models.PositiveIntegerField(_("النهاية"))

    class Meta:
        ordering = ["date", "article_id", "start"]
        verbose_name = _("تاريخ مذكور")
        verbose_name_plural = _("التواريخ المذكورة في المقالات")

    def __str__(self) -> str:
        return f"{self.date} in article {self.article_id}"
