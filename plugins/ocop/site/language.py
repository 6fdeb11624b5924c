"""The content objects of one language: products, producers, regions, groups and star levels, linked."""

from __future__ import annotations

import datetime
import functools

from pelican.utils import set_date_tzinfo

from ..core.settings import localised_path, print_slug
from ..records.model import Catalogue
from .contents import Group, Producer, Product, Region, Stars
from .exports import certificate_types
from .structured_data import home_graph, json_script, producer_graph, product_graph
from .view import (
    CatalogueView,
    PrintScope,
    certificate_filter_labels,
    certificate_filters,
    display_name,
    in_language,
    name_key,
    producer_order,
    producer_state,
    product_summary,
)


class LanguageViews:
    """The part of the catalogue generator that makes each language's content objects."""

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
            if kind is Producer and title_lang == "vi":
                title = display_name(title)  # one spelling of the legal form; the record keeps the sources' name
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
            publisher = settings.get("OCOP_PUBLISHER")
            if isinstance(publisher, dict):
                publisher = publisher.get(default)
            view.home_jsonld = json_script(home_graph(catalogue.province, site_url, settings["SITENAME"], publisher))
        for producer in producers.values():
            producer.certificate_types = certificate_types(producer, lang)
            producer.valid_count = sum(1 for p in producer.products if p.certified)
            producer.state = producer_state(producer)
        view.products = sorted(products.values(), key=name_key)
        view.regions = sorted(regions.values(), key=lambda r: (
            r.record.order if r.record.order is not None else 10**6, name_key(r)))
        view.producers = sorted(producers.values(), key=producer_order)
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
        scopes = [PrintScope("all", "all", None, view.products)]
        scopes += [PrintScope(r.slug, "region", r, r.products) for r in view.regions]
        scopes += [PrintScope(g.slug, "group", g, g.products) for g in view.groups if g.products]
        for scope in scopes:
            slugs = {lang: print_slug(self.settings, lang, scope.kind, scope.slug) for lang in self.languages}
            scope.alternates = [(lang, localised_path(self.settings, "PRINT", "URL", lang, slug=slugs[lang]))
                                for lang in self.languages]
            scope.url = dict(scope.alternates)[view.lang]
            scope.save_as = localised_path(self.settings, "PRINT", "SAVE_AS", view.lang, slug=slugs[view.lang])
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


def _jsonld(graph, *args) -> str:
    """The <script> of a page's JSON-LD graph."""
    return json_script(graph(*args))
