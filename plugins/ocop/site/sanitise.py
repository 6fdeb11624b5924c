"""Markdown to safe HTML: editors' text may hold anything, visitors get only markup."""

from __future__ import annotations

import markdown
import nh3

# What descriptions and news may contain after rendering; nothing executable,
# no styles, no embedded frames or forms.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
    "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _local_images(element: str, attribute: str, value: str) -> str | None:
    """Drop the `src` of an image on another site: it would track visitors, and the CSP (img-src 'self') blocks it."""
    if element == "img" and attribute == "src":
        address = value.strip().lower()
        if address.startswith(("//", "\\\\", "/\\", "\\/")) or ":" in address.split("/", 1)[0]:
            return None
    return value


def clean_html(html: str) -> str:
    """Sanitised HTML: scripts, handlers, styles, frames, unsafe URLs and images from other sites removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # no target= is allowed, so rel=noopener would add nothing
        strip_comments=True,
        attribute_filter=_local_images,
    )


class MarkdownRenderer:
    """One Markdown converter reused for every text of a build (creating one is costly)."""

    def __init__(self, extensions: list[str] | None = None):
        self._markdown = markdown.Markdown(extensions=list(extensions or []), output_format="html")

    def render(self, text: str | None) -> str:
        """Sanitised HTML for Markdown `text` ("" for none)."""
        if not text:
            return ""
        html = self._markdown.reset().convert(text)
        return clean_html(html)
