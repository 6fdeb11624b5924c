"""`make translations`: collect the UI strings of the templates into the .po catalogues.

New strings are added with an empty translation, strings no longer used are
dropped, and existing translations are kept. Plugin templates go to
plugins/ocop/translations/<lang>.po, theme templates to theme/translations/<lang>.po.
"""

from __future__ import annotations

import datetime
import os

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from ..core.paths import TEMPLATES_DIR, TRANSLATIONS_DIR

JINJA_OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true",
                             "trim_blocks": "true", "lstrip_blocks": "true"}}


def extract(template_dir: str) -> dict[str, list]:
    """msgid -> [(file, line)] of every translatable string under `template_dir`."""
    found: dict[str, list] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            template_dir, method_map=[("**.html", "jinja2")], options_map=JINJA_OPTIONS):
        key = message[0] if isinstance(message, tuple) else message
        found.setdefault(key, []).append((filename, line))
    return found


def update_catalogue(path: str, messages: dict[str, list], lang: str) -> tuple[int, int]:
    """Rewrite the catalogue at `path` for `messages`; returns (total, untranslated)."""
    old = {}
    if os.path.exists(path):
        with open(path, "rb") as handle:
            old = {m.id: m.string for m in read_po(handle) if m.id}
    # A fixed date keeps the files stable in git; the catalogue's history is git's.
    fixed = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    catalogue = Catalog(locale=lang, project="OCOP catalogue", charset="utf-8", creation_date=fixed,
                        revision_date=fixed, copyright_holder="OCOP catalogue contributors")
    untranslated = 0
    for message_id in sorted(messages):
        string = old.get(message_id, "")
        untranslated += not string
        catalogue.add(message_id, string, locations=sorted(messages[message_id]))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalogue, width=100, omit_header=False, sort_output=True, no_location=False)
    return len(messages), untranslated


def run(theme_dir: str, languages: list[str], default: str) -> list[str]:
    """Update every catalogue; returns report lines."""
    report = []
    sources = [(TEMPLATES_DIR, TRANSLATIONS_DIR),
               (os.path.join(theme_dir, "templates"), os.path.join(theme_dir, "translations"))]
    for template_dir, catalogue_dir in sources:
        messages = extract(template_dir)
        for lang in languages:
            if lang == default:
                continue
            path = os.path.join(catalogue_dir, f"{lang}.po")
            total, missing = update_catalogue(path, messages, lang)
            report.append(f"{path}: {total} strings, {missing} untranslated")
    return report
