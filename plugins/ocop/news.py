"""News articles: sanitised like every text, and linked to the products they feature.

News are ordinary Pelican articles (content/news/*.md). Their `Products:`,
`Producers:` and `Sources:` metadata name records by id; an unknown id is an
error reported at the metadata line of the article.
"""

from __future__ import annotations

import difflib
import os
import re

from pelican.contents import Article, Page

from .problems import Problems
from .sanitise import clean_html

# metadata field -> (table of the catalogue, message kind, folder under the data path)
REFERENCE_FIELDS = {
    "products": ("products", "product", ""),
    "producers": ("producers", "producer", "_producers"),
    "sources": ("sources", "source", "_sources"),
}
_HEADER = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]*):(.*)$")


def sanitise_content(instance) -> None:
    """Signal handler: strip anything executable from an article's or page's HTML."""
    if not isinstance(instance, (Article, Page)):
        return
    if instance._content:
        instance._content = clean_html(instance._content)
    summary = getattr(instance, "_summary", None)
    if summary:
        instance._summary = clean_html(summary)


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
    """The records each reference field names; unknown ids become problems."""
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
