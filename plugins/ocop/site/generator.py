"""The Pelican generator: records in, catalogue pages out.

generate_context() reads and checks every record (all problems at once, or a
CatalogueError before anything is written), turns them into Product, Producer
and Region contents (language.py) and links them to each other and to the news,
derives photos and starts the QR codes. generate_output() (pages.py) writes the
product, list, index and home pages, the feed and the exports.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os

from jinja2 import FileSystemBytecodeCache
from pelican.generators import Generator

from ..core.fingerprints import digest, stable_repr
from ..core.messages import message_lang
from ..core.problems import CatalogueError
from ..core.settings import cache_path, data_path, today
from ..core.workers import run_all, worker_count
from ..output.build_cache import Store, collector_paused
from ..output.page_cache import record_key, site_key
from ..output.photos import DeriveStats, derive_all
from ..output.qr import start_qr_codes
from ..records.housekeeping import log_warnings
from ..records.links import check_links
from ..records.loader import load_catalogue
from ..records.model import Catalogue
from ..records.news import resolve_references
from ..records.rules import rules_for
from .language import LanguageViews
from .pages import PageWriter
from .sanitise import MarkdownRenderer
from .view import CatalogueView, in_language

logger = logging.getLogger(__name__)


class CatalogueGenerator(LanguageViews, PageWriter, Generator):
    """Reads the records folder and writes every catalogue page, once per language."""

    view: CatalogueView | None = None

    # context -----------------------------------------------------------------

    def generate_context(self):
        """Load and check the records, then build and link the content objects."""
        # What is built here lives until the build ends: the garbage collector's full collections, which
        # scan every object (millions at 10,000 products), would find nothing; build.py unfreezes it.
        with collector_paused():
            self._load_and_link()
        gc.freeze()

    def _load_and_link(self):
        settings = self.settings
        # Compiled templates are kept between builds: an edit renders a few pages, from about 30 templates.
        self.env.bytecode_cache = FileSystemBytecodeCache(_folder(os.path.join(cache_path(settings), "ocop-jinja")))
        rules = rules_for(settings)
        root = data_path(settings)
        records_store = Store(os.path.join(cache_path(settings), "ocop-records.pickle"))
        catalogue = load_catalogue(root, today(settings), settings.get("OCOP_VALIDITY_MONTHS"), rules, settings,
                                   store=records_store)
        records_store.save()
        log_warnings(catalogue, settings, logger)  # housekeeping warnings (housekeeping.py): never fatal
        news = self._all_news()
        content_root = os.path.abspath(settings["PATH"])
        for record in (*catalogue.products.values(), *catalogue.producers.values(), *catalogue.regions.values()):
            for text in (record.description, record.description_en):
                check_links(record.path, text, content_root, catalogue.problems)
        for article in news:
            check_links(article.source_path, article._content, content_root, catalogue.problems)
            refs = resolve_references(article.metadata, article.source_path,
                                      vars(catalogue), root, catalogue.problems)
            article.featured_product_ids = [p.id for p in refs["products"]]
            article.featured_producer_ids = [p.id for p in refs["producers"]]
            article.cited_sources = refs["sources"]
        for article in self.context.get("articles", []):  # a translation names what its original names
            for translation in getattr(article, "translations", []):
                for name in ("featured_product_ids", "featured_producer_ids", "cited_sources"):
                    if not getattr(translation, name, None):
                        setattr(translation, name, getattr(article, name))
        self.photo_stats = self._derive_photos(catalogue)
        if catalogue.problems.errors:
            raise CatalogueError(catalogue.problems, message_lang(settings),
                                 os.path.dirname(os.path.abspath(settings["PATH"])))
        for warning in catalogue.problems.warnings:
            logger.warning(warning.format(message_lang(settings)))
        self.languages = list(settings["OCOP_LANGUAGES"])
        self.default_lang = settings.get("DEFAULT_LANG", self.languages[0])
        render = self._markdown_renderer(catalogue)
        # The default language first: its pages' addresses are what the QR codes hold, and they are
        # drawn in the background while the other languages are built (qr.py).
        first = self._build(catalogue, rules, news, self.default_lang, render)
        self._start_qr_codes(first)
        self.views = {lang: first if lang == self.default_lang else self._build(catalogue, rules, news, lang, render)
                      for lang in self.languages}
        self._markdown_store.save()
        self._link_translations()
        self.view = self.views[self.default_lang]
        self._place_qr_codes()
        self.figures = catalogue.figures  # reported programme figures for the numbers page
        self.context["ocop"] = self.view
        # Absolute address for Open Graph images and feeds, whatever RELATIVE_URLS says.
        self.context["SITE_ABSOLUTE_URL"] = settings["SITEURL"]
        self.context["OCOP_SETTINGS"] = settings
        self.site_key = site_key(settings, root, catalogue.today)
        # What each page key is made of (page_cache.py), computed once per build: a producer's file
        # and photos; a product's with its producer's (every page showing a product names its producer);
        # and the whole catalogue, for the pages that show all of it.
        self.producer_keys = {r.id: record_key(r, r.photos) for r in catalogue.producers.values()}
        self.product_keys = {r.id: f"{r.id}:{record_key(r, r.photos)}:{self.producer_keys.get(r.producer, '')}"
                             for r in catalogue.products.values()}
        self.catalogue_key = digest(*sorted(self.product_keys.values()),
                                    *sorted(f"{i}:{k}" for i, k in self.producer_keys.items()))

    def _markdown_renderer(self, catalogue: Catalogue):
        """Markdown to sanitised HTML, each text rendered once and kept for the next build.

        The catalogue's texts that the cache does not hold are rendered first, by
        every core (a tenth of a cold build at 10,000 products).
        """
        settings = self.settings
        extensions = settings["OCOP_MARKDOWN_EXTENSIONS"]
        renderer = MarkdownRenderer(extensions)
        self._markdown_store = store = Store(os.path.join(cache_path(settings), "ocop-markdown.pickle"),
                                             tag=stable_repr(extensions))
        records = [catalogue.province, *catalogue.products.values(), *catalogue.producers.values(),
                   *catalogue.regions.values()]
        texts = {text for record in records if record is not None for lang in self.languages
                 for text in [in_language(record, "description", lang, self.default_lang)[0]] if text}
        unrendered = sorted(text for text in texts if store.get(digest(text)) is None)
        for text, html in run_all(unrendered, lambda text: (text, renderer.render(text)),
                                  worker_count(settings.get("OCOP_RENDER_WORKERS")),
                                  settings["OCOP_PARALLEL_MIN_PAGES"]):
            store.put(digest(text), html)

        @functools.cache  # each text once, whatever the language
        def render(text):
            if not text:
                return ""
            key = digest(text)
            html = store.get(key)
            if html is None:
                html = renderer.render(text)
                store.put(key, html)
            return html

        return render

    def _derive_photos(self, catalogue: Catalogue) -> DeriveStats:
        """Derive every listed photo (or take it from the cache); failures become problems."""
        settings = self.settings
        photos = []
        for kind, records in (("san-pham", catalogue.products), ("chu-the", catalogue.producers)):
            for record in records.values():
                prefix = settings["OCOP_PHOTOS_SAVE_AS"].format(kind=kind, slug=record.id)
                for photo in record.photos:
                    photo.prefix = prefix
                    photos.append(photo)
        cache_root = os.path.join(cache_path(settings), "ocop-photos")
        stats = derive_all(photos, settings, cache_root, catalogue.problems, settings.get("OCOP_PHOTO_WORKERS"))
        os.makedirs(cache_root, exist_ok=True)
        with open(os.path.join(cache_root, "last-build.json"), "w", encoding="utf-8") as handle:
            json.dump(stats.as_dict(), handle)
        logger.info("Photos: %(sources)s sources, %(derived)s derived, %(cached)s from cache", stats.as_dict())
        return stats

    def _start_qr_codes(self, view: CatalogueView) -> None:
        """One QR code per product, leading to its default-language page, drawn only when not cached."""
        self.qr_urls = {p.slug: p.canonical_url for p in view.products}
        cache_root = os.path.join(cache_path(self.settings), "ocop-qr")
        self.qr_drawing = start_qr_codes(self.qr_urls, cache_root, self.settings.get("OCOP_PHOTO_WORKERS"))
        self.qr_files = self.qr_drawing.files

    def _place_qr_codes(self) -> None:
        """Where each product's code is published (its name holds its content's digest), in every language."""
        for view in self.views.values():
            for product in view.products:
                key = os.path.basename(self.qr_files[product.slug])[:10]
                product.qr_path = self.settings["OCOP_QR_SAVE_AS"].format(slug=product.slug, hash=key)
                product.qr_target = self.qr_urls[product.slug]

    def _all_news(self) -> list:
        """Every news article and its translations, published or not."""
        context = self.context
        articles = [*context.get("articles", []), *context.get("hidden_articles", []), *context.get("drafts", [])]
        return articles + [t for a in articles for t in getattr(a, "translations", [])]


def _folder(path: str) -> str:
    """`path`, made when missing."""
    os.makedirs(path, exist_ok=True)
    return path


