"""Interface languages: gettext catalogues for templates, one site per language.

Templates are written in Vietnamese, the default language, and every UI string
goes through `_()`. Catalogues are ordinary gettext `.po` files: the plugin's
own (`plugins/ocop/translations/<lang>.po`) and the theme's
(`theme/translations/<lang>.po`, which wins). The gettext functions read the
page's language from the template context, so one Jinja environment renders
both languages and the choice is made per page, not per process.
"""

from __future__ import annotations

import functools
import os

from babel.messages.pofile import read_po
from jinja2 import pass_context
from markupsafe import Markup

from .paths import TRANSLATIONS_DIR

PLUGIN_TRANSLATIONS = TRANSLATIONS_DIR


def context_key(context: str, message_id: str) -> str:
    """The key of an entry with a msgctxt, as GNU gettext makes it: context, EOT, msgid."""
    return f"{context}\x04{message_id}"


@functools.cache
def _read_catalogue(path: str, mtime: float) -> dict[str, str | tuple]:
    """msgid -> msgstr (or a tuple of plural forms) of one .po file; fuzzy and empty entries skipped.

    An entry with a msgctxt (the editors' messages, whose context is their code) is keyed
    `context_key(msgctxt, msgid)`, apart from the UI string with the same msgid.
    """
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    messages = {}
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        message_id = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        key = context_key(message.context, message_id) if message.context else message_id
        if isinstance(message.id, (list, tuple)):
            if all(message.string):
                messages[key] = tuple(message.string)
        elif message.string:
            messages[key] = message.string
    return messages


def plugin_catalogue(lang: str) -> dict[str, str | tuple]:
    """The plugin's own catalogue for `lang` (empty when there is none), read once per process."""
    path = os.path.join(PLUGIN_TRANSLATIONS, f"{lang}.po")
    if not os.path.isfile(path):
        return {}
    return _read_catalogue(path, os.path.getmtime(path))


def load_catalogues(folders: list[str], languages: list[str]) -> dict[str, dict]:
    """Merged catalogues per language; later folders override earlier ones."""
    result: dict[str, dict] = {}
    for lang in languages:
        merged: dict = {}
        for folder in folders:
            path = os.path.join(folder, f"{lang}.po")
            if os.path.isfile(path):
                merged.update(_read_catalogue(path, os.path.getmtime(path)))
        result[lang] = merged
    return result


def page_language(context, default: str = "vi") -> str:
    """The language of the page being rendered: `lang`, else its article's or page's."""
    lang = context.get("lang")
    if lang:
        return lang
    for name in ("article", "page"):
        item = context.get(name)
        if item is not None and getattr(item, "lang", None):
            return item.lang
    return default


def install(env, catalogues: dict[str, dict], default: str = "vi") -> None:
    """Give `env` context-aware gettext functions backed by `catalogues`."""

    @pass_context
    def gettext(context, message: str) -> str:
        return catalogues.get(page_language(context, default), {}).get(message, message)

    @pass_context
    def ngettext(context, singular: str, plural: str, count: int) -> str:
        forms = catalogues.get(page_language(context, default), {}).get(singular)
        if isinstance(forms, tuple):
            return forms[0] if count == 1 or len(forms) == 1 else forms[1]
        return singular if count == 1 else plural

    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["gettext"] = env.globals["_"] = _fast_gettext(catalogues, default)


def _fast_gettext(catalogues: dict[str, dict], default: str):
    """Jinja's "newstyle" gettext (the translation is trusted markup, `%(name)s` filled with escaped
    values), with the translated and formatted message kept per language when it has no variables.

    A product page asks for some sixty messages; through Jinja's own wrappers each costs three
    calls and a string formatting, on every page of every build.
    """
    formatted: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def gettext(context, message: str, **variables) -> str:
        lang = page_language(context, default)
        autoescape = context.eval_ctx.autoescape
        if not variables:
            key = (lang, message, autoescape)
            text = formatted.get(key)
            if text is None:
                text = catalogues.get(lang, {}).get(message, message)
                text = formatted[key] = (Markup(text) if autoescape else text) % {}
            return text
        text = catalogues.get(lang, {}).get(message, message)
        return (Markup(text) if autoescape else text) % variables

    return gettext


@pass_context
def translate_label(context, entry, default: str = "vi") -> str:
    """A vocabulary entry's name in the page's language ({"vi": …, "en": …}), falling back to Vietnamese."""
    lang = page_language(context, default)
    return entry.get(lang) or entry.get("vi") or ""


@pass_context
def localised(context, vi_text, en_text=None):
    """The English text on English pages when there is one, else the Vietnamese marked lang="vi"."""
    lang = page_language(context)
    if lang == "vi" or not vi_text:
        return vi_text or ""
    if en_text:
        return en_text
    return Markup('<span lang="vi">{}</span>').format(vi_text)
