"""Pages of the stories app. Slugs may be Arabic, so they match ``str`` rather than the ASCII ``slug`` converter."""

from django.urls import path

from stories.views import api, claims, corrections, matrix, review, story, tracking

app_name = "stories"

urlpatterns = [
    path("", story.story_list, name="story_list"),
    path("search/", story.search, name="search"),
    path("stories/<str:slug>/", story.story_detail, name="story"),
    path("stories/<str:slug>/matrix/", matrix.story_matrix, name="matrix"),
    path("stories/<str:slug>/matrix.csv", matrix.matrix_csv, name="matrix_csv"),
    path("stories/<str:slug>/matrix/<int:claim_id>/<int:source_id>/", matrix.matrix_cell, name="matrix_cell"),
    path("stories/<str:slug>/status/", story.story_status, name="status"),
    path("stories/<str:slug>/articles/<int:pk>/", story.article_detail, name="article"),
    path("stories/<str:slug>/entities/<int:pk>/", story.entity_detail, name="entity"),
    path("stories/<str:slug>/sources/<int:pk>/", story.source_detail, name="source"),
    path("stories/<str:slug>/track/", corrections.claim_track, name="claim_track"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_short"),
    path("claims/<int:pk>-<str:slug>/", claims.claim_detail, name="claim"),
    path("claims/<int:pk>-<str:slug>/evidence.csv", claims.claim_download, {"fmt": "csv"}, name="claim_csv"),
    path(
        "claims/<int:pk>-<str:slug>/evidence.json", claims.claim_download, {"fmt": "json"}, name="claim_json"
    ),
    path("api/stories/<str:slug>.json", matrix.story_export, name="story_json"),
    path("review/claims/<int:pk>/merge/", corrections.claim_merge, name="claim_merge"),
    path("review/claims/<int:pk>/split/", corrections.claim_split, name="claim_split"),
    path("review/claims/<int:pk>/reword/", corrections.claim_reword, name="claim_reword"),
    path("review/claims/<int:pk>/stance/", corrections.stance_override, name="stance_override"),
    path("review/articles/<int:pk>/copy/", corrections.article_mark_copy, name="article_copy"),
    path("review/articles/<int:pk>/off-topic/", corrections.article_mark_off_topic, name="article_off_topic"),
    path("review/articles/<int:pk>/retry/", corrections.article_retry, name="article_retry"),
    path("review/corrections/<int:pk>/undo/", corrections.correction_undo, name="correction_undo"),
    path("stories/<str:slug>/review/", review.story_review, name="review"),
    path("stories/<str:slug>/review/claims/", review.claim_pick, name="claim_pick"),
    path("api/evidence/<int:pk>/stance", api.evidence_stance, name="api_stance"),
    path("api/claims/<int:pk>/reword", api.claim_reword, name="api_reword"),
    path("api/claims/<int:pk>/merge", api.claim_merge, name="api_merge"),
    path("api/claims/<int:pk>/split", api.claim_split, name="api_split"),
    path("api/articles/<int:pk>/copy-of", api.article_copy_of, name="api_copy_of"),
    path("api/articles/<int:pk>/off-topic", api.article_off_topic, name="api_off_topic"),
    path("api/corrections/<int:pk>/undo", api.correction_undo, name="api_undo"),
    path("stories/<str:slug>/tracked/<int:pk>/", tracking.tracked_claim_detail, name="tracked_claim"),
]
