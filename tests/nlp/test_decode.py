"""Decoding uploads: each encoding Arabic newsrooms produce, and the refusals editors see."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from stories.nlp.decode import decode_bytes
from stories.nlp.types import AnalysisError

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def article() -> str:
    return (DATA / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def encoded_files(tmp_path: Path, article: str) -> dict[str, Path]:
    """The same article saved the ways editors' tools save it."""
    files = {
        "utf8.txt": article.encode("utf-8"),
        "utf8-bom.txt": codecs.BOM_UTF8 + article.encode("utf-8"),
        "cp1256.txt": article.encode("cp1256"),
        "utf16.txt": article.encode("utf-16"),  # native order with BOM
        "utf16-be.txt": codecs.BOM_UTF16_BE + article.encode("utf-16-be"),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize("name", ["utf8.txt", "utf8-bom.txt", "cp1256.txt", "utf16.txt", "utf16-be.txt"])
def test_each_encoding_decodes_to_the_same_text(
    encoded_files: dict[str, Path], article: str, name: str
) -> None:
    text, is_html = decode_bytes(encoded_files[name].read_bytes(), name)
    assert text == article
    assert not is_html
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("sample", ["قال الوزير", "نفى المتحدث الخبر.", "زيارة سرية"])
def test_short_windows_1256_text_is_not_misdetected(sample: str) -> None:
    text, _ = decode_bytes(sample.encode("cp1256"))
    assert text == sample


def test_utf16_without_bom_is_recognised(article: str) -> None:
    text, _ = decode_bytes(article.encode("utf-16-le"))
    assert text == article


def test_html_by_extension_and_by_content() -> None:
    page = (DATA / "page.html").read_bytes()
    assert decode_bytes(page, "page.html")[1] is True
    assert decode_bytes(page, None)[1] is True
    fragment = "<p>قال الوزير</p><p>وأضاف</p>".encode()
    assert decode_bytes(fragment, "x.txt")[1] is True
    assert decode_bytes("قال الوزير <b>إن</b> الأمر".encode(), "a.HTM")[1] is True
    # Content first: brackets that are not markup leave the text plain whatever its name says.
    assert decode_bytes("قال الوزير <إن> الأمر".encode(), "a.HTM")[1] is False
    assert decode_bytes("قال الوزير إن 3 < 4".encode(), "a.txt")[1] is False


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t  \r\n", codecs.BOM_UTF8 + b"  \n", "\n  \n".encode("utf-16")]
)
def test_empty_uploads_are_refused(data: bytes) -> None:
    with pytest.raises(AnalysisError, match="empty") as refused:
        decode_bytes(data)
    assert refused.value.code == "empty"


@pytest.mark.parametrize(
    ("data", "word", "code"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", "binary:PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", "binary:PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG", "binary:JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF", "binary:GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP", "binary:ZIP archive"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, word: str, code: str) -> None:
    # The code is what the admin translates; the English message is the fallback.
    with pytest.raises(AnalysisError, match=word) as refused:
        decode_bytes(data, "upload.txt")
    assert refused.value.code == code


def test_nul_bytes_are_refused_as_binary() -> None:
    data = bytes(random.Random(1).randrange(256) for _ in range(3001)) + b"\x00\x00"
    with pytest.raises(AnalysisError, match="binary") as refused:
        decode_bytes(data)
    assert refused.value.code == "binary:nul"


def test_control_character_soup_is_refused() -> None:
    data = bytes(range(1, 32)) * 40 + "نص قصير".encode()
    with pytest.raises(AnalysisError, match="binary") as refused:
        decode_bytes(data)
    assert refused.value.code == "binary:control"


def test_random_bytes_without_nul_are_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(AnalysisError):
        decode_bytes(data)


def test_latin_text_in_a_legacy_code_page_still_decodes() -> None:
    sample = "Le ministre a déclaré que la réunion était reportée à la semaine prochaine."
    text, _ = decode_bytes(sample.encode("cp1252"))
    assert "ministre" in text and "réunion" in text


# Mixed and broken encodings: the bytes are built here the way real files get that way.
LINE_A = "قال الوزير إن الوفد وصل إلى العاصمة صباح اليوم."
LINE_B = "وأضاف أن المحادثات ستستمر حتى نهاية الأسبوع المقبل."


def test_a_file_mixing_utf8_and_windows_1256_lines_is_decoded_line_by_line():
    data = LINE_A.encode() + b"\n" + LINE_B.encode("cp1256") + b"\r\n" + LINE_A.encode() + b"\n"
    text, is_html = decode_bytes(data, "mixed.txt")
    assert text == f"{LINE_A}\n{LINE_B}\r\n{LINE_A}\n" and not is_html
    assert "ط§ظ" not in text  # what reading the whole file as windows-1256 gave


def test_a_file_mixing_utf8_with_an_unknown_encoding_is_refused():
    data = LINE_A.encode() + b"\n" + "Le ministre est arriv\u00e9 \u00e0 Damas.".encode("latin-1") + b"\n"
    with pytest.raises(AnalysisError, match="mixes text encodings") as refused:
        decode_bytes(data, "mixed.txt")
    assert refused.value.code == "mixed"


@pytest.mark.parametrize("codec", ["cp1252", "cp1256"])
def test_mojibake_is_refused(codec):
    garbled = (LINE_A + "\n" + LINE_B).encode().decode(codec, errors="ignore")
    assert garbled.startswith("Ù‚Ø§Ù„" if codec == "cp1252" else "ظ‚ط§ظ„")
    with pytest.raises(AnalysisError, match="garbled") as refused:
        decode_bytes(garbled.encode(), "page.txt")
    assert refused.value.code == "mojibake"


def test_one_mojibake_line_in_a_long_article_is_refused(article):
    garbled = LINE_A.encode().decode("cp1256")
    with pytest.raises(AnalysisError, match="garbled"):
        decode_bytes((article + "\n" + garbled + "\n").encode(), "a.txt")


def test_real_arabic_that_pairs_like_mojibake_is_kept():
    # "ط" or "ظ" before an Arabic comma is D8 A1 in windows-1256 too, yet one such pair is not a garbled word.
    text = "ارتفع سعر النفط، وانخفض الضغط، وتغيّر الخط، ولم يُحفظ، " * 20
    assert decode_bytes(text.encode(), "a.txt")[0] == text


def test_text_full_of_replacement_marks_is_refused():
    lossy = LINE_A.encode().decode("ascii", errors="replace")
    with pytest.raises(AnalysisError, match="replacement") as refused:
        decode_bytes((LINE_A + "\n" + lossy).encode(), "a.txt")
    assert refused.value.code == "replacement"
    assert decode_bytes(f"{LINE_A} \ufffd {LINE_B}".encode(), "a.txt")  # a stray mark is not a lost text


def test_plain_text_named_html_is_text_content_first():
    assert decode_bytes(LINE_A.encode(), "https://news.example/2021/a.html")[1] is False
    assert decode_bytes(f"{LINE_A}<br>{LINE_B}".encode(), "a.html")[1] is True
    assert decode_bytes(f"{LINE_A}<br>{LINE_B}".encode(), "a.txt")[1] is False
    assert decode_bytes(f"<p>{LINE_A}</p><p>{LINE_B}</p>".encode(), "a.txt")[1] is True
