"""The editors' messages by code: Vietnamese in the source, other languages in the gettext catalogues.

Every message is one marker call, `message(code, vietnamese)`, in the module of its subject.
`make translations` extracts the calls with the Babel keyword `KEYWORDS`: the code becomes the
entry's msgctxt and the Vietnamese its msgid, so translators edit the English in
plugins/ocop/translations/en.po next to the UI strings, and a message never shares its English with
a UI string of the same Vietnamese ("Sản phẩm" is "Products" on a page, "Product" in the report).
"""

from __future__ import annotations

import functools

from ..i18n import context_key, plugin_catalogue

# Babel keyword spec: argument 1 is the context (the code), argument 2 the message (the Vietnamese).
KEYWORDS = {"message": ((1, "c"), 2)}
DEFAULT_LANG = "vi"

# code -> Vietnamese template; templates use str.format with the problem's params.
VIETNAMESE: dict[str, str] = {}


def message(code: str, vietnamese: str) -> str:
    """Register the message `code` with its Vietnamese template."""
    if code in VIETNAMESE:
        raise ValueError(f"message code {code!r} is defined twice")
    VIETNAMESE[code] = vietnamese
    return vietnamese


@functools.cache
def translations(lang: str) -> dict[str, str]:
    """code -> template in `lang`, for the messages the plugin's `lang`.po translates (read once)."""
    catalogue = plugin_catalogue(lang)
    found = {}
    for code, vietnamese in VIETNAMESE.items():
        translated = catalogue.get(context_key(code, vietnamese))
        if translated:
            found[code] = translated
    return found


def template(code: str, lang: str = DEFAULT_LANG) -> str:
    """The template of `code` in `lang`; the Vietnamese when it has no translation."""
    if lang == DEFAULT_LANG:
        return VIETNAMESE[code]
    return translations(lang).get(code) or VIETNAMESE[code]
