"""The stories app: articles of one developing story and what the analysis finds in them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class StoriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = gettext_lazy("القصص")
