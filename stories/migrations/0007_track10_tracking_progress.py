from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stories", "0006_evidence_proposition")]

    operations = [
        migrations.AddField(
            model_name="trackedclaim",
            name="done",
            field=models.PositiveIntegerField(default=0, verbose_name="المنجز"),
        ),
        migrations.AddField(
            model_name="trackedclaim",
            name="total",
            field=models.PositiveIntegerField(default=0, verbose_name="المجموع"),
        ),
        migrations.AddField(
            model_name="trackedclaim",
            name="finished_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="انتهى في"),
        ),
    ]
