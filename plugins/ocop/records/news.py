"""News articles checked like records, and the records they name resolved.

News are ordinary Pelican articles (content/news/*.md). Their `Products:`,
`Producers:` and `Sources:` metadata name records by id; an unknown id is an
error reported at the metadata line of the article.

`check_article()` reads a news article or page the way Pelican's Markdown reader
does and reports, at their line and column, what Pelican would only log (or not
notice): a file that is not UTF-8, control or bidirectional characters, a
missing or invisible-character `Title`, a missing or impossible `Date`, a `Slug`
that is not an id, an unknown `Status`. The build runs it on every Markdown file
before Pelican reads them; `resolve_references()` runs it too, so `make check`
reports the same problems.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import unicodedata

from ..core.problems import Problems
from ..core.slugs import is_id
from .text import character_problem, forbidden_characters, position, read_text

# metadata field -> (table of the catalogue, message kind, folder under the data path)
REFERENCE_FIELDS = {
    "products": ("products", "product", ""),
    "producers": ("producers", "producer", "_producers"),
    "sources": ("sources", "source", "_sources"),
}
_HEADER = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]*):(.*)$")
# The header syntax of Python-Markdown's `meta` extension, which Pelican's Markdown reader uses.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_META_BEGIN = re.compile(r"^-{3}(\s.*)?$")
_META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")
STATUSES = ("published", "draft", "hidden")
MAX_TITLE = 300


def read_headers(text: str) -> dict[str, tuple[int, int, str]]:
    """`key` (lower case) -> (line, column of the value, value) for the first definition of each header."""
    headers: dict[str, tuple[int, int, str]] = {}
    lines = text.split("\n")
    start = 1 if lines and _META_BEGIN.match(lines[0]) else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or (start and _META_END.match(line)):
            break
        match = _META.match(line)
        if match:
            headers.setdefault(match.group("key").lower(), (number, match.start("value") + 1, match.group("value")))
        elif not _META_MORE.match(line):
            break
    return headers


def check_article(path: str, problems: Problems, needs_date: bool = True) -> str | None:
    """Report what is wrong in a Markdown article's text and headers; returns its text, or None if unreadable."""
    text = read_text(path, problems)
    if text is None:
        return None
    clean = forbidden_characters(path, text, problems)
    for match in _BIDI.finditer(text):
        line, column = position(text, match.start())
        code, params = character_problem(match.group())
        problems.add(path, line, column, code, **params)
        clean = False
        break
    headers = read_headers(text)
    _check_title(path, headers, problems, clean)
    for name in ("date", "modified"):
        if name in headers:
            _check_date(path, name.capitalize(), *headers[name], problems)
        elif name == "date" and needs_date:
            problems.add(path, 1, 1, "missing_field", field="Date")
    if "slug" in headers:
        line, column, value = headers["slug"]
        if not is_id(value.strip()):
            problems.add(path, line, column, "id_format", field="Slug", value=value.strip())
    if "status" in headers:
        line, column, value = headers["status"]
        if value.strip().lower() not in STATUSES:
            problems.add(path, line, column, "not_in_enum", field="Status", value=value.strip(),
                         allowed=", ".join(STATUSES), suggestion="")
    return text


def _check_title(path: str, headers: dict, problems: Problems, clean: bool) -> None:
    if "title" not in headers:
        problems.add(path, 1, 1, "missing_field", field="Title")
        return
    line, column, value = headers["title"]
    if not value.strip():
        problems.add(path, line, column, "empty_value", field="Title")
    elif clean and any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        problems.add(path, line, column, "single_line_text", field="Title")
    elif len(value.strip()) > MAX_TITLE:
        problems.add(path, line, column, "too_long", field="Title", length=len(value.strip()), limit=MAX_TITLE)


def _check_date(path: str, field: str, line: int, column: int, value: str, problems: Problems) -> None:
    value = value.strip()
    match = _DATE.fullmatch(value)
    if match is None:
        problems.add(path, line, column, "date_format", field=field, value=value[:60])
        return
    try:
        numbers = [int(part) for part in match.groups() if part is not None]
        datetime.datetime(*numbers)
    except ValueError:
        problems.add(path, line, column, "date_invalid", field=field, value=value)


def split_ids(value) -> list[str]:
    """`a, b ,c` -> ["a", "b", "c"]; lists are accepted as they are."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def header_positions(path: str) -> dict[str, tuple[int, str]]:
    """Line number and raw text of each `Key: value` header line of a Markdown file."""
    positions: dict[str, tuple[int, str]] = {}
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    break
                match = _HEADER.match(line)
                if match:
                    positions.setdefault(match.group(1).strip().lower(), (number, line))
    except (OSError, UnicodeDecodeError):
        pass
    return positions


def resolve_references(metadata: dict, path: str, tables: dict, data_root: str,
                       problems: Problems) -> dict[str, list]:
    """The records each reference field names; unknown ids become problems.

    The article's own problems (check_article) are reported too, so that
    `make check`, which calls this for every news file, finds them.
    """
    check_article(path, problems)
    resolved: dict[str, list] = {}
    positions = None
    for field, (table_name, kind, folder) in REFERENCE_FIELDS.items():
        table = tables[table_name]
        found = []
        for record_id in split_ids(metadata.get(field)):
            if record_id in table:
                found.append(table[record_id])
                continue
            if record_id in tables.get("present", {}).get(kind, ()):
                continue  # the record exists; its own problems are reported
            if positions is None:
                positions = header_positions(path)
            line, text = positions.get(field, (1, ""))
            column = text.find(record_id) + 1 if record_id in text else 1
            suggestion = difflib.get_close_matches(record_id, list(table), n=1, cutoff=0.6)
            expected = os.path.join(data_root, folder, record_id + ".yaml") if folder else os.path.join(
                data_root, record_id, "product.yaml")
            problems.add(path, line, column, "unknown_ref", field=field.capitalize(), kind=f"kind_{kind}",
                         value=record_id, expected=expected, suggestion=suggestion[0] if suggestion else "")
        resolved[field] = found
    return resolved


def news_files(settings: dict) -> list[str]:
    """Markdown files under the article paths, in a stable order."""
    content = settings["PATH"]
    found = []
    for article_path in settings.get("ARTICLE_PATHS") or [""]:
        for folder, _dirs, files in os.walk(os.path.join(content, article_path)):
            found.extend(os.path.join(folder, name) for name in files if name.endswith((".md", ".markdown")))
    return sorted(found)
