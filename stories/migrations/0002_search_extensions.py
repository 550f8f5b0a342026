"""pg_trgm for the Arabic-aware fuzzy search; CreateExtension does nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]

    operations = [TrigramExtension()]
