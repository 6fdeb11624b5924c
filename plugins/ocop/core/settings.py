"""Every setting of the plugin with its default, in one place."""

from __future__ import annotations

import datetime
import os

DEFAULTS = {
    # where the records live, relative to the settings file's folder (or absolute)
    "OCOP_DATA_PATH": "products",
    # the national rules table; another file can correct or extend it
    "OCOP_RULES_FILE": None,
    # certificates last this many months from signing, unless a record says otherwise
    "OCOP_VALIDITY_MONTHS": None,  # None: take it from the rules table (36)
    # "today" for validity: an ISO date; None means SOURCE_DATE_EPOCH, else the build date
    "OCOP_TODAY": None,
    # language of editors' messages: "vi" or "en"; None reads OCOP_LANG / LANG
    "OCOP_MESSAGES_LANG": None,
    # Markdown extensions for descriptions (output is always sanitised)
    "OCOP_MARKDOWN_EXTENSIONS": ["sane_lists", "smarty"],
    # photos: widths of the responsive derivatives, quality, and limits on what editors commit
    "OCOP_PHOTO_WIDTHS": [320, 640, 1280],
    "OCOP_PHOTO_WEBP_QUALITY": 80,
    "OCOP_PHOTO_JPEG_QUALITY": 82,
    "OCOP_PHOTO_MAX_MEGAPIXELS": 100,
    "OCOP_PHOTO_MAX_BYTES": 30_000_000,
    "OCOP_PHOTO_WORKERS": None,  # None: one per core
    "OCOP_PHOTOS_SAVE_AS": "anh/{kind}/{slug}",  # folder of a record's derivatives in the output
    "OCOP_QR_SAVE_AS": "qr/{slug}.{hash}.svg",  # a product's QR code (content-addressed: cache it forever)
    # open data, printable pages
    "OPEN_DATA_URL": "du-lieu/",
    "OPEN_DATA_SAVE_AS": "du-lieu/index.html",
    "OCOP_EXPORT_JSON": "du-lieu/catalogue.json",
    "OCOP_EXPORT_SCHEMA": "du-lieu/catalogue.schema.json",
    "OCOP_EXPORT_PRODUCTS_CSV": "du-lieu/products.csv",
    "OCOP_EXPORT_PRODUCERS_CSV": "du-lieu/producers.csv",
    "PRINT_URL": "in/{slug}/",
    "PRINT_SAVE_AS": "in/{slug}/index.html",
    "PRINT_INDEX_URL": "in/",
    "PRINT_INDEX_SAVE_AS": "in/index.html",
    "LABELS_URL": "in/nhan-qr/",
    "LABELS_SAVE_AS": "in/nhan-qr/index.html",
    # who publishes this site, as the footer names it: a text, or {"vi": …, "en": …}; None: the footer names no
    # publisher and says only where the data comes from (never that the province's office publishes it)
    "OCOP_PUBLISHER": None,
    # the {slug} of each print sheet (PRINT_URL), by language: all products, one district's, one group's
    "OCOP_PRINT_SLUGS": {
        "vi": {"all": "tat-ca", "region": "dia-ban-{slug}", "group": "nhom-{slug}"},
        "en": {"all": "all", "region": "district-{slug}", "group": "group-{slug}"},
    },
    # "OCOP in numbers": counts from the records beside the figures of products/_figures.yaml
    "NUMBERS_URL": "so-lieu/",
    "NUMBERS_SAVE_AS": "so-lieu/index.html",
    # security: the Content-Security-Policy every page is built to satisfy (no inline script or
    # style; WebAssembly for the search index), sent by hosts that read _headers, and as a
    # <meta> fallback for hosts without header control when OCOP_META_CSP is true
    "OCOP_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    ),
    # directives that only work in a header (browsers ignore them in <meta>, with a console error):
    # added to the policy in _headers and nginx, never to the <meta> fallback
    "OCOP_CSP_HEADER_ONLY": "frame-ancestors 'none'",
    "OCOP_META_CSP": False,  # also set by the environment variable OCOP_META_CSP=1 (GitHub Pages)
    # the other security headers hosts send with every file (headers.py writes them into `_headers`
    # for Netlify and Cloudflare Pages; deploy/nginx-ocop.conf sends the same); None: left out, except
    # Content-Security-Policy, where None means OCOP_CONTENT_SECURITY_POLICY
    "OCOP_SECURITY_HEADERS": {
        "Content-Security-Policy": None,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": (
            "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), "
            "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()"
        ),
        "X-Frame-Options": "DENY",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "Cross-Origin-Opener-Policy": "same-origin",
    },
    # Cache-Control: photo derivatives have the hash of their bytes in their names (a year, immutable);
    # pages, feeds and data change with every (daily) build
    "OCOP_CACHE_CONTROL_IMMUTABLE": "public, max-age=31536000, immutable",
    "OCOP_CACHE_CONTROL_PAGES": "public, max-age=300, must-revalidate",
    # the Netlify / Cloudflare Pages headers file at the output root ("" or None: not written)
    "OCOP_HEADERS_FILE": "_headers",
    # build the Pagefind search index after the pages (search page and catalogue filters use it)
    "OCOP_SEARCH_INDEX": True,
    # Take pages whose inputs did not change from the previous output (page_cache.py).
    "OCOP_INCREMENTAL": True,
    # Pages are rendered (and record files read) by this many processes (None: one per core) when at least
    # OCOP_PARALLEL_MIN_PAGES of them must be rendered (workers.py).
    "OCOP_RENDER_WORKERS": None,
    "OCOP_PARALLEL_MIN_PAGES": 200,
    # Cards, print entries and labels rendered once per product and language, kept between builds (fragments.py).
    "OCOP_FRAGMENT_CACHE": True,
    # A preview build (`make serve`) keeps the last search index rather than rebuilding it.
    "OCOP_PREVIEW": False,
    # how many newest products the home page shows
    "OCOP_HOME_PRODUCTS": 8,
    # the site's languages: the first is DEFAULT_LANG's, at the root; the others under /{lang}/
    "OCOP_LANGUAGES": ["vi", "en"],
    # settings that differ per language, e.g. {"en": {"SITENAME": "…", "SITESUBTITLE": "…"}}
    "OCOP_LANGUAGE_SETTINGS": {},
    # URLs and output files, like Pelican's ARTICLE_URL / ARTICLE_SAVE_AS; *_LANG_* are the
    # other languages' (with {lang}), like Pelican's ARTICLE_LANG_URL
    "HOME_URL": "",
    "HOME_SAVE_AS": "index.html",
    "HOME_LANG_URL": "{lang}/",
    "HOME_LANG_SAVE_AS": "{lang}/index.html",
    "SEARCH_URL": "tim-kiem/",
    "SEARCH_SAVE_AS": "tim-kiem/index.html",
    "SEARCH_LANG_URL": "{lang}/search/",
    "SEARCH_LANG_SAVE_AS": "{lang}/search/index.html",
    "NEWS_LANG_URL": "{lang}/news/",
    "NEWS_LANG_SAVE_AS": "{lang}/news/index.html",
    "PRODUCT_LANG_URL": "{lang}/products/{slug}/",
    "PRODUCT_LANG_SAVE_AS": "{lang}/products/{slug}/index.html",
    "CATALOGUE_LANG_URL": "{lang}/products/",
    "CATALOGUE_LANG_SAVE_AS": "{lang}/products/index.html",
    "PRODUCER_LANG_URL": "{lang}/producers/{slug}/",
    "PRODUCER_LANG_SAVE_AS": "{lang}/producers/{slug}/index.html",
    "PRODUCERS_LANG_URL": "{lang}/producers/",
    "PRODUCERS_LANG_SAVE_AS": "{lang}/producers/index.html",
    "REGION_LANG_URL": "{lang}/districts/{slug}/",
    "REGION_LANG_SAVE_AS": "{lang}/districts/{slug}/index.html",
    "REGIONS_LANG_URL": "{lang}/districts/",
    "REGIONS_LANG_SAVE_AS": "{lang}/districts/index.html",
    "GROUP_LANG_URL": "{lang}/groups/{slug}/",
    "GROUP_LANG_SAVE_AS": "{lang}/groups/{slug}/index.html",
    "GROUPS_LANG_URL": "{lang}/groups/",
    "GROUPS_LANG_SAVE_AS": "{lang}/groups/index.html",
    "STARS_LANG_URL": "{lang}/stars/{slug}-stars/",
    "STARS_LANG_SAVE_AS": "{lang}/stars/{slug}-stars/index.html",
    "STARS_INDEX_LANG_URL": "{lang}/stars/",
    "STARS_INDEX_LANG_SAVE_AS": "{lang}/stars/index.html",
    "OPEN_DATA_LANG_URL": "{lang}/open-data/",
    "OPEN_DATA_LANG_SAVE_AS": "{lang}/open-data/index.html",
    "PRINT_LANG_URL": "{lang}/print/{slug}/",
    "PRINT_LANG_SAVE_AS": "{lang}/print/{slug}/index.html",
    "PRINT_INDEX_LANG_URL": "{lang}/print/",
    "PRINT_INDEX_LANG_SAVE_AS": "{lang}/print/index.html",
    "LABELS_LANG_URL": "{lang}/print/qr-labels/",
    "LABELS_LANG_SAVE_AS": "{lang}/print/qr-labels/index.html",
    "NUMBERS_LANG_URL": "{lang}/numbers/",
    "NUMBERS_LANG_SAVE_AS": "{lang}/numbers/index.html",
    "PRODUCT_URL": "san-pham/{slug}/",
    "PRODUCT_SAVE_AS": "san-pham/{slug}/index.html",
    "CATALOGUE_URL": "san-pham/",
    "CATALOGUE_SAVE_AS": "san-pham/index.html",
    "PRODUCER_URL": "chu-the/{slug}/",
    "PRODUCER_SAVE_AS": "chu-the/{slug}/index.html",
    "PRODUCERS_URL": "chu-the/",
    "PRODUCERS_SAVE_AS": "chu-the/index.html",
    "REGION_URL": "dia-ban/{slug}/",
    "REGION_SAVE_AS": "dia-ban/{slug}/index.html",
    "REGIONS_URL": "dia-ban/",
    "REGIONS_SAVE_AS": "dia-ban/index.html",
    "GROUP_URL": "nhom/{slug}/",
    "GROUP_SAVE_AS": "nhom/{slug}/index.html",
    "GROUPS_URL": "nhom/",
    "GROUPS_SAVE_AS": "nhom/index.html",
    "STARS_URL": "hang-sao/{slug}-sao/",
    "STARS_SAVE_AS": "hang-sao/{slug}-sao/index.html",
    "STARS_INDEX_URL": "hang-sao/",
    "STARS_INDEX_SAVE_AS": "hang-sao/index.html",
    "PRODUCTS_FEED_ATOM": "feeds/san-pham.atom.xml",
    "PRODUCTS_FEED_ATOM_URL": None,  # None: same as the path
    # items per page of product lists (catalogue, region, group, star, producer pages)
    "OCOP_PRODUCTS_PER_PAGE": 24,
    # The web form for records (Decap CMS, site/cms.py) at /admin/: its configuration is made from the JSON
    # Schemas on every build; Decap's bundle is copied from node_modules (`npm ci`), and a build without it
    # has no admin folder (the build says so in one line).
    "OCOP_CMS": True,
    "OCOP_CMS_PATH": "admin",  # the folder in the output (kept out of the sitemap, the search index and robots)
    "OCOP_CMS_NODE_MODULES": "node_modules",  # relative to the project root (the settings file's folder)
    "OCOP_CMS_LOCALE": "vi",
    "OCOP_CMS_TITLE": "Biên tập hồ sơ OCOP",  # the form's page title
    # where the form commits on a deployed site; Decap's GitHub backend needs an OAuth proxy (base_url), see
    # docs/editors-guide.md, e.g. {"name": "github", "repo": "owner/ocop", "branch": "main",
    # "base_url": "https://oauth.example.gov.vn"}
    "OCOP_CMS_BACKEND": {"name": "github", "repo": "", "branch": "main"},
    # `make edit`: on localhost Decap talks to decap-server instead (True: its default
    # http://localhost:8081/api/v1; a URL: that one, also from the environment variable of that name; False: never)
    "OCOP_CMS_LOCAL_BACKEND": True,
    # The form's own Content-Security-Policy, sent for /admin/* only (_headers, nginx): Decap needs inline
    # styles (emotion), 'unsafe-eval' (its config validator compiles code), blob: and data: images (previews)
    # and to talk to its backend (decap-server on localhost, api.github.com); the public pages keep
    # OCOP_CONTENT_SECURITY_POLICY.
    "OCOP_CMS_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; "
        "connect-src 'self' blob: http://localhost:8081 http://127.0.0.1:8081 https://api.github.com; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    # more of Decap's top-level options, merged into admin/config.yml as they are, e.g.
    # {"publish_mode": "editorial_workflow"} (each save a pull request; GitHub backend only)
    "OCOP_CMS_OPTIONS": {},
    # Cloudflare Pages joins the values of a header set by several matching rules; True writes
    # `! Content-Security-Policy` in the /admin/* rule so that only the form's policy applies there
    # (Netlify takes the later rule's value by itself and does not know the `!` line).
    "OCOP_CMS_DETACH_CSP": False,
}


def apply_defaults(settings: dict) -> dict:
    """Fill in every plugin setting the site did not set; returns the same dict."""
    if "OCOP_META_CSP" not in settings and os.environ.get("OCOP_META_CSP"):
        settings["OCOP_META_CSP"] = os.environ["OCOP_META_CSP"].strip().lower() in ("1", "true", "yes", "on")
    if "OCOP_CMS_LOCAL_BACKEND" not in settings and os.environ.get("OCOP_CMS_LOCAL_BACKEND"):  # `make edit`
        settings["OCOP_CMS_LOCAL_BACKEND"] = os.environ["OCOP_CMS_LOCAL_BACKEND"]
    for key, value in DEFAULTS.items():
        settings.setdefault(key, list(value) if isinstance(value, list) else value)
    # List templates paginate like Pelican's index: register them once.
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    for name in ("catalogue", "region", "group", "stars", "producer"):
        paginated.setdefault(name, settings["OCOP_PRODUCTS_PER_PAGE"])
    settings["PAGINATED_TEMPLATES"] = paginated
    # the default language's news index is Pelican's own index page
    settings.setdefault("NEWS_URL", str(settings.get("INDEX_SAVE_AS", "index.html")).replace("index.html", ""))
    return settings


# Pages that exist once per language; each has NAME_URL / NAME_SAVE_AS settings.
PAGE_NAMES = ("HOME", "SEARCH", "CATALOGUE", "PRODUCERS", "REGIONS", "GROUPS", "STARS_INDEX", "OPEN_DATA",
              "PRINT_INDEX", "LABELS", "NUMBERS")


def localised_path(settings: dict, name: str, key: str, lang: str, **values) -> str:
    """`name`'s URL or SAVE_AS (`key`) in `lang`: NAME_KEY in the default language, NAME_LANG_KEY otherwise."""
    default = settings.get("DEFAULT_LANG", "vi")
    template = settings[f"{name}_{key}"] if lang == default else settings[f"{name}_LANG_{key}"]
    return template.format(lang=lang, **values)


def print_slug(settings: dict, lang: str, kind: str, slug: str = "") -> str:
    """The {slug} of a print sheet (`kind` all, region or group) in `lang`; the default language's when unset."""
    slugs = settings["OCOP_PRINT_SLUGS"]
    patterns = slugs.get(lang) or slugs[settings.get("DEFAULT_LANG", "vi")]
    return patterns[kind].format(slug=slug)


def page_urls(settings: dict, lang: str) -> dict:
    """Every per-language page's URL for templates, keyed like the settings (CATALOGUE_URL…)."""
    return {f"{name}_URL": localised_path(settings, name, "URL", lang) for name in PAGE_NAMES}


def data_path(settings: dict) -> str:
    """Absolute path of the records folder."""
    path = settings["OCOP_DATA_PATH"]
    if os.path.isabs(path):
        return path
    base = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    return os.path.join(base, path)


def cache_path(settings: dict) -> str:
    """Absolute path of Pelican's cache folder (relative paths are taken from the project root)."""
    path = settings.get("CACHE_PATH") or "cache"
    if os.path.isabs(path):
        return path
    return os.path.join(os.path.dirname(os.path.abspath(settings.get("PATH", "."))), path)


def security_headers(settings: dict) -> dict[str, str]:
    """OCOP_SECURITY_HEADERS with the Content-Security-Policy filled in and empty values left out.

    The header's policy is OCOP_CONTENT_SECURITY_POLICY (the one the <meta> fallback
    carries) followed by OCOP_CSP_HEADER_ONLY (frame-ancestors, which only a header can set).
    """
    headers = {}
    for name, value in (settings.get("OCOP_SECURITY_HEADERS") or {}).items():
        if value is None and name.lower() == "content-security-policy":
            parts = (settings.get("OCOP_CONTENT_SECURITY_POLICY"), settings.get("OCOP_CSP_HEADER_ONLY"))
            value = "; ".join(str(part).strip().rstrip(";") for part in parts if part)
        if value:
            headers[name] = " ".join(str(value).split())
    return headers


def today(settings: dict, environ: dict | None = None) -> datetime.date:
    """The date validity is judged on: OCOP_TODAY, else SOURCE_DATE_EPOCH, else now (UTC)."""
    environ = os.environ if environ is None else environ
    value = settings.get("OCOP_TODAY")
    if value:
        return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.now(datetime.UTC).date()
