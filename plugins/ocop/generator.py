"""The Pelican generator: records in, catalogue pages out.

generate_context() reads and checks every record (all problems at once, or a
CatalogueError before anything is written), turns them into Product, Producer
and Region contents and links them to each other and to the news.
generate_output() writes the product, list, index and home pages and the feed.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
from dataclasses import dataclass, field

from pelican.generators import Generator

from .contents import Group, Producer, Product, Region, Stars
from .exports import certificate_types, write_exports
from .housekeeping import log_warnings
from .links import check_links
from .messages import message_lang
from .news import resolve_references
from .photos import DeriveStats, derive_all, publish
from .problems import CatalogueError
from .records import Catalogue, load_catalogue
from .rules import DEFAULT_RULES_FILE, load_rules
from .sanitise import MarkdownRenderer
from .settings import cache_path, data_path, today
from .slugs import fold
from .structured_data import home_graph, json_script, producer_graph, product_graph

logger = logging.getLogger(__name__)
TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")


@dataclass
class CatalogueView:
    """What templates see as `ocop`: the whole catalogue, sorted for display."""

    province: object
    today: datetime.date
    rules: dict
    products: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    producers: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    star_levels: list = field(default_factory=list)
    province_html: str = ""
    home_jsonld: str = ""
    print_scopes: list = field(default_factory=list)

    @property
    def certified_count(self) -> int:
        """How many products hold a certificate valid today."""
        return sum(1 for p in self.products if p.certified)

    def newest(self, count: int) -> list:
        """The most recently certified products, newest first."""
        return sorted(self.products, key=lambda p: (p.date, p.slug), reverse=True)[:count]


def _(text: str) -> str:
    """Mark a Vietnamese UI string for translation (catalogues are applied in templates)."""
    return text


def product_summary(record, region_name: str, rules: dict, province_name: str) -> str:
    """A one-sentence factual description built only from the record's facts."""
    current = record.current
    years = sorted({current.signed.earliest.year, current.signed.latest.year})
    year = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    group = rules["groups"][current.group]["vi"].lower()
    place = f"{region_name}, tỉnh {province_name}" if province_name else region_name
    return f"Sản phẩm OCOP {current.stars} sao (công nhận năm {year}), nhóm {group}, {place}."


def name_key(content) -> tuple:
    """Sort key for Vietnamese names: without tone marks first, then exact."""
    return (fold(content.title), content.title)


class CatalogueGenerator(Generator):
    """Reads the records folder and writes every catalogue page."""

    view: CatalogueView | None = None

    # context -----------------------------------------------------------------

    def generate_context(self):
        """Load and check the records, then build and link the content objects."""
        settings = self.settings
        rules = load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)
        root = data_path(settings)
        catalogue = load_catalogue(root, today(settings), settings.get("OCOP_VALIDITY_MONTHS"), rules, settings)
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
        self.photo_stats = self._derive_photos(catalogue)
        if catalogue.problems.errors:
            raise CatalogueError(catalogue.problems, message_lang(settings),
                                 os.path.dirname(os.path.abspath(settings["PATH"])))
        for warning in catalogue.problems.warnings:
            logger.warning(warning.format(message_lang(settings)))
        self.view = self._build(catalogue, rules, news)
        self.context["ocop"] = self.view
        # Absolute address for Open Graph images and feeds, whatever RELATIVE_URLS says.
        self.context["SITE_ABSOLUTE_URL"] = settings["SITEURL"]

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

    def _write_print_pages(self, writer) -> None:
        """Print-ready catalogues (all, per district, per group) and the QR label sheet."""
        view, settings = self.view, self.settings
        relative = settings["RELATIVE_URLS"]
        scopes = [("tat-ca", _("Tất cả sản phẩm OCOP"), view.products)]
        scopes += [(f"dia-ban-{r.slug}", r.title, r.products) for r in view.regions]
        scopes += [(f"nhom-{g.slug}", g.label("vi"), g.products) for g in view.groups if g.products]
        view.print_scopes = []
        template = self.get_template("print_catalogue")
        for slug, title, products in scopes:
            url = settings["PRINT_URL"].format(slug=slug)
            view.print_scopes.append((slug, title, url, len(products)))
            writer.write_file(settings["PRINT_SAVE_AS"].format(slug=slug), template, self.context,
                              relative_urls=relative, url=url, page_name=url, print_title=title,
                              products=products)
        writer.write_file(settings["PRINT_INDEX_SAVE_AS"], self.get_template("print_index"), self.context,
                          relative_urls=relative, url=settings["PRINT_INDEX_URL"],
                          page_name=settings["PRINT_INDEX_URL"])
        writer.write_file(settings["LABELS_SAVE_AS"], self.get_template("labels"), self.context,
                          relative_urls=relative, url=settings["LABELS_URL"], page_name=settings["LABELS_URL"])

    def _all_news(self) -> list:
        context = self.context
        return [*context.get("articles", []), *context.get("hidden_articles", []), *context.get("drafts", [])]

    def _build(self, catalogue: Catalogue, rules: dict, news: list) -> CatalogueView:
        settings = self.settings
        renderer = MarkdownRenderer(settings["OCOP_MARKDOWN_EXTENSIONS"])
        view = CatalogueView(province=catalogue.province, today=catalogue.today, rules=rules)
        if catalogue.province is not None:
            view.province_html = renderer.render(catalogue.province.description)

        regions = {}
        for record in catalogue.regions.values():
            region = Region(renderer.render(record.description), {"title": record.name, "slug": record.id},
                            settings=settings, source_path=record.path, context=self.context)
            region.record, region.products, region.producers = record, [], []
            region.description_en = renderer.render(record.description_en)
            regions[record.id] = region
            self.add_source_path(region)

        producers = {}
        for record in catalogue.producers.values():
            producer = Producer(renderer.render(record.description), {"title": record.name, "slug": record.id},
                                settings=settings, source_path=record.path, context=self.context)
            producer.record, producer.products = record, []
            producer.region = regions.get(record.region)
            producer.photos = [p for p in record.photos if p.derived is not None]
            producer.description_en = renderer.render(record.description_en)
            producers[record.id] = producer
            self.add_source_path(producer)
            if producer.region is not None:
                producer.region.producers.append(producer)

        groups = {gid: Group(gid, entry, settings) for gid, entry in rules["groups"].items()}
        stars = {level: Stars(level, entry, settings) for level, entry in rules["stars"].items()}

        products = {}
        for record in catalogue.products.values():
            current = record.current
            signed = datetime.datetime.combine(current.signed.latest, datetime.time())
            product = Product(
                renderer.render(record.description),
                {"title": record.name, "slug": record.id, "date": signed},
                settings=settings, source_path=record.path, context=self.context,
            )
            product.record = record
            product.description_en = renderer.render(record.description_en)
            product.region = regions[record.region]
            product.producer = producers.get(record.producer)
            product.group = groups[current.group]
            product.stars = current.stars
            product.stars_level = stars[current.stars]
            product.certified = record.certified
            product.validity = record.status
            product.news = []
            product.summary_text = product_summary(record, product.region.title, rules,
                                                   catalogue.province.name if catalogue.province else "")
            product.photos = [p for p in record.photos if p.derived is not None]
            product.cover = product.photos[0] if product.photos else None
            products[record.id] = product
            self.add_source_path(product)
            product.region.products.append(product)
            product.group.products.append(product)
            product.stars_level.products.append(product)
            if product.producer is not None:
                product.producer.products.append(product)

        for article in news:
            article.featured_products = sorted(
                (products[i] for i in article.featured_product_ids), key=name_key)
            article.featured_producers = sorted(
                (producers[i] for i in article.featured_producer_ids), key=name_key)
            for product in article.featured_products:
                product.news.append(article)
            for producer in article.featured_producers:
                for product in producer.products:
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
            product.jsonld = json_script(product_graph(product, site_url, rules, catalogue.province,
                                                       product.summary_text))
        for producer in producers.values():
            producer.jsonld = json_script(producer_graph(producer, site_url, rules))
            producer.certificate_types = certificate_types(producer, "vi")
        if catalogue.province is not None:
            view.home_jsonld = json_script(home_graph(catalogue.province, site_url, settings["SITENAME"]))
        view.products = sorted(products.values(), key=name_key)
        view.regions = sorted(regions.values(), key=lambda r: (
            r.record.order if r.record.order is not None else 10**6, name_key(r)))
        view.producers = sorted(producers.values(), key=name_key)
        view.groups = list(groups.values())
        view.star_levels = [stars[level] for level in sorted(stars)]
        return view

    # output ------------------------------------------------------------------

    def generate_output(self, writer):
        """Write every catalogue page, each list paginated, and the products feed."""
        view, settings = self.view, self.settings
        relative = settings["RELATIVE_URLS"]
        write = writer.write_file
        for content in (*view.products, *view.producers):
            for photo in content.photos:
                publish(photo, self.output_path, photo.prefix)

        for product in view.products:
            write(product.save_as, self.get_template(product.template), self.context,
                  relative_urls=relative, product=product, url=product.url, page_name=product.url)

        def paginated_list(save_as, url, template, products, **kwargs):
            write(save_as, self.get_template(template), self.context, relative_urls=relative,
                  paginated={"products": products}, template_name=template, url=url,
                  products=products, page_name=url, **kwargs)

        paginated_list(settings["CATALOGUE_SAVE_AS"], settings["CATALOGUE_URL"], "catalogue", view.products)
        for region in view.regions:
            paginated_list(region.save_as, region.url, region.template, region.products, region=region)
        for producer in view.producers:
            paginated_list(producer.save_as, producer.url, producer.template, producer.products,
                           producer=producer)
        for group in view.groups:
            paginated_list(group.save_as, group.url, "group", group.products, group=group)
        for level in view.star_levels:
            paginated_list(level.save_as, level.url, "stars", level.products, stars=level)

        for name in ("regions", "producers", "groups", "stars_index"):
            save_as = settings[f"{name.upper()}_SAVE_AS"]
            write(save_as, self.get_template(name), self.context, relative_urls=relative,
                  url=settings[f"{name.upper()}_URL"], page_name=settings[f"{name.upper()}_URL"])

        write(settings["HOME_SAVE_AS"], self.get_template("home"), self.context, relative_urls=relative,
              url="", page_name="")
        write(settings["OPEN_DATA_SAVE_AS"], self.get_template("open_data"), self.context, relative_urls=relative,
              url=settings["OPEN_DATA_URL"], page_name=settings["OPEN_DATA_URL"])
        write_exports(view, settings["SITEURL"], self.output_path, settings)
        self._write_print_pages(writer)

        if settings.get("PRODUCTS_FEED_ATOM"):
            newest = view.newest(len(view.products))
            writer.write_feed(newest, self.context, settings["PRODUCTS_FEED_ATOM"],
                              settings.get("PRODUCTS_FEED_ATOM_URL") or settings["PRODUCTS_FEED_ATOM"],
                              feed_title="OCOP")

