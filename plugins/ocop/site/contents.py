"""Pelican content types of the catalogue, declared like Pelican's Article and Page.

Products, producers and regions are records with text of their own, so they are
`Content` (URL/SAVE_AS settings, `{filename}` links, feeds). Product groups and
star levels are vocabulary, so they are `URLWrapper`s like Pelican's Category.
"""

from __future__ import annotations

import functools
import os

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from ..core.paths import relative_path


@functools.lru_cache(maxsize=65536)  # pure; Pelican asks for it several times per content and language
def relative_source_path(content_path: str, source_path: str) -> str:
    """A record's path relative to the content folder, as Pelican's Content.get_relative_source_path()."""
    root = os.path.abspath(content_path)
    return relative_path(os.path.join(root, source_path), root)


class _CachedURLs:
    """Content whose URL and output path are computed once (they cannot change)."""

    def get_relative_source_path(self, source_path: str | None = None) -> str | None:
        """The source file relative to the content folder (computed once per file)."""
        source_path = source_path or self.source_path
        return None if source_path is None else relative_source_path(self.settings["PATH"], source_path)

    @functools.cached_property
    def url(self):
        """The page's URL, from the <KIND>_URL setting."""
        return self.get_url_setting("url")

    @functools.cached_property
    def save_as(self):
        """The page's output file, from the <KIND>_SAVE_AS setting."""
        return self.get_url_setting("save_as")


class _LazyStructuredData:
    """JSON-LD made when a page is rendered, not for the pages an incremental build reuses."""

    make_jsonld = None  # set by the generator: a function of no argument returning the <script> text

    @property
    def jsonld(self) -> str:
        """The page's JSON-LD <script> (empty when there is none); made anew, never kept: one page uses it."""
        return self.make_jsonld() if self.make_jsonld else ""


class Product(_CachedURLs, _LazyStructuredData, Content):
    """One certified product: its record, its description and the pages it links to."""

    mandatory_properties = ("title",)
    default_template = "product"

    @functools.cached_property
    def locale_date(self) -> str:
        """The certification date formatted as Pelican formats an article's date."""
        return self.date.strftime(self.date_format)

    @property
    def canonical_url(self) -> str:
        """The page's absolute address on the published site."""
        return f"{self.settings['SITEURL'].rstrip('/')}/{self.url}"

class Producer(_CachedURLs, _LazyStructuredData, Content):
    """A producer (chủ thể) and the products it owns."""

    mandatory_properties = ("title",)
    default_template = "producer"


class Region(_CachedURLs, Content):
    """A district-level unit (or commune) and the products made there."""

    mandatory_properties = ("title",)
    default_template = "region"


class _Vocabulary(URLWrapper):
    """A term of the rules table with its products; the slug comes from its id."""

    def __init__(self, term_id, labels: dict, settings, lang: str | None = None, products=None):
        super().__init__(labels["vi"], settings)
        self.id = term_id
        self.labels = labels
        self.lang = lang or settings.get("DEFAULT_LANG", "vi")
        self.slug = str(term_id).replace("_", "-")
        self.products = list(products or [])
        self.translations = []

    def label(self, lang: str | None = None) -> str:
        """The term's name in `lang` (its own language by default), falling back to Vietnamese."""
        return self.labels.get(lang or self.lang) or self.labels["vi"]

    def _from_settings(self, key, get_page_name=False):
        """<KIND>_URL in the default language, <KIND>_LANG_URL (with {lang}) in the others."""
        kind = self.__class__.__name__.upper()
        in_default = self.lang == self.settings.get("DEFAULT_LANG", "vi")
        value = self.settings[f"{kind}_{key}" if in_default else f"{kind}_LANG_{key}"]
        values = {"slug": self.slug, "name": self.name, "lang": self.lang}
        return (os.path.splitext(value)[0] if get_page_name else value).format(**values)

    url = property(functools.partial(_from_settings, key="URL"))
    save_as = property(functools.partial(_from_settings, key="SAVE_AS"))


class Group(_Vocabulary):
    """A product group (ngành) of one or both regimes."""


class Stars(_Vocabulary):
    """A star level: 3, 4 or 5."""
