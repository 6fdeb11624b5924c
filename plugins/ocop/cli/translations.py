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
    """msgid -> [(file, line)] of every translatable string under `template_dir`.

    A plural message (ngettext, `{% pluralize %}`) is keyed (None, (singular, plural)): a msgid
    pair with no msgctxt, as update_catalogue() takes it.
    """
    found: dict = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            template_dir, method_map=[("**.html", "jinja2")], options_map=JINJA_OPTIONS):
        plural = isinstance(message, tuple) and message[1]
        key = (None, tuple(message[:2])) if plural else (message[0] if isinstance(message, tuple) else message)
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
            old = {(m.context, tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id):
                   tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string
                   for m in read_po(handle) if m.id}
    # A fixed date keeps the files stable in git; the catalogue's history is git's.
    fixed = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    catalogue = Catalog(locale=lang, project="OCOP catalogue", charset="utf-8", creation_date=fixed,
                        revision_date=fixed, copyright_holder="OCOP catalogue contributors")
    untranslated = 0
    for context, message_id in sorted(entries, key=lambda key: (_singular(key[1]), key[0] or "")):
        string = old.get((context, message_id), "")
        if isinstance(message_id, tuple) and not isinstance(string, (tuple, list)):
            string = (string, "")  # a message newly made plural keeps its old translation as the singular
        elif not isinstance(message_id, tuple) and isinstance(string, (tuple, list)):
            string = string[0]
        untranslated += not string if isinstance(string, str) else not all(string)
        catalogue.add(message_id, string, locations=sorted(entries[context, message_id]), context=context)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalogue, width=100, omit_header=False, sort_output=True, no_location=False)
    return len(entries), untranslated


def _singular(message_id) -> str:
    """The singular of a msgid, for sorting plain and plural messages together."""
    return message_id[0] if isinstance(message_id, tuple) else message_id


def plugin_entries() -> Entries:
    """What the plugin's catalogues hold: its templates' UI strings and the editors' messages."""
    entries: Entries = {key if isinstance(key, tuple) else (None, key): where
                        for key, where in extract(TEMPLATES_DIR).items()}
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
