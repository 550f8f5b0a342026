"""The editors' admin: upload articles into a story, watch their status, maintain the gazetteer, reanalyse."""

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
from stories.forms import ArticleUploadForm, EntityForm
from stories.models import Article, Claim, Entity, Evidence, KnownOutlet, Source, Story, TrackedClaim

admin.site.site_header = gettext_lazy("نيوزديسك")
admin.site.site_title = gettext_lazy("نيوزديسك")


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_public", "created_at"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["reanalyse_stories", "reanalyse_failed_or_outdated"]

    @admin.action(description=gettext_lazy("أعد تحليل كل مقالات القصص المحددة"))
    def reanalyse_stories(self, request, queryset):
        for story in queryset:
            services.story_reanalyse_enqueue(story_id=story.id)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("القصص المدرجة لإعادة التحليل: %(n)s.", "القصص المدرجة لإعادة التحليل: %(n)s.", count)
            % {"n": count},
        )

    @admin.action(description=gettext_lazy("أعد تحليل المقالات الفاشلة أو المحللة بإصدار أقدم"))
    def reanalyse_failed_or_outdated(self, request, queryset):
        """After a failure is fixed or the pipeline improves, retry only what needs it."""
        count = 0
        for story in queryset:
            for article in selectors.articles_failed_or_stale(story=story).only("id", "story"):
                services.article_reanalyse(article=article, user=request.user)
                count += 1
        message = ngettext(
            "المقالات المدرجة لإعادة التحليل: %(n)s.", "المقالات المدرجة لإعادة التحليل: %(n)s.", count
        )
        self.message_user(request, message % {"n": count})


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "file_hint"]
    list_filter = [("file_hint", admin.EmptyFieldListFilter)]
    search_fields = ["name", "domain", "file_hint"]

    def save_model(self, request, obj, form, change) -> None:
        # A name typed by an editor is a real name: the outlet stops being "unnamed".
        if "name" in form.changed_data:
            obj.file_hint = ""
        super().save_model(request, obj, form, change)


@admin.register(KnownOutlet)
class KnownOutletAdmin(admin.ModelAdmin):
    """Domain → name (and country) for outlets editors know, so their uploads are named on arrival."""

    list_display = ["name", "domain", "country"]
    search_fields = ["name", "domain", "country"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.known_outlet_apply(known=obj)


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

    def delete_model(self, request, obj):
        services.articles_claim_index_forget(article_ids=[obj.pk])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        services.articles_claim_index_forget(article_ids=list(queryset.values_list("id", flat=True)))
        super().delete_queryset(request, queryset)

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


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    form = EntityForm
    list_display = ["name", "kind", "story", "curated"]
    list_filter = ["curated", "kind", "story"]
    search_fields = ["name", "key"]

    def save_model(self, request, obj, form, change):
        services.entity_save(entity=obj, renamed="name" in form.changed_data)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["article", "stance", "stance_by_editor", "attributed_to", "quote"]
    readonly_fields = ["article", "quote", "stance_by_editor", "attributed_to"]
    extra = 0
    can_delete = False

    @admin.display(description=gettext_lazy("الاقتباس"))
    def quote(self, obj: Evidence):
        return obj.quote


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story", "first_reported_in", "merged_into"]
    list_filter = ["story"]
    search_fields = ["text"]
    readonly_fields = ["key", "first_reported_in", "slug"]
    inlines = [EvidenceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("story", "first_reported_in", "merged_into")


@admin.register(TrackedClaim)
class TrackedClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story", "created_by", "created_at"]
    list_filter = ["story"]
    fields = ["story", "text"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        services.tracked_claim_refresh(tracked=obj)
