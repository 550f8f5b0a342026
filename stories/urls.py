"""Pages of the stories app."""

from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="story_list"),
]
