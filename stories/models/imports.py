"""Bulk imports started from a page: the uploaded JSONL file kept whole, and how far its import has got."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .newsroom import Story


class ImportBatch(models.Model):
    """One JSONL file uploaded by an editor, imported line by line by a task (``services.batches``).

    ``done`` lines are settled: each has an ``ImportLine`` written in the same transaction as its article, so a
    killed task resumes at the next line and never imports a line twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("في الطابور")
        RUNNING = "running", _("قيد الاستيراد")
        DONE = "done", _("اكتمل")
        FAILED = "failed", _("تعذّر")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="imports", verbose_name=_("القصة")
    )
    filename = models.CharField(_("اسم الملف"), max_length=255)
    original = models.BinaryField(_("الملف الأصلي"))
    status = models.CharField(_("الحالة"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("عدد الأسطر"), default=0)
    done = models.PositiveIntegerField(_("الأسطر المنجزة"), default=0)
    imported = models.PositiveIntegerField(_("المقالات المستوردة"), default=0)
    refused = models.PositiveIntegerField(_("الأسطر المرفوضة"), default=0)
    error = models.TextField(_("الخطأ"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("رفعه")
    )
    created_at = models.DateTimeField(_("رُفع في"), auto_now_add=True)
    touched_at = models.DateTimeField(_("آخر تقدّم في"), auto_now=True)
    finished_at = models.DateTimeField(_("انتهى في"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("دفعة استيراد")
        verbose_name_plural = _("دفعات الاستيراد")
        indexes = [models.Index(fields=["status", "touched_at"], name="importbatch_live")]

    def __str__(self) -> str:
        return self.filename

    @property
    def unfinished(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ImportLine(models.Model):
    """What became of one line of a batch: the article it was stored as, or why it was refused."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveIntegerField(_("السطر"))
    origin = models.CharField(_("المصدر"), max_length=1100)
    article = models.ForeignKey(
        "stories.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refused = models.TextField(_("سبب الرفض"), blank=True)

    class Meta:
        ordering = ["batch", "number"]
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="importline_once")]
        verbose_name = _("سطر استيراد")
        verbose_name_plural = _("أسطر الاستيراد")

    def __str__(self) -> str:
        return self.origin
