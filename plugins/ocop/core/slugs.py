"""Vietnamese text to ASCII ids, as editors' folder and file names must be."""

from __future__ import annotations

import functools
import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """`Cá tép dầu sấy Na Lay` -> `ca-tep-dau-say-na-lay`; đ becomes d."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SEPARATORS.sub("-", text).strip("-")


def is_id(text: str) -> bool:
    """True when `text` is already a valid id."""
    return bool(ID_PATTERN.fullmatch(text))


@functools.lru_cache(maxsize=65536)  # pure: sorting asks for the same names again and again
def fold(text: str) -> str:
    """Text without tone marks, lower case, for matching (`Điện Biên` -> `dien bien`)."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()
