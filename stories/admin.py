"""The editors' admin: upload articles into a story, watch their status, maintain the gazetteer, reanalyse."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from stories import services
from stories.forms import ArticleUploadForm, EntityForm
from stories.models import Article, Claim, Entity, Evidence, Source, Story, TrackedClaim
from stories.nlp import entities as nlp_entities


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_public", "created_at"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["reanalyse_stories"]

    @admin.action(description="Reanalyse every article of the selected stories")
    def reanalyse_stories(self, request, queryset):
        from stories.tasks import reanalyse_story

        for story in queryset:
            transaction.on_commit(lambda story_id=story.id: reanalyse_story.delay(story_id))
        self.message_user(request, f"Reanalysis queued for {queryset.count()} stories.")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story", "source", "published_at", "status_badge", "duplicate_of_id"]
    list_select_related = ["story", "source"]
    list_filter = ["status", "story", "source"]
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

    @admin.display(description="status", ordering="status")
    def status_badge(self, obj: Article):
        if obj.status == Article.Status.FAILED:
            return format_html(
                '<span title="{}" style="color:#b00020">failed: {}</span>', obj.error, obj.error[:80]
            )
        return obj.status

    @admin.display(description="original upload")
    def original_link(self, obj: Article):
        if not obj.pk:
            return "-"
        url = reverse("admin:stories_article_original", args=[obj.pk])
        return format_html('<a href="{}">download the uploaded bytes</a>', url)

    @admin.action(description="Reanalyse the selected articles")
    def reanalyse(self, request, queryset):
        count = 0
        for article in queryset.select_related(None).select_related("story").only("id", "story"):
            services.article_reanalyse(article=article, user=request.user)
            count += 1
        self.message_user(request, f"Reanalysis queued for {count} articles.")

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
            with transaction.atomic():
                created = [
                    services.article_ingest(
                        story=data["story"],
                        data=content,
                        origin=name,
                        source=source,
                        url=data.get("url") or "",
                        published_at=data.get("published_at"),
                    )
                    for name, content in data["uploads"]
                ]
            self.message_user(
                request, f"{len(created)} article(s) uploaded and queued for analysis.", messages.SUCCESS
            )
            changelist = reverse("admin:stories_article_changelist")
            return redirect(f"{changelist}?story__id__exact={data['story'].id}")
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload articles",
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
        if not obj.key or "name" in form.changed_data:
            obj.key = nlp_entities.merge_key(obj.name)[:200]
        super().save_model(request, obj, form, change)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["article", "stance", "stance_by_editor", "attributed_to", "quote"]
    readonly_fields = ["article", "quote", "stance_by_editor", "attributed_to"]
    extra = 0
    can_delete = False

    @admin.display(description="quote")
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
