"""Messages for editors: every problem, and the scaffold's questions, in plain Vietnamese and in English.

The Vietnamese of each message is in the module of its subject (reading, schema, photos…), written
as `message(code, "…")`; the English is in plugins/ocop/translations/en.po, with the code as msgctxt
(see catalogue.py). `render` fills a message in the editor's language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping

# Each module registers the messages of its subject.
from . import build, files, housekeeping, news, photos, reading, references, report, scaffold, schema, system  # noqa: F401
from .catalogue import KEYWORDS, VIETNAMESE, message, translations  # noqa: F401
from .catalogue import template as _template

LANGS = ("vi", "en")


class _Messages(Mapping):
    """code -> (Vietnamese, English) templates; the English is read from en.po on first use."""

    def __getitem__(self, code: str) -> tuple[str, str]:
        return VIETNAMESE[code], _template(code, "en")

    def __contains__(self, code: object) -> bool:
        return code in VIETNAMESE

    def __iter__(self) -> Iterator[str]:
        return iter(VIETNAMESE)

    def __len__(self) -> int:
        return len(VIETNAMESE)


MESSAGES: Mapping[str, tuple[str, str]] = _Messages()


def render(code: str, params: dict, lang: str = "vi") -> str:
    """Fill the template of `code` in `lang`; a `suggestion` param adds a hint."""
    template = _template(code, lang)
    params = dict(params)
    hint = ""
    if params.get("suggestion") and "{suggestion}" not in template:
        hint = _template("did_you_mean", lang).format(suggestion=params["suggestion"])
    params.setdefault("hint", "")
    if "{hint}" in template:
        params["hint"] = hint
        hint = ""
    for key, value in list(params.items()):
        # Codes passed as values (kind_*, type_*) are translated too.
        if isinstance(value, str) and value in VIETNAMESE and key in ("kind", "expected"):
            params[key] = _template(value, lang)
        elif isinstance(value, str):
            params[key] = visible(value)
    return template.format(**params) + hint


# Line breaks, control characters and invisible format characters (zero-width, bidirectional
# controls) in a value quoted by a message: shown as escapes, so that every problem stays on one
# line and reads in the order it is stored.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                        "\ufeff\ufff9-\ufffb]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with every invisible or line-breaking character written as an escape (`\\n`, `\\u202e`)."""
    return _INVISIBLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def message_lang(settings: dict | None = None, environ: dict | None = None) -> str:
    """The editors' language: OCOP_MESSAGES_LANG setting, else OCOP_LANG/LANG, else Vietnamese."""
    environ = os.environ if environ is None else environ
    if settings and settings.get("OCOP_MESSAGES_LANG"):
        return settings["OCOP_MESSAGES_LANG"]
    for name in ("OCOP_LANG", "LANG"):
        value = environ.get(name, "")
        if value.lower().startswith("en"):
            return "en"
        if value.lower().startswith("vi"):
            return "vi"
    return "vi"
