"""Editors' corrections become one Correction table naming quotes by identity; evidence keeps the matcher's claim."""

import django.db.models.deletion
from django.conf import settings
import re

from django.db import migrations, models




def _identity(evidence):
    text = evidence.article.text[evidence.start : evidence.end]
    clean = " ".join(re.sub("[\u0640\u064b-\u0652\u0670]", "", text).split())
    return {"sha256": evidence.article.sha256, "text": clean, "start": evidence.start, "end": evidence.end}


def forwards(apps, schema_editor):
    """Every stored correction becomes a Correction naming its quotes by identity.

    A stance override was per claim and article: it becomes one override per quote it covered then. A split pin
    named a key: it becomes the quotes of that article with that key in its claim. Rewording, copy and off-topic
    marks, and merges (from the review log), become claim and article corrections.
    """
    Correction = apps.get_model("stories", "Correction")
    Evidence = apps.get_model("stories", "Evidence")
    Claim = apps.get_model("stories", "Claim")
    Article = apps.get_model("stories", "Article")
    ReviewLog = apps.get_model("stories", "ReviewLog")
    for o in apps.get_model("stories", "StanceOverride").objects.select_related("claim"):
        for e in Evidence.objects.filter(claim_id=o.claim_id, article_id=o.article_id).select_related("article"):
            Correction.objects.create(
                story_id=o.claim.story_id,
                kind="stance",
                quotes=[_identity(e)],
                claim_id=o.claim_id,
                payload={"stance": o.stance, "machine": o.stance},
                created_by_id=o.created_by_id,
            )
    for pin in apps.get_model("stories", "ClaimPin").objects.select_related("claim"):
        rows = Evidence.objects.filter(claim_id=pin.claim_id, article_id=pin.article_id).select_related("article")
        quotes = [_identity(e) for e in rows if list(e.key) == list(pin.key)]
        Correction.objects.create(
            story_id=pin.claim.story_id,
            kind="split",
            quotes=quotes,
            claim_id=pin.claim_id,
            created_by_id=pin.created_by_id,
        )
    for claim in Claim.objects.filter(text_by_editor=True):
        Correction.objects.create(
            story_id=claim.story_id, kind="reword", claim_id=claim.id, payload={"text": claim.text, "before": claim.text}
        )
    for log in ReviewLog.objects.filter(action="claim_merge"):
        claim = Claim.objects.filter(id=log.detail.get("claim"), merged_into__isnull=False).first()
        if claim is not None:
            Correction.objects.create(
                story_id=claim.story_id,
                kind="merge",
                claim_id=claim.id,
                other_claim_id=claim.merged_into_id,
                created_by_id=log.user_id,
            )
    for article in Article.objects.filter(duplicate_by_editor=True):
        Correction.objects.create(
            story_id=article.story_id,
            kind="copy",
            article_id=article.id,
            original_id=article.duplicate_of_id,
            payload={"before": None, "before_by_editor": False},
        )
    for article in Article.objects.filter(off_topic=True):
        Correction.objects.create(
            story_id=article.story_id,
            kind="off_topic",
            article_id=article.id,
            payload={"off_topic": True, "before": False},
        )


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0007_track10_tracking_progress'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='evidence',
            name='matched_claim_id',
            field=models.BigIntegerField(blank=True, null=True, verbose_name='ادعاء المطابقة الآلية'),
        ),
        migrations.CreateModel(
            name='Correction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('stance', 'تصحيح موقف'), ('reword', 'إعادة صياغة'), ('merge', 'دمج'), ('split', 'فصل'), ('copy', 'نسخة'), ('off_topic', 'خارج الموضوع')], max_length=12, verbose_name='النوع')),
                ('state', models.CharField(choices=[('applied', 'مطبّق'), ('orphaned', 'يتيم'), ('undone', 'متراجع عنه')], default='applied', max_length=10, verbose_name='الحالة')),
                ('quotes', models.JSONField(blank=True, default=list, verbose_name='الاقتباسات')),
                ('payload', models.JSONField(blank=True, default=dict, verbose_name='التفاصيل')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='أُنشئ في')),
                ('undone_at', models.DateTimeField(blank=True, null=True, verbose_name='تُراجع عنه في')),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stories.article', verbose_name='المقالة')),
                ('claim', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stories.claim', verbose_name='الادعاء')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='المحرر')),
                ('original', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stories.article', verbose_name='الأصل')),
                ('other_claim', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stories.claim', verbose_name='ادعاء آخر')),
                ('story', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='corrections', to='stories.story', verbose_name='القصة')),
                ('undone_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='تراجع عنه')),
            ],
            options={
                'verbose_name': 'تصحيح',
                'verbose_name_plural': 'تصحيحات',
                'ordering': ['id'],
            },
        ),
        migrations.AddIndex(
            model_name='correction',
            index=models.Index(fields=['story', 'state'], name='correction_story_state'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='ClaimPin',
        ),
        migrations.DeleteModel(
            name='StanceOverride',
        ),
    ]
