"""Turn uploaded bytes into text: detect the encoding of Arabic news files and refuse what is not text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .types import AnalysisError

# (magic bytes, English description, code suffix); the code "binary:<suffix>" is what the Django side translates.
_MAGIC = (
    (b"%PDF", "a PDF document", "PDF document"),
    (b"\x89PNG", "a PNG image", "PNG image"),
    (b"\xff\xd8\xff", "a JPEG image", "JPEG image"),
    (b"GIF87a", "a GIF image", "GIF image"),
    (b"GIF89a", "a GIF image", "GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word, Excel and similar files are ZIP archives)", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document", "old Office document"),
    (b"{\\rtf", "an RTF document", "RTF document"),
    (b"\x1f\x8b", "a gzip archive", "gzip archive"),
)
# UTF-32 BOMs start like UTF-16 ones, so they are checked first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".php", ".aspx")
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?(?:p|div|span|br|a|h[1-6]|article|section|ul|li|table|meta)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#\d+);")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
# Unicode category Cc minus the whitespace controls (tab, newline, vertical tab, form feed, carriage return).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Mojibake: UTF-8 Arabic (lead bytes D8/D9) read as a single-byte code page turns every letter into two
# characters: "Ø§Ù„" (read as windows-1252) or "ط§ظ„" (read as windows-1256). Such pairs come in runs.
_MOJIBAKE_LEADS = {"\u00d8": "cp1252", "\u00d9": "cp1252", "\u0637": "cp1256", "\u0638": "cp1256"}
_MOJIBAKE_PAIR = re.compile("[\u00d8\u00d9\u0637\u0638].")
# A few stray replacement characters survive in real pages; more than this share means the text was lost.
_MAX_REPLACEMENT_SHARE = 0.005
_MAX_MOJIBAKE_SHARE = 0.02

_EMPTY = "The file is empty: there is no text to analyse."
_UNDECODABLE = "The file's text encoding could not be recognised. Save it as UTF-8 (or Windows Arabic, windows-1256) and upload it again."


def decode_bytes(data: bytes, filename: str | None = None) -> tuple[str, bool]:
    """Decode an upload to text and say whether it is an HTML page; raise AnalysisError for non-text input."""
    if not data or not data.strip():
        raise AnalysisError(_EMPTY, code="empty")
    _refuse_known_binary(data)
    text = _decode(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise AnalysisError(_EMPTY, code="empty")
    _refuse_control_heavy(text)
    _refuse_broken_text(text)
    return text, _looks_like_html(text, filename)


def _refuse_known_binary(data: bytes) -> None:
    head = data[:8]
    for magic, what, kind in _MAGIC:
        if head.startswith(magic):
            raise AnalysisError(
                f"This file is {what}, not an article. Upload the article as plain text or an HTML page.",
                code=f"binary:{kind}",
            )


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise AnalysisError(_UNDECODABLE, code="undecodable") from exc
    if b"\x00" in data:
        text = _bomless_utf16(data)
        if text is None:
            raise AnalysisError(
                "This file is binary (it contains NUL bytes), not a text article.", code="binary:nul"
            )
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    # Short windows-1256 texts are often mistaken for other code pages by statistical detectors,
    # so a direct check that cp1256 yields mostly Arabic letters comes before charset-normalizer.
    text = _mostly_arabic(data, "cp1256")
    if text is not None:
        return text
    best = from_bytes(data).best()
    if best is None:
        raise AnalysisError(_UNDECODABLE, code="undecodable")
    return str(best)


def _mixed_lines(data: bytes) -> str | None:
    """A file whose lines are partly UTF-8 and partly windows-1256 (pasted together from two sources).

    Decoding line by line is safe here: Arabic letters in windows-1256 are bytes C1-FE, and two of them in a
    row are never valid UTF-8, so a line with Arabic either decodes as UTF-8 or is windows-1256, never both.
    Each windows-1256 line must still read as Arabic; otherwise the file is refused as mixed.
    Returns None when no line is non-ASCII UTF-8 (a plain windows-1256 file, handled by the caller).
    """
    lines = data.split(b"\n")
    decoded: list[str] = []
    utf8_lines = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_arabic(line, "cp1256")
            if text is None:
                decoded.append("")
                continue
        else:
            utf8_lines += not line.isascii()
        decoded.append(text)
    if not utf8_lines:
        return None
    if any(not text and line.strip() for text, line in zip(decoded, lines, strict=True)):
        raise AnalysisError(
            "The file mixes text encodings: some lines are UTF-8 and others are in an encoding that could not "
            "be recognised. Save the whole file as UTF-8 and upload it again.",
            code="mixed",
        )
    return "\n".join(decoded)


def mojibake_share(text: str) -> float:
    """Share of the text's non-space characters that are UTF-8 Arabic misread as a single-byte code page.

    Only runs of at least two misread letters count, so a real "نفط،" (which pairs like mojibake) does not.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    while (match := _MOJIBAKE_PAIR.search(text, position)) is not None:
        pair = match.group()
        if _is_misread_arabic(pair):
            start = match.start()
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], match.end())
            else:
                spans.append((start, match.end()))
            position = match.end()
        else:
            position = match.start() + 1
    garbled = sum(end - start for start, end in spans if end - start >= 4)
    visible = sum(1 for c in text if not c.isspace())
    return garbled / visible if visible else 0.0


def _is_misread_arabic(pair: str) -> bool:
    try:
        recovered = pair.encode(_MOJIBAKE_LEADS[pair[0]]).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return "\u0600" <= recovered <= "\u06ff"


def _refuse_broken_text(text: str) -> None:
    visible = sum(1 for c in text if not c.isspace()) or 1
    if text.count("\ufffd") >= 3 and text.count("\ufffd") / visible > _MAX_REPLACEMENT_SHARE:
        raise AnalysisError(
            "The text has lost characters (it is full of \ufffd replacement marks from an earlier failed "
            "conversion). Upload the original file.",
            code="replacement",
        )
    if mojibake_share(text) > _MAX_MOJIBAKE_SHARE:
        raise AnalysisError(
            'The text is garbled: UTF-8 Arabic was read in another encoding (it shows as "Ø§Ù„" or '
            '"ط§ظ„"). Save the original as UTF-8 and upload it again.',
            code="mojibake",
        )


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII spaces and digits leave NULs in every other byte."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _letter_ratio(text) > 0.5 and _control_ratio(text) < 0.02 and _plausible_ratio(text) > 0.8:
            return text
    return None


def _plausible_ratio(text: str) -> float:
    """Share of characters a news article is made of: ASCII, Arabic blocks, common punctuation and spaces.

    Random bytes read as UTF-16 give letters too, but scattered over unrelated scripts.
    """
    if not text:
        return 0.0
    ok = sum(
        1
        for c in text
        if ord(c) < 0x250
        or 0x600 <= ord(c) <= 0x6FF
        or 0x750 <= ord(c) <= 0x77F
        or 0xFB50 <= ord(c) <= 0xFEFF
        or 0x2000 <= ord(c) <= 0x206F
    )
    return ok / len(text)


def _mostly_arabic(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    arabic = sum(1 for c in letters if _ARABIC_LETTER.match(c))
    return text if arabic / len(letters) >= 0.6 else None


def _letter_ratio(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if c.isalpha() or c.isspace()) / len(text)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_BAD_CONTROL.findall(text)) / len(text)


def _refuse_control_heavy(text: str) -> None:
    if _control_ratio(text) > 0.05:
        raise AnalysisError(
            "This file looks binary (it is full of control characters), not a text article.",
            code="binary:control",
        )


def _looks_like_html(text: str, filename: str | None) -> bool:
    """Content first, the name second: markup decides, and a name ending in .html only tips text that has some.

    Plain text never goes to the HTML extractor because of its name (a JSONL line's URL often ends in .html).
    """
    head = text[:5000]
    if _HTML_ROOT.search(head) or len(_HTML_BLOCK.findall(head)) >= 2:
        return True
    has_markup = bool(_ANY_TAG.search(head))
    return has_markup and bool(filename and filename.lower().split("?")[0].endswith(_HTML_EXTENSIONS))
