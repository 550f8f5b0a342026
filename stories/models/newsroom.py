"""The newsroom's inputs: stories, outlets and the uploaded articles (with their original bytes)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Story(models.Model):
    slug = models.SlugField(_("المعرّف في الروابط"), max_length=100, unique=True, allow_unicode=True)
    title = models.CharField(_("العنوان"), max_length=300)
    is_public = models.BooleanField(
        _("عامة"), default=False, help_text=_("القصة العامة يقرؤها الزوار دون تسجيل دخول.")
    )
    created_at = models.DateTimeField(_("أُنشئت في"), auto_now_add=True)
    # Bumped by every analysis and every editor's correction (services.story_version_bump): the pages' cache
    # keys carry it, so a change shows at once and nothing has to be deleted from the cache.
    version = models.PositiveBigIntegerField(_("الإصدار"), default=0, editable=False)
    # True once every live claim has its ClaimStats row (services.claim_stats keeps them); until then the pages
    # rank the claims from the evidence itself.
    claim_stats_ready = models.BooleanField(_("مكانة الادعاءات محسوبة"), default=False, editable=False)
    # Some claim may have lost its last quote since matching last looked (see services.claim_index).
    claims_maybe_orphaned = models.BooleanField(default=True, editable=False)

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
    # Nothing named the outlet (no URL, site name, credit or known domain): the name is the upload's file name,
    # which pages must never show as an outlet's name. Cleared when an editor renames the source.
    file_hint = models.CharField(
        _("اسم الملف"),
        max_length=500,
        blank=True,
        help_text=_("منفذ غير مسمّى: الاسم مأخوذ من هذا الملف حتى يعيد محرر تسميته."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("المنفذ")
        verbose_name_plural = _("المنافذ")

    def __str__(self) -> str:
        return self.name

    @property
    def is_unnamed(self) -> bool:
        return bool(self.file_hint)


class KnownOutlet(models.Model):
    """An outlet editors have named once, by its web domain, so that every upload from it gets that name."""

    domain = models.CharField(
        _("النطاق"), max_length=200, unique=True, help_text=_("دون www، مثل example.com.")
    )
    name = models.CharField(_("الاسم"), max_length=200)
    country = models.CharField(_("البلد"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("منفذ معروف")
        verbose_name_plural = _("المنافذ المعروفة")

    def __str__(self) -> str:
        return f"{self.name} ({self.domain})"

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower().removeprefix("www.")
        super().save(*args, **kwargs)


class ArticleQuerySet(models.QuerySet):
    def for_story_page(self):
        return self.select_related("source").defer("original", "text", "signature", "staged_analysis")


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
    # The analysis is a durable intent: status says what must run, and these say whether a message is out for
    # it and who holds it, so the sweeper (services.sweeper) can hand lost work out again.
    enqueued_at = models.DateTimeField(
        _("أُرسلت إلى الطابور في"),
        null=True,
        blank=True,
        help_text=_("آخر مرة سُلِّمت فيها رسالة التحليل إلى الطابور؛ فارغ ما دام الطابور لم يستلمها."),
    )
    lease_owner = models.CharField(_("يحللها"), max_length=200, blank=True)
    lease_expires_at = models.DateTimeField(_("ينتهي الحجز في"), null=True, blank=True)
    reanalysis_pending = models.BooleanField(
        _("تنتظر إعادة تحليل القصة"),
        default=False,
        help_text=_("تحليلها القديم ظاهر حتى يحل محله الجديد؛ لا تدخل المطابقة حتى ذلك الحين."),
    )
    # The pipeline's result, kept from the end of the analysis until every earlier article of the story is
    # settled: a story's matching runs in upload order whichever worker finishes first (services.sequencer).
    staged_analysis = models.JSONField(
        _("تحليل ينتظر دوره"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("نتيجة التحليل محفوظة حتى تُطابَق المقالات التي رُفعت قبلها."),
    )

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
            # The story page's digest: who published first, and the newest uploads.
            models.Index(fields=["story", "published_at", "id"], name="article_story_published"),
            models.Index(fields=["story", "created_at", "id"], name="article_story_uploaded"),
            # The sweeper looks for unfinished work across all stories.
            models.Index(fields=["status", "enqueued_at"], name="article_status_enqueued"),
        ]

    def __str__(self) -> str:
        return self.title or self.origin

    def published_iso(self) -> str | None:
        if self.published_at is None:
            return None
        return self.published_at.strftime("%Y-%m-%dT%H:%M" if self.published_has_time else "%Y-%m-%d")


class StoryReanalysis(models.Model):
    """A story reanalysis under way: what each quote's claim was when it started, and how far it has got.

    The articles still to do carry ``Article.reanalysis_pending``; this row outlives any one task, so a run
    whose worker died is resumed by the sweeper instead of leaving the story half-analysed.
    """

    story = models.OneToOneField(
        Story, on_delete=models.CASCADE, related_name="reanalysis", verbose_name=_("القصة")
    )
    previous = models.JSONField(
        _("الادعاءات السابقة"),
        default=list,
        help_text=_("[مقالة، بداية، نهاية، ادعاء] لكل اقتباس قبل البدء."),
    )
    total = models.PositiveIntegerField(_("عدد المقالات"), default=0)
    started_at = models.DateTimeField(_("بدأت في"), auto_now_add=True)
    touched_at = models.DateTimeField(_("آخر تقدّم في"), auto_now=True)

    class Meta:
        verbose_name = _("إعادة تحليل قصة")
        verbose_name_plural = _("إعادات تحليل القصص")

    def __str__(self) -> str:
        return str(self.story)
