"""The Pelican generator: records in, catalogue pages out.

generate_context() reads and checks every record (all problems at once, or a
CatalogueError before anything is written), turns them into Product, Producer
and Region contents and links them to each other and to the news.
generate_output() writes the product, list, index and home pages and the feed.
"""

from __future__ import annotations

import datetime
import functools
import gc
import json
import logging
import os
import urllib.parse
from dataclasses import dataclass, field

from jinja2 import FileSystemBytecodeCache
from pelican.generators import Generator
from pelican.paginator import Paginator
from pelican.utils import set_date_tzinfo

from .build_cache import Store, collector_paused
from .contents import Group, Producer, Product, Region, Stars
from .exports import certificate_types, write_exports
from .fingerprints import digest, stable_repr
from .fragments import Fragments
from .fragments import store_path as fragment_store
from .headers import write_headers
from .housekeeping import log_warnings
from .links import check_links
from .messages import message_lang
from .news import resolve_references
from .numbers import compute_numbers
from .page_cache import PageCache, record_key, site_key
from .photos import DeriveStats, derive_all, publish
from .problems import CatalogueError
from .qr import start_qr_codes
from .records import Catalogue, load_catalogue
from .rendering import WrittenFiles
from .rules import DEFAULT_RULES_FILE, load_rules
from .sanitise import MarkdownRenderer
from .settings import cache_path, data_path, localised_path, page_urls, today
from .sitemap import Sitemap
from .slugs import fold
from .structured_data import home_graph, json_script, producer_graph, product_graph
from .trade import CERTIFICATE_TYPES
from .workers import run_all, worker_count

logger = logging.getLogger(__name__)
TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")


@dataclass
class CatalogueView:
    """What templates see as `ocop`: the whole catalogue in one language, sorted for display."""

    province: object
    today: datetime.date
    rules: dict
    lang: str = "vi"
    products: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    producers: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    star_levels: list = field(default_factory=list)
    news: list = field(default_factory=list)
    province_html: str = ""
    province_lang: str = "vi"
    home_jsonld: str = ""
    print_scopes: list = field(default_factory=list)
    certificate_filter_options: list = field(default_factory=list)

    @functools.cached_property  # every page of the catalogue shows it
    def certified_count(self) -> int:
        """How many products hold a certificate valid today."""
        return sum(1 for p in self.products if p.certified)

    def newest(self, count: int) -> list:
        """The most recently certified products, newest first."""
        return sorted(self.products, key=lambda p: (p.date, p.slug), reverse=True)[:count]


@dataclass
class PrintScope:
    """One printable catalogue: all products, one district's or one group's."""

    slug: str
    kind: str  # all | region | group
    item: object
    products: list
    url: str = ""
    save_as: str = ""


def product_summary(record, region_name: str, rules: dict, province_name: str, lang: str = "vi") -> str:
    """A one-sentence factual description built only from the record's facts."""
    current = record.current
    years = sorted({current.signed.earliest.year, current.signed.latest.year})
    year = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    group = rules["groups"][current.group]
    if lang == "en":
        place = f"{region_name}, {province_name} province" if province_name else region_name
        return (f"OCOP {current.stars}-star product (certified in {year}), {group['en'].lower()} group, "
                f"{place}, Vietnam.")
    place = f"{region_name}, tỉnh {province_name}" if province_name else region_name
    return f"Sản phẩm OCOP {current.stars} sao (công nhận năm {year}), nhóm {group['vi'].lower()}, {place}."


OCOP_VALID, OCOP_NOT_VALID = "ocop-con-hieu-luc", "ocop-het-hieu-luc"


def certificate_filters(record, producer) -> list[str]:
    """Filter values for a product: OCOP validity today, then other certificates it or its producer holds."""
    values = [OCOP_VALID if record.certified else OCOP_NOT_VALID]
    others = [*record.other_certificates, *(producer.record.other_certificates if producer is not None else [])]
    for certificate in others:
        value = certificate.type.replace("_", "-")
        if value not in values:
            values.append(value)
    return values


def certificate_filter_labels(lang: str) -> list[tuple[str, str]]:
    """(filter value, label) of every certificate filter, in display order."""
    labels = [(OCOP_VALID, "OCOP (còn hiệu lực)" if lang == "vi" else "OCOP (valid)"),
              (OCOP_NOT_VALID, "OCOP (hết hoặc chưa rõ hiệu lực)" if lang == "vi" else "OCOP (expired or unknown)")]
    index = 1 if lang == "en" else 0
    return labels + [(key.replace("_", "-"), names[index]) for key, names in CERTIFICATE_TYPES.items()]


def name_key(content) -> tuple:
    """Sort key for Vietnamese names: without tone marks first, then exact."""
    return (fold(content.title), content.title)


def in_language(record, field_name: str, lang: str, default: str) -> tuple[str | None, str]:
    """A record's text in `lang` (FIELD_en…) or, failing that, in the default language, with its language."""
    if lang != default:
        value = getattr(record, f"{field_name}_{lang}", None)
        if value:
            return value, lang
    return getattr(record, field_name), default


class CatalogueGenerator(Generator):
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
        rules = load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)
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

    def _build(self, catalogue: Catalogue, rules: dict, news: list, lang: str, render) -> CatalogueView:
        """The content objects of one language, linked to each other."""
        settings, default = self.settings, self.default_lang
        view = CatalogueView(province=catalogue.province, today=catalogue.today, rules=rules, lang=lang)
        province_name = ""
        if catalogue.province is not None:
            text, view.province_lang = in_language(catalogue.province, "description", lang, default)
            view.province_html = render(text)
            province_name = in_language(catalogue.province, "name", lang, default)[0]

        def make(kind, record, extra_metadata=None):
            title, title_lang = in_language(record, "name", lang, default)
            text, content_lang = in_language(record, "description", lang, default)
            metadata = {"title": title, "slug": record.id, "lang": lang, **(extra_metadata or {})}
            content = kind(render(text), metadata, settings=settings, source_path=record.path, context=self.context)
            content.record, content.title_lang, content.content_lang = record, title_lang, content_lang
            if lang == default:
                self.add_source_path(content)
            return content

        regions = {}
        for record in catalogue.regions.values():
            region = make(Region, record)
            region.products, region.producers = [], []
            regions[record.id] = region

        producers = {}
        for record in catalogue.producers.values():
            producer = make(Producer, record)
            producer.products = []
            producer.region = regions.get(record.region)
            producer.photos = [p for p in record.photos if p.derived is not None]
            producers[record.id] = producer
            if producer.region is not None:
                producer.region.producers.append(producer)

        groups = {gid: Group(gid, entry, settings, lang) for gid, entry in rules["groups"].items()}
        stars = {level: Stars(level, entry, settings, lang) for level, entry in rules["stars"].items()}

        products = {}
        for record in catalogue.products.values():
            current = record.current
            signed = datetime.datetime.combine(current.signed.latest, datetime.time())
            product = make(Product, record)
            # The date is set after Pelican's __init__, which would also format it for display
            # (`locale_date`, slow and unused here: Product formats it on demand).
            product.date = set_date_tzinfo(signed, settings.get("TIMEZONE", "UTC"))
            product.region = regions[record.region]
            product.producer = producers.get(record.producer)
            product.group = groups[current.group]
            product.stars = current.stars
            product.stars_level = stars[current.stars]
            product.certified = record.certified
            product.validity = record.status
            product.news = []
            product.summary_text = product_summary(record, product.region.title, rules, province_name, lang)
            product.photos = [p for p in record.photos if p.derived is not None]
            product.cover = product.photos[0] if product.photos else None
            product.certificate_filters = certificate_filters(record, producers.get(record.producer))
            products[record.id] = product
            product.region.products.append(product)
            product.group.products.append(product)
            product.stars_level.products.append(product)
            if product.producer is not None:
                product.producer.products.append(product)

        view.news = self._news_in(news, lang)
        for article in view.news:
            featured = [products[i] for i in article.featured_product_ids]
            by_producer = [producers[i] for i in article.featured_producer_ids]
            if lang == getattr(article, "lang", default):
                article.featured_products = sorted(featured, key=name_key)
                article.featured_producers = sorted(by_producer, key=name_key)
            for product in featured + [p for producer in by_producer for p in producer.products]:
                if article not in product.news:
                    product.news.append(article)

        for container in (*regions.values(), *producers.values(), *groups.values(), *stars.values()):
            container.products.sort(key=name_key)
        for region in regions.values():
            region.producers.sort(key=name_key)
        for product in products.values():
            product.news.sort(key=lambda a: (a.date, a.slug), reverse=True)

        site_url = settings["SITEURL"]
        for product in products.values():
            product.make_jsonld = functools.partial(_jsonld, product_graph, product, site_url, rules,
                                                    catalogue.province, product.summary_text)
        for producer in producers.values():
            producer.make_jsonld = functools.partial(_jsonld, producer_graph, producer, site_url, rules)
        if lang == default and catalogue.province is not None:
            view.home_jsonld = json_script(home_graph(catalogue.province, site_url, settings["SITENAME"]))
        for producer in producers.values():
            producer.certificate_types = certificate_types(producer, lang)
        view.products = sorted(products.values(), key=name_key)
        view.regions = sorted(regions.values(), key=lambda r: (
            r.record.order if r.record.order is not None else 10**6, name_key(r)))
        view.producers = sorted(producers.values(), key=name_key)
        view.groups = list(groups.values())
        view.star_levels = [stars[level] for level in sorted(stars)]
        view.print_scopes = self._print_scopes(view)
        present = {value for product in view.products for value in product.certificate_filters}
        view.certificate_filter_options = [(value, label) for value, label in certificate_filter_labels(lang)
                                           if value in present]
        return view

    def _news_in(self, news: list, lang: str) -> list:
        """Published news for a language: each article's translation when there is one."""
        chosen = []
        for article in self.context.get("articles", []):
            translated = next((t for t in getattr(article, "translations", []) if t.lang == lang), None)
            chosen.append(translated or article)
        return chosen

    def _print_scopes(self, view: CatalogueView) -> list[PrintScope]:
        scopes = [PrintScope("tat-ca", "all", None, view.products)]
        scopes += [PrintScope(f"dia-ban-{r.slug}", "region", r, r.products) for r in view.regions]
        scopes += [PrintScope(f"nhom-{g.slug}", "group", g, g.products) for g in view.groups if g.products]
        for scope in scopes:
            scope.url = localised_path(self.settings, "PRINT", "URL", view.lang, slug=scope.slug)
            scope.save_as = localised_path(self.settings, "PRINT", "SAVE_AS", view.lang, slug=scope.slug)
        return scopes

    def _link_translations(self) -> None:
        """Each product, producer, region, group and star level knows its other-language versions."""
        views = list(self.views.values())
        for attribute in ("products", "producers", "regions", "groups", "star_levels"):
            by_slug: dict[str, list] = {}
            for view in views:  # lists are sorted by the title, which differs between languages
                for item in getattr(view, attribute):
                    by_slug.setdefault(item.slug, []).append(item)
            for items in by_slug.values():
                for item in items:
                    item.translations = [other for other in items if other is not item]

    # output ------------------------------------------------------------------

    def alternates(self, name: str | None = None, content=None, **values) -> list[tuple[str, str]]:
        """(language, URL) of every language version of a page, default language first."""
        if content is not None:
            versions = sorted([content, *content.translations], key=lambda c: self.languages.index(c.lang))
            return [(c.lang, c.url) for c in versions]
        return [(lang, localised_path(self.settings, name, "URL", lang, **values)) for lang in self.languages]

    def generate_output(self, writer):
        """Write every catalogue page in every language, lists paginated, and the feeds and exports."""
        settings = self.settings
        self.pages = PageCache(settings.get("OCOP_INCREMENTAL_FROM"), self.output_path,
                               cache_path(settings), self.site_key)
        for content in (*self.view.products, *self.view.producers):
            for photo in content.photos:
                publish(photo, self.pages.place)
        self.sitemap = Sitemap(settings["SITEURL"])
        self.jobs = []
        self.context["ocop_fragments"] = Fragments(
            self.site_key, lambda product: self.product_keys[product.slug],
            fragment_store(cache_path(settings)), settings["OCOP_FRAGMENT_CACHE"])
        for lang, view in self.views.items():
            self._write_language(writer, lang, view)

        written = writer._written_files = WrittenFiles(writer._written_files)

        def render_one(job):
            save_as, key, template, values = job
            written.since()
            writer.write_file(save_as, self.get_template(template), self.context,
                              relative_urls=settings["RELATIVE_URLS"], **values)
            return save_as, key, self.pages.files(set(written.since()))

        drawn = self.qr_drawing.wait()  # drawn meanwhile (qr.py); before the rendering workers take the cores
        logger.info("QR codes: %s drawn, %s from cache", drawn, len(self.qr_files) - drawn)
        for product in self.view.products:
            self.pages.place(self.qr_files[product.slug], product.qr_path)
        fragments = self.context["ocop_fragments"]
        if self.jobs:
            fragments.load()  # before the workers start, so that they share it
        workers = worker_count(settings.get("OCOP_RENDER_WORKERS"))
        for save_as, key, files in run_all(self.jobs, render_one, workers, settings["OCOP_PARALLEL_MIN_PAGES"],
                                              collect=lambda: fragments.new, merge=fragments.merge):
            self.pages.remember(save_as, key, files)
        fragments.save()
        self.jobs = []
        self._add_news_to_sitemap()
        self.sitemap.write(self.output_path)
        # Hosts serve 404.html at whatever URL was missing: links are root-relative so they work anywhere.
        root_path = urllib.parse.urlsplit(settings["SITEURL"]).path.rstrip("/")
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False,
                          lang=self.default_lang, ocop=self.view, url="404.html", page_name="404.html",
                          SITEURL=root_path, **page_urls(settings, self.default_lang))
        self._write_everything_files(writer)
        write_headers(settings, self.output_path, self.pages.kept_files())
        self.pages.save_pending()
        logger.info("Catalogue pages: %s rendered, %s unchanged from the previous build",
                    self.pages.rendered, self.pages.reused)

    def _write_everything_files(self, writer) -> None:
        """The open data and the products feed: they show every product, and like pages are written only
        when one changed."""
        settings = self.settings
        everything = self.catalogue_key
        key = self.pages.key("exports", everything)
        if not self.pages.reuse("exports", key):
            written = write_exports(self.view, settings["SITEURL"], self.output_path, settings)
            self.pages.remember("exports", key, self.pages.files(set(written)))
        feed = settings.get("PRODUCTS_FEED_ATOM")
        key = self.pages.key("feed", feed, everything)
        if feed and not self.pages.reuse(feed, key):
            # Pelican takes an entry's summary links relative to the page rendered last ("localsiteurl");
            # a feed is read anywhere, so its links are absolute whatever was rendered before it.
            self.context["localsiteurl"] = settings["SITEURL"]
            newest = self.view.newest(len(self.view.products))
            writer.write_feed(newest, self.context, feed, settings.get("PRODUCTS_FEED_ATOM_URL") or feed,
                              feed_title="OCOP")
            self.pages.remember(feed, key, self.pages.files({os.path.join(self.output_path, feed)}))

    def _add_news_to_sitemap(self) -> None:
        """Pelican's news articles and their translations, with the news indexes."""
        for article in self.context.get("articles", []):
            versions = sorted([article, *article.translations], key=lambda a: self.languages.index(a.lang)
                              if a.lang in self.languages else len(self.languages))
            alternates = [(a.lang, a.url) for a in versions]
            for version in versions:
                self.sitemap.add(version.url, alternates, _iso(getattr(version, "modified", None) or version.date))
        self.sitemap.add(common_news_url(self.settings, self.default_lang))

    def _write_language(self, writer, lang: str, view: CatalogueView) -> None:
        settings = self.settings
        common = {"lang": lang, "ocop": view, **page_urls(settings, lang),
                  **settings["OCOP_LANGUAGE_SETTINGS"].get(lang, {})}
        if lang == self.default_lang:
            common["NEWS_URL"] = settings["INDEX_SAVE_AS"].replace("index.html", "")
        else:
            common["NEWS_URL"] = localised_path(settings, "NEWS", "URL", lang)

        everything, product_keys, producer_keys = self.catalogue_key, self.product_keys, self.producer_keys

        def products_key(products):
            """The products a list shows, in order, with their producers."""
            return [product_keys[p.slug] for p in products]

        def write(save_as, template, url, alternates, lastmod=None, depends=(everything,), in_sitemap=True,
                  lazy=None, **kwargs):
            if in_sitemap:
                self.sitemap.add(url, alternates, lastmod)
            # A page is rendered only when what it shows changed (page_cache.py).
            key = self.pages.key(lang, save_as, url, template, *depends)
            if not self.pages.reuse(save_as, key):
                kwargs.update({name: make() for name, make in (lazy or {}).items()})  # only for pages rendered
                self.jobs.append((save_as, key, template, dict(url=url, page_name=url, alternates=alternates,
                                                               **common, **kwargs)))

        def write_list(save_as, url, template, products, alternates, shared, **kwargs):
            """A paginated list: each page is a page of its own, keyed by its products and what all pages show."""
            per_page = settings["PAGINATED_TEMPLATES"].get(template) or settings["DEFAULT_PAGINATION"]
            # The same pages as Pelican's paginated writer, one job each, so that an edit renders only
            # the pages whose products changed.
            paginator = Paginator(save_as, url, products, settings, per_page)
            shared_key = digest(*shared)  # once per list: a district's pages all name its hundreds of producers
            for number in range(1, paginator.num_pages + 1):
                page = paginator.page(number)
                write(page.save_as, template, url, alternates, in_sitemap=number == 1,
                      depends=[shared_key, len(products), number, paginator.num_pages,
                               *products_key(page.object_list)],
                      products=products, products_paginator=paginator, products_page=page,
                      products_previous_page=paginator.page(number - 1) if number > 1 else None,
                      products_next_page=paginator.page(number + 1) if number < paginator.num_pages else None,
                      **kwargs)

        for product in view.products:
            write(product.save_as, product.template, product.url, self.alternates(content=product),
                  lastmod=_iso(product.record.last_verified), product=product,
                  depends=products_key([product]))
        for region in view.regions:
            write_list(region.save_as, region.url, region.template, region.products,
                       self.alternates(content=region), region=region,
                       shared=[f"{p.slug}:{producer_keys[p.slug]}" for p in region.producers])
        for producer in view.producers:
            write_list(producer.save_as, producer.url, producer.template, producer.products,
                       self.alternates(content=producer), producer=producer, shared=[producer_keys[producer.slug]])
        for group in view.groups:
            write_list(group.save_as, group.url, "group", group.products, self.alternates(content=group),
                       group=group, shared=[])
        for level in view.star_levels:
            write_list(level.save_as, level.url, "stars", level.products, self.alternates(content=level),
                       stars=level, shared=[])

        def named(name, template, **kwargs):
            write(localised_path(settings, name, "SAVE_AS", lang), template,
                  localised_path(settings, name, "URL", lang), self.alternates(name), **kwargs)

        write_list(localised_path(settings, "CATALOGUE", "SAVE_AS", lang), common["CATALOGUE_URL"], "catalogue",
                   view.products, self.alternates("CATALOGUE"),
                   shared=[view.certified_count, *[g.slug for g in view.groups if g.products],
                           *[r.slug for r in view.regions if r.products],
                           stable_repr(view.certificate_filter_options)])
        named("REGIONS", "regions")
        # The producers' index shows each producer's file, its region, how many products it has and the
        # certificates they hold: an edit to one product's description leaves it as it is.
        named("PRODUCERS", "producers", depends=[
            f"{p.slug}:{producer_keys[p.slug]}:{len(p.products)}:{'|'.join(p.certificate_types)}"
            for p in view.producers])
        named("GROUPS", "groups")
        named("STARS_INDEX", "stars_index")
        named("HOME", "home")
        named("OPEN_DATA", "open_data")
        named("SEARCH", "search")
        named("PRINT_INDEX", "print_index")
        named("LABELS", "labels")
        named("NUMBERS", "numbers", lazy={"numbers": lambda: compute_numbers(view, self.figures)})
        for scope in view.print_scopes:
            write(scope.save_as, "print_catalogue", scope.url, self.alternates("PRINT", slug=scope.slug),
                  scope=scope, products=scope.products, depends=products_key(scope.products))
        if lang != self.default_lang:
            write(localised_path(settings, "NEWS", "SAVE_AS", lang), "index", common["NEWS_URL"],
                  [(self.default_lang, common_news_url(settings, self.default_lang)),
                   *[(other, localised_path(settings, "NEWS", "URL", other))
                     for other in self.languages if other != self.default_lang]],
                  paginated={"articles": view.news}, template_name="index", articles=view.news)


def _jsonld(graph, *args) -> str:
    """The <script> of a page's JSON-LD graph."""
    return json_script(graph(*args))


def _folder(path: str) -> str:
    """`path`, made when missing."""
    os.makedirs(path, exist_ok=True)
    return path


def _iso(value) -> str | None:
    """A date or datetime as an ISO date for the sitemap."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()


def common_news_url(settings: dict, lang: str) -> str:
    """The default language's news index URL (Pelican's INDEX_SAVE_AS)."""
    return settings["INDEX_SAVE_AS"].replace("index.html", "")
