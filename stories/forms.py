"""Forms for editors: the multi-file upload, gazetteer aliases, tracked claims."""

from __future__ import annotations

import hashlib

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy

from stories import selectors, services
from stories.models import Entity, Source, Story

ALLOWED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
BATCH_SUFFIX = ".jsonl"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}))
        kwargs.setdefault("allow_empty_file", True)  # services.upload_validate explains empty files itself
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f] or [
            super().clean(None, initial)
        ]


class ArticleUploadForm(forms.Form):
    """One or many .txt/.html files for one story. Every file is checked before any is stored."""

    story = forms.ModelChoiceField(queryset=Story.objects.all(), label=gettext_lazy("القصة"))
    files = MultipleFileField(
        label=gettext_lazy("الملفات"),
        help_text=gettext_lazy(
            "ملف أو أكثر بصيغة .txt أو .html، بترميز UTF-8 أو windows-1256، وحجم كل ملف 5 ميغابايت على الأكثر؛"
            " أو ملف .jsonl (مقالة في كل سطر) يُستورد في الخلفية وتُتابَع نسبة إنجازه في صفحة حالة التحليل."
        ),
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(), required=False, label=gettext_lazy("المنفذ")
    )
    new_source = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("منفذ جديد"),
        help_text=gettext_lazy("أو اكتب اسم منفذ جديد."),
    )
    url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        # A link readers click: never javascript:, data: or ftp:.
        validators=[URLValidator(schemes=["http", "https"])],
        label=gettext_lazy("الرابط"),
    )
    published_at = forms.DateTimeField(
        required=False,
        label=gettext_lazy("تاريخ النشر"),
        help_text=gettext_lazy("YYYY-MM-DD أو YYYY-MM-DD HH:MM"),
    )

    def clean(self):
        cleaned = super().clean()
        story = cleaned.get("story")
        errors: list[str] = []
        uploads: list[tuple[str, bytes]] = []
        batches: list[tuple[str, bytes]] = []
        seen: dict[str, str] = {}
        for upload in cleaned.get("files") or []:
            name = upload.name
            if not name.lower().endswith(ALLOWED_SUFFIXES):
                errors.append(services.upload_suffix_message(filename=name))
                continue
            try:
                services.upload_name_check(name)
            except services.IngestError as exc:
                errors.append(str(exc))
                continue
            data = upload.read()
            if name.lower().endswith(BATCH_SUFFIX):
                # Its lines are judged one by one by the import task: a bad line never costs the others.
                problem = services.batch_refusal(
                    filename=name,
                    size=len(data),
                    lines=len(services.jsonl_lines(data)),
                    limit=settings.NEWSDESK_BATCH_MAX_BYTES,
                )
                if problem:
                    errors.append(problem)
                else:
                    batches.append((name, data))
                continue
            try:
                services.upload_validate(data, filename=name)
            except services.IngestError as exc:
                errors.append(str(exc))
                continue
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                errors.append(services.upload_batch_duplicate_message(origin=name, other=seen[digest]))
                continue
            seen[digest] = name
            if story is not None:
                twin = selectors.article_same_upload(story=story, sha256=digest)
                # A copy of a failed article is welcome: storing it retries that article (see article_ingest).
                if twin is not None and twin.status != twin.Status.FAILED:
                    errors.append(services.upload_duplicate_message(origin=name, existing=twin))
                    continue
            uploads.append((name, data))
        if errors:
            raise ValidationError(errors)
        cleaned["uploads"] = uploads
        cleaned["batches"] = batches
        return cleaned

    def resolved_source(self) -> Source | None:
        data = self.cleaned_data
        if data.get("source"):
            return data["source"]
        return services.source_resolve(name=data.get("new_source", ""), url=data.get("url", ""))


class AliasesField(forms.CharField):
    """Aliases edited as one per line, stored as a JSON list."""

    widget = forms.Textarea(attrs={"rows": 4, "dir": "rtl"})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = (value or "").replace("،", "\n").replace(",", "\n").splitlines()
        return sorted({line.strip() for line in lines if line.strip()})


class EntityForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        label=gettext_lazy("أسماء أخرى"),
        help_text=gettext_lazy("صيغة واحدة للاسم في كل سطر."),
    )

    class Meta:
        model = Entity
        fields = ["story", "name", "kind", "aliases", "curated"]


# The read pages' query strings and the ids an editor's correction posts. A number that is missing or unreadable
# counts as absent (no filter, the first page) rather than as an error: these come from links people edit by hand.


class QueryIdField(forms.IntegerField):
    """A positive id or page number; only whole digits, so ``3.0`` is not one."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and "." in value:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class QueryIdListField(forms.Field):
    """Several ids under one name, as checkboxes post them; the unreadable ones are left out."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        one = QueryIdField()
        ids = []
        for item in value or ():
            try:
                number = one.clean(item)
            except ValidationError:
                continue
            if number:
                ids.append(number)
        return ids


class QueryForm(forms.Form):
    """Reads numbers leniently: a field that does not validate is simply absent."""

    def value(self, name: str):
        """The field's cleaned value, or None when it did not validate."""
        self.is_valid()
        return self.cleaned_data.get(name)

    def page(self, name: str = "page") -> int:
        return self.value(name) or 1


class PageForm(QueryForm):
    page = QueryIdField()


class EntityPagesForm(QueryForm):
    """The entity page's two paged lists: its outlets and the entities that appear with it."""

    page = QueryIdField()
    co_page = QueryIdField()


class StoryFiltersForm(QueryForm):
    """The story page's filters, and the pages of its outlet lanes and event dates."""

    source = QueryIdField()
    entity = QueryIdField()
    claim = QueryIdField()
    lanes = QueryIdField()
    events = QueryIdField()

    def filter_ids(self) -> dict[str, int | None]:
        """Keyword arguments for ``selectors.StoryFilters``."""
        return {
            "source_id": self.value("source"),
            "entity_id": self.value("entity"),
            "claim_id": self.value("claim"),
        }


class MatrixForm(QueryForm):
    """The matrix's sort (checked by the selector, which falls back to its default) and its two pagers."""

    sort = forms.CharField(required=False, strip=False)
    page = QueryIdField()
    cols = QueryIdField()


class ReviewTargetsForm(QueryForm):
    """The ids an editor's correction names: a claim to merge into, an article, an original, quotes to split off."""

    into = QueryIdField()
    article = QueryIdField()
    original = QueryIdField()
    evidence = QueryIdListField()
