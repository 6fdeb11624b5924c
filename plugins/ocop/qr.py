"""QR codes that lead from a printed label to the product's page, drawn at build time."""

from __future__ import annotations

import functools
import io

import segno
from markupsafe import Markup


@functools.lru_cache(maxsize=256)
def qr_svg(url: str, title: str = "", scale: int = 4) -> Markup:
    """An inline SVG QR code for `url` (error correction M, quiet zone included)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=scale, border=4, xmldecl=False, svgns=True, title=title or None,
              nl=False, svgclass="qr", lineclass=None, dark="#000")
    return Markup(buffer.getvalue().decode("utf-8"))
