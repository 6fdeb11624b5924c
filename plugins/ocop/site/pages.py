"""The catalogue's pages: every page a job keyed by what it shows, lists paginated, then sitemap, feed, exports."""

from __future__ import annotations

import datetime
import logging
import os
import urllib.parse

from pelican.paginator import Paginator

from ..core.fingerprints import digest, stable_repr
from ..core.settings import cache_path, localised_path, page_urls
from ..core.workers import run_all, worker_count
from ..output.headers import write_headers
from ..output.page_cache import PageCache
from ..output.photos import publish
from ..output.rendering import WrittenFiles
from .cms_admin import admin_folder, admin_header_rules, write_admin
from .exports import write_exports
from .fragments import Fragments
from .fragments import store_path as fragment_store
from .numbers import compute_numbers
from .sitemap import Sitemap
from .view import CatalogueView

logger = logging.getLogger(__name__)


class PageWriter:
    """The part of the catalogue generator that writes pages (Pelican's generate_output)."""

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
        admin = admin_folder(settings)
        self.sitemap.write(self.output_path, disallow=[f"/{admin}/"] if admin else [])
        # Hosts serve 404.html at whatever URL was missing: links are root-relative so they work anywhere.
        root_path = urllib.parse.urlsplit(settings["SITEURL"]).path.rstrip("/")
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False,
                          lang=self.default_lang, ocop=self.view, url="404.html", page_name="404.html",
                          SITEURL=root_path, **page_urls(settings, self.default_lang))
        self._write_everything_files(writer)
        form = write_admin(settings, self.output_path, self.pages.place, self.view.rules)
        write_headers(settings, self.output_path, self.pages.kept_files(), admin_header_rules(settings) if form else [])
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
        # The producers' index shows each producer's file, its region, how many products it has (and how many
        # are valid today, which also orders the list) and the certificates they hold: an edit to one
        # product's description leaves it as it is.
        named("PRODUCERS", "producers", depends=[
            f"{p.slug}:{producer_keys[p.slug]}:{len(p.products)}:{p.valid_count}:{'|'.join(p.certificate_types)}"
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
            write(scope.save_as, "print_catalogue", scope.url, scope.alternates,
                  scope=scope, products=scope.products, depends=products_key(scope.products))
        if lang != self.default_lang:
            write(localised_path(settings, "NEWS", "SAVE_AS", lang), "index", common["NEWS_URL"],
                  [(self.default_lang, common_news_url(settings, self.default_lang)),
                   *[(other, localised_path(settings, "NEWS", "URL", other))
                     for other in self.languages if other != self.default_lang]],
                  paginated={"articles": view.news}, template_name="index", articles=view.news)


def _iso(value) -> str | None:
    """A date or datetime as an ISO date for the sitemap."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()


def common_news_url(settings: dict, lang: str) -> str:
    """The default language's news index URL (Pelican's INDEX_SAVE_AS)."""
    return settings["INDEX_SAVE_AS"].replace("index.html", "")
