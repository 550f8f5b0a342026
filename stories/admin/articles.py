"""The uploaded articles: upload one file or many (a JSONL file starts a background import), status, reanalyse."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from stories import selectors, services
from stories.forms import ArticleUploadForm
from stories.models import (
    Article,
)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    # Story is a filter, not a column: editors work one story at a time, and long titles must leave room
    # for the status, which is what they come to this list for. Newest uploads first, so what just arrived is on top.
    list_display = ["short_title", "outlet", "published", "created_at", "status_badge", "copy_mark"]
    list_display_links = ["short_title"]
    list_select_related = ["source"]
    list_filter = ["story", "status", "source"]
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    search_fields = ["title", "origin", "url"]
    actions = ["reanalyse"]
    readonly_fields = [
        "sha256",
        "origin",
        "status",
        "error",
        "pipeline_version",
        "text",
        "analysed_at",
        "created_at",
        "original_link",
    ]
    fields = [
        "story",
        "source",
        "title",
        "url",
        "published_at",
        "published_has_time",
        "duplicate_of",
        "duplicate_by_editor",
        "off_topic",
        "status",
        "error",
        "origin",
        "sha256",
        "original_link",
        "pipeline_version",
        "analysed_at",
        "created_at",
        "text",
    ]
    raw_id_fields = ["duplicate_of"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("original", "text", "signature")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Its quotes left one story's matching and joined another's.
        if change and "story" in form.changed_data:
            services.stories_claim_index_reset(story_ids=[form.initial["story"], obj.story_id])

    def delete_model(self, request, obj):
        services.articles_delete(article_ids=[obj.pk])

    def delete_queryset(self, request, queryset):
        services.articles_delete(article_ids=list(queryset.values_list("id", flat=True)))

    def changelist_view(self, request, extra_context=None):
        # Without a broker the sweeper runs in-process; this list is where editors watch their uploads.
        services.analysis_sweep_if_due()
        return super().changelist_view(request, extra_context)

    @admin.display(description=gettext_lazy("العنوان"), ordering="title")
    def short_title(self, obj: Article):
        full = str(obj)
        return format_html('<span title="{}">{}</span>', full, Truncator(full).chars(70))

    @admin.display(description=gettext_lazy("المنفذ"), ordering="source__name")
    def outlet(self, obj: Article):
        # <bdi>: Latin outlet names such as "000_site" would otherwise be reordered in the right-to-left table.
        return format_html("<bdi>{}</bdi>", obj.source) if obj.source_id else None

    @admin.display(description=gettext_lazy("تاريخ النشر"), ordering="published_at")
    def published(self, obj: Article):
        iso = obj.published_iso()
        return iso.replace("T", " ") if iso else None

    @admin.display(description=gettext_lazy("الحالة"), ordering="status")
    def status_badge(self, obj: Article):
        # The stored value stays in data-status (a contract of the exports); the label is translated.
        return format_html(
            '<span class="status-badge status-{}" data-status="{}" title="{}">{}</span>',
            obj.status,
            obj.status,
            obj.error,
            obj.get_status_display(),
        )

    @admin.display(description=gettext_lazy("نسخة من"), ordering="duplicate_of")
    def copy_mark(self, obj: Article):
        if obj.duplicate_of_id is None:
            return None
        url = reverse("admin:stories_article_change", args=[obj.duplicate_of_id])
        return format_html('<a href="{}">{}</a>', url, _("المقالة رقم %(id)s") % {"id": obj.duplicate_of_id})

    @admin.display(description=gettext_lazy("الملف الأصلي"))
    def original_link(self, obj: Article):
        if not obj.pk:
            return "-"
        url = reverse("admin:stories_article_original", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("نزّل البايتات المرفوعة كما وصلت"))

    @admin.action(description=gettext_lazy("أعد تحليل المقالات المحددة"))
    def reanalyse(self, request, queryset):
        count = 0
        for article in queryset.select_related(None).select_related("story").only("id", "story"):
            services.article_reanalyse(article=article, user=request.user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "المقالات المدرجة لإعادة التحليل: %(n)s.", "المقالات المدرجة لإعادة التحليل: %(n)s.", count
            )
            % {"n": count},
        )

    def get_urls(self):
        own = [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="stories_article_upload"),
            path(
                "<int:pk>/original/",
                self.admin_site.admin_view(self.original_view),
                name="stories_article_original",
            ),
        ]
        return own + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:stories_article_upload")

    def upload_view(self, request):
        """Upload one or many files into a story; every file is checked before any is stored."""
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = ArticleUploadForm(
            request.POST or None, request.FILES or None, initial={"story": request.GET.get("story")}
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            source = form.resolved_source()
            created = services.articles_ingest(
                story=data["story"],
                uploads=data["uploads"],
                source=source,
                url=data.get("url") or "",
                published_at=data.get("published_at"),
            )
            for name, raw in data["batches"]:
                services.import_batch_create(story=data["story"], filename=name, data=raw, user=request.user)
            if data["batches"]:  # imported in the background: progress and refused lines on the status page
                started = ngettext(
                    "بدأ استيراد ملف واحد في الخلفية؛ تقدّمه في صفحة حالة التحليل.",
                    "بدأ استيراد %(n)s ملفات في الخلفية؛ تقدّمها في صفحة حالة التحليل.",
                    len(data["batches"]),
                )
                self.message_user(request, started % {"n": len(data["batches"])}, messages.SUCCESS)
            if data["batches"] and not created:
                return redirect(reverse("stories:status", args=[data["story"].slug]))
            message = ngettext(
                "المقالات المرفوعة والمدرجة للتحليل: %(n)s.",
                "المقالات المرفوعة والمدرجة للتحليل: %(n)s.",
                len(created),
            )
            waiting = selectors.articles_waiting_for_queue(ids=[a.id for a in created])
            if waiting:
                self.message_user(request, services.analysis_waiting_message(count=waiting), messages.WARNING)
            else:
                self.message_user(request, message % {"n": len(created)}, messages.SUCCESS)
            changelist = reverse("admin:stories_article_changelist")
            return redirect(f"{changelist}?story__id__exact={data['story'].id}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("رفع مقالات"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/stories/article/upload.html", context)

    def original_view(self, request, pk: int):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_permission(request, article):
            return HttpResponse(status=403)
        response = HttpResponse(bytes(article.original), content_type="application/octet-stream")
        response["Content-Disposition"] = f'attachment; filename="article-{article.pk}-original"'
        return response
