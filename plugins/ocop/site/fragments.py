"""Fragments: the pieces every list repeats (product cards, print entries, labels), rendered once.

A product appears on the catalogue, its district, group, star level and
producer pages, the print sheets and the label sheet, in each language. Its
card or entry is the same everywhere but for the address of the site root,
which with relative URLs depends on the page's depth. So a fragment is rendered
once per product, language and arguments with a placeholder for the site root,
kept (in memory, and between builds in `cache/ocop-fragments.pickle`, keyed by
the product's and producer's files and the site-wide inputs) and completed for
each page by replacing the placeholder. Fragments are kept as UTF-8 bytes:
Python holds Vietnamese text at two bytes a character, and a fragment is mostly
ASCII markup, so bytes take about half the memory (and the cache file) for
the cost of decoding each use.

Fragments are rendered with the settings-like (upper-case) values of the page
context only, never with page-specific ones, so the same fragment is right on
every page; `OCOP_FRAGMENT_CACHE = False` renders each one in its page's own
context instead, which the tests use as the reference.
"""

from __future__ import annotations

import os

from jinja2 import pass_context
from markupsafe import Markup

from ..core.fingerprints import digest
from ..core.i18n import page_language
from ..output.build_cache import Store

SITEURL_PLACEHOLDER = "@@ocop-siteurl@@"
# The site root in a fragment kept in the search index (a card the catalogue's filters show): search.js puts
# the root of the site in its place, wherever the page showing the results is.
INDEX_ROOT = "{site-root}"
MACROS_TEMPLATE = "ocop_macros.html"


class Fragments:
    """Rendered fragments of one build, by product, language and arguments."""

    def __init__(self, site_key: str, item_key, store_path: str | None, enabled: bool = True):
        self.site_key = site_key
        self.item_key = item_key  # product -> digest of what its fragments show
        self.store_path = store_path
        self.enabled = enabled
        self.store: Store | None = None
        self.memo: dict[tuple, bytes] = {}
        self.modules: dict[str, object] = {}
        self.new: dict[str, bytes] = {}

    def load(self) -> None:
        """Read the fragments kept by earlier builds (only when some page is to be rendered)."""
        if self.store is None and self.enabled:
            self.store = Store(self.store_path, tag=self.site_key, keep_unused=True)

    def html(self, context, name: str, item, args: tuple, root: str | None = None) -> Markup:
        """The fragment `name` for `item` on the page being rendered (its site root `root`, else SITEURL)."""
        if not self.enabled:
            return in_page(context, name, item, args, root)
        lang = page_language(context)
        memo_key = (name, item.slug, lang, args)
        data = self.memo.get(memo_key)
        if data is None:
            self.load()
            key = digest(name, lang, repr(args), item.slug, self.item_key(item))
            data = self.store.get(key)
            if data is None:
                data = str(getattr(self._module(context, lang), name)(item, *args)).encode("utf-8")
                self.store.put(key, data)
                self.new[key] = data
            self.memo[memo_key] = data
        root = str(context.get("SITEURL", "")) if root is None else root
        return Markup(data.decode("utf-8").replace(SITEURL_PLACEHOLDER, root))

    def _module(self, context, lang: str):
        """The shared macros, bound to the settings of `lang` and the placeholder for the site root."""
        module = self.modules.get(lang)
        if module is None:
            values = {key: value for key, value in context.get_all().items() if key.isupper()}
            values.update(SITEURL=SITEURL_PLACEHOLDER, lang=lang)
            module = context.environment.get_template(MACROS_TEMPLATE).make_module(values)
            self.modules[lang] = module
        return module

    def merge(self, rendered: dict[str, bytes]) -> None:
        """Keep fragments a rendering worker made."""
        if self.store is not None:
            for key, text in rendered.items():
                self.store.put(key, text)

    def save(self) -> None:
        """Keep this build's fragments for the next one."""
        if self.store is not None:
            self.store.save()


@pass_context
def fragment(context, name: str, item, *args) -> Markup:
    """Template global: `{{ fragment('product_card', product, 2) }}`, the shared macro `name` for `item`."""
    fragments = context.get("ocop_fragments")
    if fragments is None:  # a page rendered outside the catalogue generator
        return in_page(context, name, item, args)
    return fragments.html(context, name, item, args)


@pass_context
def index_fragment(context, name: str, item, *args) -> Markup:
    """Template global: the fragment `name` for the search index, its links from INDEX_ROOT (see search.js)."""
    fragments = context.get("ocop_fragments")
    if fragments is None:
        return in_page(context, name, item, args, INDEX_ROOT)
    return fragments.html(context, name, item, args, INDEX_ROOT)


def in_page(context, name: str, item, args: tuple, root: str | None = None) -> Markup:
    """The fragment rendered in the page's own context, as a macro call in the page would be."""
    values = context.get_all() if root is None else {**context.get_all(), "SITEURL": root}
    module = context.environment.get_template(MACROS_TEMPLATE).make_module(values)
    return getattr(module, name)(item, *args)


def store_path(cache_root: str) -> str:
    """Where fragments are kept between builds."""
    return os.path.join(cache_root, "ocop-fragments.pickle")
