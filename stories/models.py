"""Newsroom data: stories, outlets, uploaded articles, and the rows the analysis derives from them.

Derived rows (mentions, evidence, events) belong to one article and are replaced whole on reanalysis;
story-level rows (entities, claims) keep their ids so that permalinks survive reanalysis.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

STANCE_CHOICES = [
    ("asserts", "asserts"),
    ("attributes", "attributes"),
    ("denies", "denies"),
    ("doubts", "doubts"),
]
TRACK_STANCE_CHOICES = [
    ("agree", "agree"),
    ("disagree", "disagree"),
    ("discuss", "discuss"),
    ("unrelated", "unrelated"),
]


class Story(models.Model):
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    title = models.CharField(max_length=300)
    is_public = models.BooleanField(default=False, help_text="Public stories are readable without login.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", kwargs={"slug": self.slug})


class Source(models.Model):
    """A news outlet. Shared by all stories."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def for_story_page(self):
        return self.select_related("source").defer("original", "text", "signature")


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        PROCESSING = "processing", "processing"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    original = models.BinaryField(help_text="The uploaded bytes, kept as they came.")
    sha256 = models.CharField(max_length=64)
    origin = models.CharField(max_length=500, help_text="Uploaded file name, or the URL of a JSONL line.")
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_has_time = models.BooleanField(default=False)
    published_by_editor = models.BooleanField(
        default=False, help_text="Date given at upload; analysis keeps it."
    )
    text = models.TextField(blank=True, help_text="Cleaned text; every offset points into it.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    pipeline_version = models.CharField(max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    duplicate_by_editor = models.BooleanField(
        default=False, help_text="An editor set or cleared the copy mark."
    )
    off_topic = models.BooleanField(default=False)
    signature = models.JSONField(
        default=list, blank=True, help_text="MinHash of the text, for copy detection."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["published_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "sha256"], name="article_unique_upload_per_story"),
        ]
        indexes = [models.Index(fields=["story", "status"])]

    def __str__(self) -> str:
        return self.title or self.origin

    def published_iso(self) -> str | None:
        if self.published_at is None:
            return None
        return self.published_at.strftime("%Y-%m-%dT%H:%M" if self.published_has_time else "%Y-%m-%d")


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "person"
        ORGANIZATION = "organization", "organization"
        LOCATION = "location", "location"
        OTHER = "other", "other"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="entities")
    key = models.CharField(max_length=200, help_text="Normalised name; the pipeline merges on it.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True)
    curated = models.BooleanField(
        default=False, help_text="Part of the story gazetteer that editors maintain."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [models.UniqueConstraint(fields=["story", "key"], name="entity_unique_key_per_story")]

    def __str__(self) -> str:
        return self.name


class Mention(models.Model):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    epithet = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["article_id", "start"]

    def __str__(self) -> str:
        return f"mention {self.entity_id} in article {self.article_id} [{self.start}:{self.end}]"


class Claim(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    slug = models.SlugField(max_length=80, allow_unicode=True, blank=True)
    key = models.JSONField(default=list, blank=True)
    first_reported_in = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="first_claims"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    text_by_editor = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.slug = slugify(self.text, allow_unicode=True)[:80].strip("-")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("stories:claim", kwargs={"pk": self.pk, "slug": self.slug or "claim"})


class Evidence(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    stance = models.CharField(max_length=12, choices=STANCE_CHOICES)
    stance_by_editor = models.BooleanField(default=False)
    attributed_to = models.CharField(max_length=200, blank=True)
    key = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return f"{self.stance} in article {self.article_id} for claim {self.claim_id}"

    @property
    def quote(self) -> str:
        return self.article.text[self.start : self.end]


class Event(models.Model):
    """A date an article talks about, at day, month or year precision."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    date = models.CharField(max_length=10)
    precision = models.CharField(max_length=5, default="day")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["date", "article_id", "start"]

    def __str__(self) -> str:
        return f"{self.date} in article {self.article_id}"


class StanceOverride(models.Model):
    """An editor's stance for one article on one claim; reanalysis applies it instead of the machine's."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="stance_overrides")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="stance_overrides")
    stance = models.CharField(max_length=12, choices=STANCE_CHOICES)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["claim", "article"], name="one_override_per_cell")]

    def __str__(self) -> str:
        return f"{self.stance} for claim {self.claim_id} in article {self.article_id}"


class TrackedClaim(models.Model):
    """A claim an editor typed; every article of the story gets a stance toward it."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="tracked_claims")
    text = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]


class TrackedStance(models.Model):
    tracked = models.ForeignKey(TrackedClaim, on_delete=models.CASCADE, related_name="results")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tracked_stances")
    stance = models.CharField(max_length=12, choices=TRACK_STANCE_CHOICES)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["tracked_id", "article_id"]
        constraints = [models.UniqueConstraint(fields=["tracked", "article"], name="one_result_per_article")]

    def __str__(self) -> str:
        return f"{self.stance} in article {self.article_id}"


class ClaimPin(models.Model):
    """An editor's split: the claim sentence with this key in this article belongs to this claim, whatever the matcher says."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="pins")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claim_pins")
    key = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"claim {self.claim_id} in article {self.article_id}"


class ReviewLog(models.Model):
    """Who changed what and when: every editor correction is recorded here."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="review_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)
    detail = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} by {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"
