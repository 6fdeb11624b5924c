"""`make translations`: collect the UI strings and the editors' messages into the .po catalogues.

New strings are added with an empty translation, strings no longer used are
dropped, and existing translations are kept. Plugin templates and the editors'
messages (plugins/ocop/core/messages/, one msgctxt per message code) go to
plugins/ocop/translations/<lang>.po, theme templates to theme/translations/<lang>.po.
"""

from __future__ import annotations

import datetime
import os

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from ..core import messages as editor_messages
from ..core.paths import PACKAGE_DIR, TEMPLATES_DIR, TRANSLATIONS_DIR

JINJA_OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true",
                             "trim_blocks": "true", "lstrip_blocks": "true"}}
MESSAGES_DIR = os.path.dirname(os.path.abspath(editor_messages.__file__))

# (msgctxt or None, msgid) -> [(file, line)]
Entries = dict[tuple[str | None, str], list]


def extract(template_dir: str) -> dict[str, list]:
    """msgid -> [(file, line)] of every translatable string under `template_dir`."""
    found: dict[str, list] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            template_dir, method_map=[("**.html", "jinja2")], options_map=JINJA_OPTIONS):
        key = message[0] if isinstance(message, tuple) else message
        found.setdefault(key, []).append((filename, line))
    return found


def extract_messages(messages_dir: str = MESSAGES_DIR) -> Entries:
    """(code, Vietnamese) -> [(file, line)] of every `message(code, "…")` call under `messages_dir`."""
    prefix = os.path.relpath(messages_dir, PACKAGE_DIR).replace(os.sep, "/")
    found: Entries = {}
    for filename, line, message, _comments, context in extract_from_dir(
            messages_dir, method_map=[("**.py", "python")], keywords=editor_messages.KEYWORDS):
        found.setdefault((context, message), []).append((f"{prefix}/{filename}", line))
    return found


def update_catalogue(path: str, messages: dict[str, list] | Entries, lang: str) -> tuple[int, int]:
    """Rewrite the catalogue at `path` for `messages`; returns (total, untranslated).

    `messages` is keyed by msgid (the templates' strings) or by (msgctxt, msgid) (the editors' messages).
    """
    entries = {key if isinstance(key, tuple) else (None, key): where for key, where in messages.items()}
    old = {}
    if os.path.exists(path):
        with open(path, "rb") as handle:
            old = {(m.context, m.id): m.string for m in read_po(handle) if m.id}
    # A fixed date keeps the files stable in git; the catalogue's history is git's.
    fixed = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    catalogue = Catalog(locale=lang, project="OCOP catalogue", charset="utf-8", creation_date=fixed,
                        revision_date=fixed, copyright_holder="OCOP catalogue contributors")
    untranslated = 0
    for context, message_id in sorted(entries, key=lambda key: (key[1], key[0] or "")):
        string = old.get((context, message_id), "")
        untranslated += not string
        catalogue.add(message_id, string, locations=sorted(entries[context, message_id]), context=context)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalogue, width=100, omit_header=False, sort_output=True, no_location=False)
    return len(entries), untranslated


def plugin_entries() -> Entries:
    """What the plugin's catalogues hold: its templates' UI strings and the editors' messages."""
    entries: Entries = {(None, key): where for key, where in extract(TEMPLATES_DIR).items()}
    entries.update(extract_messages())
    return entries


def run(theme_dir: str, languages: list[str], default: str) -> list[str]:
    """Update every catalogue; returns report lines."""
    report = []
    sources = [(plugin_entries(), TRANSLATIONS_DIR),
               (extract(os.path.join(theme_dir, "templates")), os.path.join(theme_dir, "translations"))]
    for messages, catalogue_dir in sources:
        for lang in languages:
            if lang == default:
                continue
            path = os.path.join(catalogue_dir, f"{lang}.po")
            total, missing = update_catalogue(path, messages, lang)
            report.append(f"{path}: {total} strings, {missing} untranslated")
    return report
