from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("stories", "0009_dur13_analysis_lease")]

    operations = [
        migrations.AddField(
            model_name="trackedstance",
            name="passages",
            field=models.JSONField(blank=True, default=list, verbose_name="المقاطع"),
        ),
    ]
