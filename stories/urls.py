"""Pages of the stories app. Slugs may be Arabic, so they match ``str`` rather than the ASCII ``slug`` converter."""

from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("search/", views.search, name="search"),
    path("stories/<str:slug>/", views.story_detail, name="story"),
    path("stories/<str:slug>/matrix/", views.story_matrix, name="matrix"),
    path("stories/<str:slug>/matrix.csv", views.matrix_csv, name="matrix_csv"),
    path("stories/<str:slug>/matrix/<int:claim_id>/<int:source_id>/", views.matrix_cell, name="matrix_cell"),
    path("stories/<str:slug>/status/", views.story_status, name="status"),
    path("stories/<str:slug>/articles/<int:pk>/", views.article_detail, name="article"),
    path("stories/<str:slug>/entities/<int:pk>/", views.entity_detail, name="entity"),
    path("stories/<str:slug>/sources/<int:pk>/", views.source_detail, name="source"),
    path("stories/<str:slug>/track/", views.claim_track, name="claim_track"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_short"),
    path("claims/<int:pk>-<str:slug>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>-<str:slug>/evidence.csv", views.claim_download, {"fmt": "csv"}, name="claim_csv"),
    path(
        "claims/<int:pk>-<str:slug>/evidence.json", views.claim_download, {"fmt": "json"}, name="claim_json"
    ),
    path("api/stories/<str:slug>.json", views.story_export, name="story_json"),
    path("review/claims/<int:pk>/merge/", views.claim_merge, name="claim_merge"),
    path("review/claims/<int:pk>/split/", views.claim_split, name="claim_split"),
    path("review/claims/<int:pk>/reword/", views.claim_reword, name="claim_reword"),
    path("review/claims/<int:pk>/stance/", views.stance_override, name="stance_override"),
    path("review/articles/<int:pk>/copy/", views.article_mark_copy, name="article_copy"),
    path("review/articles/<int:pk>/off-topic/", views.article_mark_off_topic, name="article_off_topic"),
    path("review/articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
]
