"""sitemap.xml with hreflang alternates, and robots.txt pointing at it.

pelican-sitemap 1.2.2 was the first choice, but it writes `<xhtml:link ... ref=…>`
(not `href`), lists no alternate for pages that are not articles, and stamps
pages with the build's wall-clock time; the catalogue generator knows every
page it writes and its language versions, so it writes the sitemap itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr


def _attribute(value: str) -> str:
    """An XML attribute value in quotes, as xml.sax.saxutils.quoteattr writes it (faster for plain URLs)."""
    if '"' in value or "\n" in value or "\r" in value or "\t" in value:
        return quoteattr(value)
    return f'"{escape(value)}"'


@dataclass(frozen=True)
class SitemapEntry:
    """One page: its URL, the URLs of its language versions, and when its facts last changed."""

    url: str
    alternates: tuple = ()
    lastmod: str | None = None


@dataclass
class Sitemap:
    """The pages of a build, written out once at the end."""

    site_url: str
    entries: dict[str, SitemapEntry] = field(default_factory=dict)

    def add(self, url: str, alternates=(), lastmod=None) -> None:
        """Record a page (the first record of a URL wins)."""
        self.entries.setdefault(url, SitemapEntry(url, tuple(alternates), lastmod))

    def absolute(self, url: str) -> str:
        """A site-relative URL made absolute."""
        return f"{self.site_url.rstrip('/')}/{url.lstrip('/')}"

    def xml(self) -> str:
        """The sitemap document, entries sorted by URL."""
        lines = ['<?xml version="1.0" encoding="utf-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for url in sorted(self.entries):
            entry = self.entries[url]
            lines.append(f"<url><loc>{escape(self.absolute(url))}</loc>")
            if entry.lastmod:
                lines.append(f"<lastmod>{entry.lastmod}</lastmod>")
            if len(entry.alternates) > 1:
                for lang, alternate in entry.alternates:
                    lines.append(f'<xhtml:link rel="alternate" hreflang={_attribute(lang)} '
                                 f"href={_attribute(self.absolute(alternate))}/>")
                lines.append(f'<xhtml:link rel="alternate" hreflang="x-default" '
                             f"href={_attribute(self.absolute(entry.alternates[0][1]))}/>")
            lines.append("</url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    def write(self, output_path: str, sitemap_name: str = "sitemap.xml", robots: bool = True, disallow=()) -> None:
        """Write sitemap.xml (and robots.txt naming it, with a Disallow line per path of `disallow`)."""
        with open(os.path.join(output_path, sitemap_name), "w", encoding="utf-8") as handle:
            handle.write(self.xml())
        if robots:
            with open(os.path.join(output_path, "robots.txt"), "w", encoding="utf-8") as handle:
                refused = "".join(f"Disallow: {path}\n" for path in disallow)
                handle.write(f"User-agent: *\n{refused}Allow: /\n\nSitemap: {self.absolute(sitemap_name)}\n")
