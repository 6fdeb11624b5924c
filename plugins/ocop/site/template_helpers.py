"""Jinja filters and globals the catalogue templates use."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from ..core.dates import date_in, vi_date
from ..core.i18n import page_language, translate_label
from ..records.certificates import Span
from .fragments import fragment, index_fragment


def span_date(span: Span | None) -> str:
    """One date, or `16/12/2021 – 18/01/2022` when only an interval is known."""
    if span is None:
        return ""
    if span.exact:
        return vi_date(span.earliest)
    return f"{vi_date(span.earliest)} – {vi_date(span.latest)}"


def stars_symbol(count: int, out_of: int = 5) -> str:
    """★★★☆☆ for 3 stars out of 5."""
    return "★" * int(count) + "☆" * (out_of - int(count))


@pass_context
def day(context, value) -> str:
    """A date written the way the page's language writes dates."""
    return date_in(value, page_language(context))


@pass_context
def span_day(context, span: Span | None) -> str:
    """A date, or an interval `from – to` when only that is known, in the page's language."""
    if span is None:
        return ""
    lang = page_language(context)
    if span.exact:
        return date_in(span.earliest, lang)
    return f"{date_in(span.earliest, lang)} – {date_in(span.latest, lang)}"


@pass_context
def page_lang(context) -> str:
    """The language of the page being rendered."""
    return page_language(context)


@pass_context
def named(context, content) -> Markup:
    """A content's title, marked lang="vi" on a page in another language when it has no translation."""
    title_lang = getattr(content, "title_lang", None)
    if title_lang and title_lang != page_language(context):
        return Markup('<span lang="{}">{}</span>').format(title_lang, content.title)
    return Markup.escape(content.title)


def _language_order(context) -> list[str]:
    return list(context.get("OCOP_LANGUAGES") or [context.get("DEFAULT_LANG", "vi")])


@pass_context
def page_versions(context) -> list[tuple[str, str]]:
    """(language, URL) of each translation of the page being rendered, default language first."""
    alternates = context.get("alternates")
    if alternates:
        return list(alternates)
    order = _language_order(context)
    for name in ("article", "page"):
        item = context.get(name)
        if item is not None and getattr(item, "url", None) is not None and hasattr(item, "lang"):
            versions = [(v.lang, v.url) for v in [item, *getattr(item, "translations", [])]]
            return sorted(versions, key=lambda v: order.index(v[0]) if v[0] in order else len(order))
    return []


@pass_context
def language_links(context) -> list[dict]:
    """The language switcher: this page in each language, or that language's home page."""
    from ..core.settings import localised_path

    settings = context.get("OCOP_SETTINGS") or {}
    versions = dict(page_versions(context))
    current = page_language(context)
    links = []
    # Without a translation, the other language's news index (for news) or home page.
    fallback = "NEWS" if context.get("article") is not None or context.get("articles_page") is not None else "HOME"
    for lang in _language_order(context):
        url = versions.get(lang)
        if url is None and settings:
            url = localised_path(settings, fallback, "URL", lang)
        links.append({"lang": lang, "url": url or "", "current": lang == current,
                      "label": LANGUAGE_NAMES.get(lang, lang)})
    return links


LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}

def fold_d(text: str) -> str:
    """`Điện Biên` -> `Dien Bien`: Pagefind folds tone marks itself, but keeps đ; searchers type d."""
    return str(text).replace("đ", "d").replace("Đ", "D")


def search_alias(*texts) -> Markup:
    """The đ-less spelling of `texts` for the search index only ("" when there is no đ).

    Pagefind folds tone marks but keeps "đ", while people type "dien bien". The
    spelling is put inside the element it belongs to (so it gets its weight),
    hidden from sight and from assistive technology, between ALIAS_OPEN and
    ALIAS_CLOSE, which search.js uses to leave it out of the excerpts it shows.
    """
    unique = dict.fromkeys(str(t) for t in texts if t)
    joined = " ".join(unique)
    if "đ" not in joined and "Đ" not in joined:
        return Markup("")
    return Markup('<span class="visually-hidden" aria-hidden="true"> {} {} {}</span>').format(
        ALIAS_OPEN, fold_d(joined), ALIAS_CLOSE)


ALIAS_OPEN, ALIAS_CLOSE = "⟦", "⟧"  # around a search alias; not letters, so the index drops them


# Letters only Vietnamese writes (with their tone marks): a text holding one is Vietnamese.
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ" "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")


@pass_context
def vi_lang(context, text) -> Markup:
    """` lang="vi"` for an element holding `text` (a source's title…) when it is Vietnamese on a page that is not."""
    if page_language(context) == "vi" or not text or not _VIETNAMESE_LETTERS.intersection(str(text)):
        return Markup("")
    return Markup(' lang="vi"')


def search_filter_pair(value, key: str) -> tuple[str, str]:
    """(key, value) for search_filters(), for use with Jinja's map()."""
    return (key, value)


FILTERS = {"vi_date": vi_date, "span_date": span_date, "stars_symbol": stars_symbol, "day": day,
           "span_day": span_day, "tr": translate_label,
           "named": named, "search_filter_pair": search_filter_pair, "vi_lang": vi_lang}
GLOBALS = {"fragment": fragment, "index_fragment": index_fragment, "page_lang": page_lang,
           "search_alias": search_alias, "page_versions": page_versions,
           "language_links": language_links}
