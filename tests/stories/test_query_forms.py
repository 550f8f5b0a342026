"""Query strings and correction posts read by forms: an unreadable number is absent, never an error."""

from __future__ import annotations

from django.http import QueryDict

from stories.forms import MatrixForm, PageForm, ReviewTargetsForm, StoryFiltersForm


def test_story_filters_keep_only_positive_whole_numbers():
    form = StoryFiltersForm(QueryDict("source=3&entity=abc&claim=-2&lanes=0&events=3.0"))
    assert form.filter_ids() == {"source_id": 3, "entity_id": None, "claim_id": None}
    assert (form.page("lanes"), form.page("events")) == (1, 1)


def test_arabic_indic_digits_and_spaces_read_as_numbers():
    form = StoryFiltersForm(QueryDict("claim=%D9%A3&lanes=+2+"))
    assert form.filter_ids()["claim_id"] == 3 and form.page("lanes") == 2


def test_page_defaults_to_the_first():
    assert PageForm(QueryDict("")).page() == 1
    assert PageForm(QueryDict("page=4")).page() == 4


def test_matrix_sort_is_passed_on_as_written():
    assert MatrixForm(QueryDict("sort=first&cols=2")).value("sort") == "first"
    assert MatrixForm(QueryDict("cols=x")).value("sort") == ""
    assert MatrixForm(QueryDict("cols=x")).page("cols") == 1


def test_review_targets_drop_unreadable_ids():
    form = ReviewTargetsForm(QueryDict("evidence=4&evidence=x&evidence=0&evidence=9&into=oops"))
    assert form.value("evidence") == [4, 9]
    assert form.value("into") is None and form.value("original") is None
