"""Forms for editors: the multi-file upload, gazetteer aliases, tracked claims."""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import ValidationError

from stories import services
from stories.models import Article, Entity, Source, Story

ALLOWED_SUFFIXES = (".txt", ".html", ".htm")


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

    story = forms.ModelChoiceField(queryset=Story.objects.all())
    files = MultipleFileField(
        help_text="One or more .txt or .html files, UTF-8 or windows-1256, 5 MB each at most."
    )
    source = forms.ModelChoiceField(queryset=Source.objects.all(), required=False)
    new_source = forms.CharField(required=False, max_length=200, help_text="Or type a new outlet's name.")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")
    published_at = forms.DateTimeField(required=False, help_text="YYYY-MM-DD or YYYY-MM-DD HH:MM")

    def clean(self):
        cleaned = super().clean()
        story = cleaned.get("story")
        errors: list[str] = []
        uploads: list[tuple[str, bytes]] = []
        seen: dict[str, str] = {}
        for upload in cleaned.get("files") or []:
            name = upload.name
            if not name.lower().endswith(ALLOWED_SUFFIXES):
                errors.append(f"{name}: only .txt and .html files are accepted.")
                continue
            data = upload.read()
            try:
                services.upload_validate(data, filename=name)
            except services.IngestError as exc:
                errors.append(str(exc))
                continue
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                errors.append(f"{name} is identical to {seen[digest]} in this upload.")
                continue
            seen[digest] = name
            if story is not None:
                twin = Article.objects.filter(story=story, sha256=digest).only("id", "origin").first()
                if twin is not None:
                    errors.append(
                        f"{name} is identical to article #{twin.id} ({twin.origin}); not stored twice."
                    )
                    continue
            uploads.append((name, data))
        if errors:
            raise ValidationError(errors)
        cleaned["uploads"] = uploads
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
    aliases = AliasesField(required=False, help_text="One name variant per line.")

    class Meta:
        model = Entity
        fields = ["story", "name", "kind", "aliases", "curated"]
