"""Light morphology: form VIII imperfects meet their past, skeletons undo the imperfect infix."""

from __future__ import annotations

import pytest

from stories.nlp import camel, morph


@pytest.mark.parametrize(
    ("imperfect", "past"),
    [("يلتقي", "التقي"), ("يلتق", "التقي"), ("تجتمع", "اجتمع"), ("يفتتح", "افتتح"), ("يلتزم", "التزم")],
)
def test_form_eight_imperfect_gives_the_past_stem(imperfect, past):
    assert morph.form8_past(camel.normalize(imperfect)) == past


@pytest.mark.parametrize("word", ["يكتب", "يفتح", "يستمر", "تتوجه", "مكتب"])
def test_other_words_are_left_alone(word):
    assert morph.form8_past(camel.normalize(word)) == camel.normalize(word)


def test_imperfect_and_masdar_of_form_eight_share_a_skeleton():
    assert morph.skeleton("يجتمع") == morph.skeleton("اجتماع")
    assert morph.skeleton("يلتقي") == morph.skeleton("التقي")
