"""camel-tools access layer: always-on helpers, and the optional lemmatiser fed by a tiny morphology DB we write.

The lemma tests run in a subprocess because camel_tools.data fixes its data directory at import time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stories.nlp import camel

ROOT = Path(__file__).resolve().parents[2]

# A morphology database in camel-tools' text format: one stem "كتاب" (book), and "كتب" which is both
# the plural noun (lemma كتاب, less probable) and the verb "wrote" (lemma كتب, more probable); prefix و.
TINY_DB = """###DEFINES###
DEFINE pos pos:noun pos:verb pos:noun_prop
DEFINE diac diac:*open*
DEFINE lex lex:*open*
DEFINE bw bw:*open*
DEFINE gloss gloss:*open*
DEFINE pos_lex_logprob pos_lex_logprob:*open*
###DEFAULTS###
DEFAULT pos:noun diac:* lex:* bw:* gloss:* pos_lex_logprob:*
###ORDER###
ORDER pos diac lex bw gloss
###TOKENIZATIONS###
TOKENIZATION diac
###STEMBACKOFF###
STEMBACKOFF PROP Nprop
###PREFIXES###
\tPref-0\tdiac: bw: gloss:
و\tPref-Wa\tdiac:وَ bw:وَ/CONJ+ gloss:and
###SUFFIXES###
\tSuff-0\tdiac: bw: gloss:
###STEMS###
كتاب\tN\tdiac:كِتاب lex:كِتاب_1 bw:كِتاب/NOUN pos:noun gloss:book pos_lex_logprob:-3.0
كتب\tN\tdiac:كُتُب lex:كِتاب_1 bw:كُتُب/NOUN pos:noun gloss:books pos_lex_logprob:-3.5
كتب\tPV\tdiac:كَتَب lex:كَتَب-u_1 bw:كَتَب/PV pos:verb gloss:write pos_lex_logprob:-2.0
NOAN\tNprop\tdiac:NOAN lex:NOAN bw:NOAN/NOUN_PROP pos:noun_prop gloss:NOAN pos_lex_logprob:-5.0
###TABLE AB###
Pref-0 N
Pref-0 PV
Pref-0 Nprop
Pref-Wa N
Pref-Wa PV
###TABLE BC###
N Suff-0
PV Suff-0
Nprop Suff-0
###TABLE AC###
Pref-0 Suff-0
Pref-Wa Suff-0
"""
# The MLE model says that, out of context, "كتب" is most often the plural noun.
TINY_MLE = {"كتب": {"diac": "كُتُب", "lex": "كِتاب_1", "bw": "كُتُب/NOUN", "pos": "noun"}}


def _write_data(root: Path, *, with_mle: bool) -> None:
    components = {"MorphologyDB": {"default": "tiny", "datasets": {"tiny": {"path": "morphology_db/tiny"}}}}
    (root / "data" / "morphology_db" / "tiny").mkdir(parents=True)
    (root / "data" / "morphology_db" / "tiny" / "morphology.db").write_text(TINY_DB, encoding="utf-8")
    if with_mle:
        components["DisambigMLE"] = {"default": "tiny", "datasets": {"tiny": {"path": "disambig_mle/tiny"}}}
        (root / "data" / "disambig_mle" / "tiny").mkdir(parents=True)
        model = json.dumps(TINY_MLE, ensure_ascii=False)
        (root / "data" / "disambig_mle" / "tiny" / "model.json").write_text(model, encoding="utf-8")
    catalogue = {"version": "1.6", "packages": {}, "components": components}
    (root / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")


def _run(data_dir: Path, code: str) -> dict:
    env = {**os.environ, "CAMELTOOLS_DATA": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


LEMMA_SCRIPT = """
import json, sys
from stories.nlp import camel
tokens = ["كتب", "وكتاب", "كتاب", "غوتيريش", "2020", "."]
print(json.dumps({"lemmas": camel.lemmatize(tokens), "again": camel.lemmatize(["كتب"]),
                  "status": camel.status(), "ner": camel.ner_labels(tokens)}, ensure_ascii=False))
"""


def test_normalize_and_tokenize_keep_their_contract() -> None:
    assert camel.normalize("إِلى مَدْرَسَة الـأطفال") == "الي مدرسه الاطفال"
    assert camel.tokenize("قال: «نعم»، ثم غادر.") == ["قال", ":", "«", "نعم", "»", "،", "ثم", "غادر", "."]


def test_without_data_everything_optional_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert camel.data_available() is False
    assert camel.lemmatize(["كتب"]) is None
    assert camel.ner_labels(["كتب"]) is None
    status = camel.status()
    assert status["catalogue"] is False and status["lemmatizer"] is None and status["ner"] is False


def test_no_model_modules_are_imported_without_data(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from stories.nlp import camel, clean, dates, decode\n"
        "camel.lemmatize(['كتب']); camel.ner_labels(['كتب']); camel.status()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[1:2] in "
        "(['morphology'], ['disambig'], ['ner'], ['data']) and m.startswith('camel_tools'))))\n"
    )
    env_dir = tmp_path / "empty"
    env_dir.mkdir()
    env = {**os.environ, "CAMELTOOLS_DATA": str(env_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_mle_disambiguator_lemmas_from_a_tiny_database(tmp_path: Path) -> None:
    _write_data(tmp_path, with_mle=True)
    result = _run(tmp_path, LEMMA_SCRIPT)
    assert result["lemmas"] == ["كتاب", "كتاب", "كتاب", "غوتيريش", "2020", "."]
    assert result["again"] == ["كتاب"]
    assert result["status"]["lemmatizer"] == "mle"
    assert result["status"]["ner"] is False and result["ner"] is None


def test_analyzer_top_analysis_without_an_mle_model(tmp_path: Path) -> None:
    _write_data(tmp_path, with_mle=False)
    result = _run(tmp_path, LEMMA_SCRIPT)
    # Without the MLE model the more probable analysis of "كتب" is the verb, whose lemma is "كتب".
    assert result["lemmas"] == ["كتب", "كتاب", "كتاب", "غوتيريش", "2020", "."]
    assert result["status"]["lemmatizer"] == "analyzer"


def test_a_broken_database_is_reported_not_raised(tmp_path: Path) -> None:
    _write_data(tmp_path, with_mle=False)
    (tmp_path / "data" / "morphology_db" / "tiny" / "morphology.db").write_text("garbage\n", encoding="utf-8")
    result = _run(tmp_path, LEMMA_SCRIPT)
    assert result["lemmas"] is None
    assert result["status"]["lemmatizer"] is None
    assert "morphology" in result["status"]["errors"]


def test_normalize_memo_gives_the_same_fold_and_skips_whole_texts() -> None:
    long_text = "قالت الوزارة إن الطرق المؤدية إلى المدينة أُغلقت بسبب الثلوج الكثيفة."
    for text in ("إِلى", "مَدْرَسَة", "الـأطفال", "مستشفى", long_text):
        first, again = camel.normalize(text), camel.normalize(text)
        assert first == again == camel._normalize(text)
    assert camel._word_cache["مَدْرَسَة"] == "مدرسه"
    assert long_text not in camel._word_cache
