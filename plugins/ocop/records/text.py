"""Record and news files as text: decoded from UTF-8, normalised, refused when they hold hidden characters."""

from __future__ import annotations

import os
import re
import unicodedata

from ..core.problems import Problems

MAX_FILE_BYTES = 1_000_000
MAX_PROBLEMS_PER_FILE = 20


# Control characters (C0 except tab and line breaks, DEL, C1), surrogates and
# non-characters, which YAML forbids; the separators YAML 1.1 counts as line
# breaks although editors see none (NEL, LS, PS); bidirectional overrides and
# isolates, which make text display in another order than it is stored.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"


_SEPARATOR = "\x85\u2028\u2029"


_BIDI = "\u202a-\u202e\u2066-\u2069"


FORBIDDEN = re.compile(f"[{_CONTROL}{_SEPARATOR}]")


KEY_FORBIDDEN = re.compile(f"[\t\n\r{_CONTROL}{_SEPARATOR}{_BIDI}]")


BIDI_CHARS = re.compile(f"[{_BIDI}]")


def decode_text(raw: bytes) -> tuple[str | None, int | None]:
    """UTF-8 text (a BOM is tolerated) in NFC with `\\n` line breaks, or the offset of the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, exc.start
    return normalise_newlines(unicodedata.normalize("NFC", text)), None


def normalise_newlines(text: str) -> str:
    """`\\r\\n` and a lone `\\r` (old Mac files) as `\\n`, so that every reader counts lines alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def looks_utf16(raw: bytes) -> bool:
    """True for UTF-16 or UTF-32 text (a byte-order mark, or NUL bytes between ASCII letters)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = raw[:200]
    return len(head) >= 4 and head.count(0) * 4 >= len(head)


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1, in characters) of `index` in `text` with `\\n` line breaks."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def character_problem(char: str) -> tuple[str, dict]:
    """The message code and parameters for a forbidden character."""
    name = f"U+{ord(char):04X}"
    if char in "\x85\u2028\u2029":
        return "line_separator", {"char": name}
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "bidi_character", {"char": name}
    return "control_character", {"char": name}


def forbidden_characters(path: str, text: str, problems: Problems) -> bool:
    """Report each line holding a character no record may contain; True when there is none."""
    found = 0
    last_line = 0
    for match in FORBIDDEN.finditer(text):
        line, column = position(text, match.start())
        if line == last_line:
            continue
        last_line = line
        code, params = character_problem(match.group())
        problems.add(path, line, column, code, **params)
        found += 1
        if found >= MAX_PROBLEMS_PER_FILE:
            break
    return not found


def read_text(path: str, problems: Problems, raw: bytes | None = None, limit: int | None = None) -> str | None:
    """The file's text (UTF-8, a byte-order mark tolerated, NFC), or None after reporting why not."""
    if raw is None:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(limit + 1) if limit else handle.read()
        except OSError as exc:
            problems.add(path, 1, 1, "file_unreadable", reason=exc.strerror or str(exc))
            return None
    if limit and len(raw) > limit:
        size = os.path.getsize(path) if os.path.exists(path) else len(raw)
        problems.add(path, 1, 1, "file_too_large", size=size, limit=limit)
        return None
    if looks_utf16(raw):
        problems.add(path, 1, 1, "not_utf8_utf16")
        return None
    text, bad_offset = decode_text(raw)
    if text is None:
        line = raw[:bad_offset].count(b"\n") + 1
        column = bad_offset - (raw.rfind(b"\n", 0, bad_offset) + 1) + 1
        problems.add(path, line, column, "not_utf8", offset=bad_offset)
    return text
