"""Stories, outlets, the gazetteer, claims, tracked claims and import batches."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy, ngettext

from stories import selectors, services
from stories.forms import EntityForm
from stories.models import (
    Claim,
    Entity,
    Evidence,
    ImportBatch,
    ImportLine,
    KnownOutlet,
    Source,
    Story,
    TrackedClaim,
)

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
        services.outlet_renamed_stats_rebuild(source_id=obj.pk)  # whom other outlets credit may change


@admin.register(KnownOutlet)
class KnownOutletAdmin(admin.ModelAdmin):
    """Domain → name (and country) for outlets editors know, so their uploads are named on arrival."""

    list_display = ["name", "domain", "country"]
    search_fields = ["name", "domain", "country"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.known_outlet_apply(known=obj)


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

    def save_related(self, request, form, formsets, change):  # a stance or redirect typed here moves a rank
        super().save_related(request, form, formsets, change)
        services.claim_stats_refresh(story_id=form.instance.story_id, claim_ids=[form.instance.pk])
        if change and "merged_into" in form.changed_data:
            services.claims_redirect_index_follow(claim_ids=[form.instance.pk])

    def delete_model(self, request, obj):
        services.claims_delete(claim_ids=[obj.pk])

    def delete_queryset(self, request, queryset):
        services.claims_delete(claim_ids=list(queryset.values_list("id", flat=True)))


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

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.claim_stats_tracked(story_id=obj.story_id)


class ImportLineInline(admin.TabularInline):
    model = ImportLine
    fields = ["number", "origin", "article", "refused"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """JSONL files uploaded from the page: read-only; each line's outcome is on the story's status page."""

    list_display = ["filename", "story", "status", "done", "total", "imported", "refused", "created_at"]
    list_filter = ["story", "status"]
    ordering = ["-created_at", "-id"]
    exclude = ["original"]
    inlines = [ImportLineInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
