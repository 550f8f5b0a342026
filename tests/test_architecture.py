"""The layers, read from the source: who may import whom, module sizes, and no vocabulary in code files.

Each rule is checked on the imports Python would execute (``ast``), so a comment or a string never counts.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("stories", "newsdesk")
MAX_LINES = 300
ARABIC = re.compile(r"[\u0621-\u064A]")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def imports_of(module: str, path: Path) -> set[str]:
    """Absolute names of every module ``module`` imports (relative imports resolved)."""
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            # "from stories import services" imports a module, not a name.
            names.update(
                f"{prefix}.{alias.name}" for alias in node.names if f"{prefix}.{alias.name}" in MODULES
            )
    return names


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _violations(sources: list[str], forbidden: list[str]) -> list[str]:
    bad = []
    for module, path in MODULES.items():
        if not any(_under(module, s) for s in sources):
            continue
        for name in sorted(imports_of(module, path)):
            if any(_under(name, f) for f in forbidden):
                bad.append(f"{module} imports {name}")
    return bad


def test_the_checker_sees_relative_and_absolute_imports():
    found = imports_of("stories.selectors.matrix", MODULES["stories.selectors.matrix"])
    assert "stories.models" in found
    assert any(_under(name, "stories.selectors") for name in found)  # its own relative imports


def test_nlp_is_pure_python():
    """stories.nlp takes text and returns dataclasses: no Django, nothing of the app around it."""
    bad = []
    for module, path in MODULES.items():
        if not _under(module, "stories.nlp"):
            continue
        for name in imports_of(module, path):
            if _under(name, "django") or (_under(name, "stories") and not _under(name, "stories.nlp")):
                bad.append(f"{module} imports {name}")
    assert bad == []


@pytest.mark.parametrize(
    ("sources", "forbidden"),
    [
        (["stories.selectors"], ["stories.services", "stories.tasks", "stories.views", "stories.admin"]),
        (["stories.models"], ["stories.services", "stories.selectors", "stories.views"]),
        # Pages, the admin and the commands reach the analysis only through services.
        (
            ["stories.views", "stories.admin", "stories.forms", "stories.management", "stories.templatetags"],
            ["stories.nlp", "stories.tasks"],
        ),
        (["stories.services"], ["stories.views", "stories.admin", "stories.forms"]),
        (["stories.tasks"], ["stories.nlp", "stories.selectors", "stories.models"]),
    ],
)
def test_layers_go_one_way(sources, forbidden):
    assert _violations(sources, forbidden) == []


def test_nlp_modules_use_each_others_public_names_only():
    bad = []
    for module, path in MODULES.items():
        if not _under(module, "stories.nlp"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_")]
                if private:
                    bad.append(f"{module}: from {'.' * node.level}{node.module or ''} import {private}")
    assert bad == []


def test_no_module_outgrows_a_few_hundred_lines():
    long = {
        module: lines
        for module, path in MODULES.items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _arabic_literals(node: ast.AST) -> list[str]:
    return [
        elt.value
        for elt in getattr(node, "elts", getattr(node, "keys", []))
        if isinstance(elt, ast.Constant) and isinstance(elt.value, str) and ARABIC.search(elt.value)
    ]


def _is_word_list(node: ast.AST) -> bool:
    """Four or more Arabic literals, mostly whole words: clitic and suffix tuples ("وال", "ها") are morphology."""
    if not isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
        return False
    found = _arabic_literals(node)
    return len(found) >= 4 and sum(len(ARABIC.findall(w)) >= 4 for w in found) * 2 >= len(found)


def _prose(tree: ast.AST) -> set[int]:
    """Docstrings and messages for people (arguments of the gettext family): sentences, not vocabulary."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "_" or "gettext" in name:
                found.update(id(arg) for arg in ast.walk(node) if isinstance(arg, ast.Constant))
    return found


def _alternatives(pattern: str) -> list[str]:
    """The Arabic words a regex offers as alternatives ("(?:قال|أكد|أعلن)")."""
    if pattern.count("|") < 5:
        return []
    return [piece for piece in re.split(r"[|()?:\[\]\\*+{}^$]", pattern) if ARABIC.search(piece)]


def _word_lists(source: str) -> list[str]:
    tree = ast.parse(source)
    prose = _prose(tree)
    bad = []
    for node in ast.walk(tree):
        if _is_word_list(node):
            bad.append(f"{node.lineno}: {_arabic_literals(node)[:3]}…")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            if len(_alternatives(node.value)) >= 6:
                bad.append(f"{node.lineno}: a regex of words {_alternatives(node.value)[:3]}…")
            elif sum(bool(ARABIC.search(w)) for w in node.value.split()) >= 8:
                bad.append(f"{node.lineno}: a block of words")
    return bad


def test_no_word_list_in_a_code_file():
    """Vocabulary lives in stories/nlp/data/, where a diff shows every word added."""
    bad = [
        f"{module}:{line}"
        for module, path in MODULES.items()
        for line in _word_lists(path.read_text("utf-8"))
    ]
    assert bad == []


def test_the_word_list_check_can_fail():
    assert (
        _word_lists('WORDS = ("قال", "أكد", "أعلن", "نفى", "صرّح")\n') == []
    )  # too short to tell: morphology
    assert len(_word_lists('VERBS = {"أعلنت", "أكدت", "صرّحت", "أوضحت"}\n')) == 1
    assert len(_word_lists('STOP = """في من إلى على عن مع أن إن لا لم لن ما"""\n')) == 1
    assert _word_lists('def f():\n    """في من إلى على عن مع أن إن لا لم لن ما"""\n') == []  # a docstring
    assert _word_lists('M = _("في من إلى على عن مع أن إن لا لم لن ما")\n') == []  # a message
    assert len(_word_lists('R = re.compile(r"(?:قال|أكد|أعلن|نفى|صرح|أوضح)\\s+")\n')) == 1


def test_the_vocabulary_ships_with_the_package():
    """A wheel (the Docker image installs one) must carry every data file the analysis reads."""
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    patterns = shipped["stories.nlp"]
    data = sorted((ROOT / "stories" / "nlp" / "data").iterdir())
    assert data
    missing = [p.name for p in data if not any(fnmatch.fnmatch(f"data/{p.name}", pat) for pat in patterns)]
    assert missing == []
