"""Newsroom data: stories, outlets, uploaded articles, and the rows the analysis derives from them.

Derived rows (mentions, evidence, events) belong to one article and are replaced whole on reanalysis;
story-level rows (entities, claims) keep their ids so that permalinks survive reanalysis.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from stories.stances import STANCE_CHOICES, TRACK_STANCE_CHOICES


class Story(models.Model):
    slug = models.SlugField(_("المعرّف في الروابط"), max_length=100, unique=True, allow_unicode=True)
    title = models.CharField(_("العنوان"), max_length=300)
    is_public = models.BooleanField(
        _("عامة"), default=False, help_text=_("القصة العامة يقرؤها الزوار دون تسجيل دخول.")
    )
    created_at = models.DateTimeField(_("أُنشئت في"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("قصة")
        verbose_name_plural = _("القصص")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", kwargs={"slug": self.slug})


class Source(models.Model):
    """A news outlet. Shared by all stories."""

    name = models.CharField(_("الاسم"), max_length=200, unique=True)
    domain = models.CharField(_("النطاق"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("المنفذ")
        verbose_name_plural = _("المنافذ")

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def for_story_page(self):
        return self.select_related("source").defer("original", "text", "signature")


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("في الانتظار")
        PROCESSING = "processing", _("قيد التحليل")
        DONE = "done", _("اكتمل")
        FAILED = "failed", _("فشل")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="articles", verbose_name=_("القصة")
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("المنفذ"),
    )
    original = models.BinaryField(_("الملف الأصلي"), help_text=_("البايتات المرفوعة كما وصلت."))
    sha256 = models.CharField(_("بصمة SHA-256"), max_length=64)
    origin = models.CharField(
        _("الأصل"), max_length=500, help_text=_("اسم الملف المرفوع، أو رابط سطر JSONL.")
    )
    url = models.URLField(_("الرابط"), max_length=1000, blank=True)
    title = models.CharField(_("العنوان"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("تاريخ النشر"), null=True, blank=True)
    published_has_time = models.BooleanField(_("تاريخ النشر يتضمن الساعة"), default=False)
    published_by_editor = models.BooleanField(
        _("تاريخ النشر من المحرر"), default=False, help_text=_("تاريخ أُدخل عند الرفع؛ يحتفظ به التحليل.")
    )
    text = models.TextField(_("النص"), blank=True, help_text=_("النص بعد التنظيف؛ كل المواضع تشير إليه."))
    status = models.CharField(_("الحالة"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(_("الخطأ"), blank=True)
    pipeline_version = models.CharField(_("إصدار التحليل"), max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        verbose_name=_("نسخة من"),
    )
    duplicate_by_editor = models.BooleanField(
        _("علامة النسخ من المحرر"), default=False, help_text=_("محرر وضع علامة النسخ أو أزالها.")
    )
    off_topic = models.BooleanField(_("خارج الموضوع"), default=False)
    signature = models.JSONField(
        _("بصمة النص"), default=list, blank=True, help_text=_("بصمة MinHash للنص، لكشف النسخ.")
    )
    created_at = models.DateTimeField(_("رُفعت في"), auto_now_add=True)
    analysed_at = models.DateTimeField(_("حُلّلت في"), null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["published_at", "id"]
        verbose_name = _("مقالة")
        verbose_name_plural = _("مقالات")
        constraints = [
            models.UniqueConstraint(fields=["story", "sha256"], name="article_unique_upload_per_story"),
        ]
        indexes = [
            models.Index(fields=["story", "status"]),
            # The story page counts each outlet's articles and draws a page of outlets in date order.
            models.Index(fields=["story", "source", "published_at"], name="article_story_source_date"),
        ]

    def __str__(self) -> str:
        return self.title or self.origin

    def published_iso(self) -> str | None:
        if self.published_at is None:
            return None
        return self.published_at.strftime("%Y-%m-%dT%H:%M" if self.published_has_time else "%Y-%m-%d")


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
        self.slug = slugify(self.text, allow_unicode=True)[:80].strip("-")
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

    class Meta:
        ordering = ["article_id", "start"]
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

    class Meta:
        ordering = ["tracked_id", "article_id"]
        verbose_name = _("موقف من ادعاء متابَع")
        verbose_name_plural = _("مواقف من ادعاءات متابَعة")
        constraints = [models.UniqueConstraint(fields=["tracked", "article"], name="one_result_per_article")]

    def __str__(self) -> str:
        return f"{self.stance} in article {self.article_id}"


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
