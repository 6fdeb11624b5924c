"""Settings for building the Điện Biên OCOP catalogue (development: relative URLs)."""

SITENAME = "Sản phẩm OCOP Điện Biên"
SITESUBTITLE = "Danh mục sản phẩm OCOP tỉnh Điện Biên"
# Pages link to each other with relative URLs, so the built site works from any
# folder; SITEURL stays absolute because feeds need absolute links.
SITEURL = "http://localhost:8000"
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = "theme"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

# The English site under /en/ (plugin setting; UI strings come from the .po catalogues).
OCOP_LANGUAGES = ["vi", "en"]
OCOP_LANGUAGE_SETTINGS = {
    "en": {"SITENAME": "Điện Biên OCOP Products", "SITESUBTITLE": "Catalogue of OCOP products of Điện Biên province"},
}
ARTICLE_LANG_URL = "{lang}/news/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/news/{slug}/index.html"

# Pelican loads every installed plugin when PLUGINS is unset: name them.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["ocop"]
# Markdown only: with DEFAULT_LANG "vi" docutils would warn on every build.
READERS = {"rst": None, "htm": None, "html": None}

# The records: one folder per product, plus _regions/, _producers/, _decisions/, _sources/.
OCOP_DATA_PATH = "products"

# Templates escape every value; only sanitised Markdown is marked safe.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
}

# News live under tin-tuc/; the home page belongs to the catalogue.
ARTICLE_URL = "tin-tuc/{slug}/"
ARTICLE_SAVE_AS = "tin-tuc/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
INDEX_SAVE_AS = "tin-tuc/index.html"
DIRECT_TEMPLATES = ["index"]
PAGINATED_TEMPLATES = {"index": 10}
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)
# No author, category, tag or archive pages: products are browsed by district, group and stars.
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_CATEGORY = "tin-tuc"
USE_FOLDER_AS_CATEGORY = False

# Feeds: news and products (Atom); publishconf.py sets the real host.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/tin-tuc.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Reproducible builds: no wall-clock anywhere in the output.
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# The province's OCOP targets, as data, for `make report` (section "Against the
# province's targets"). Province-wide, as the source states them: the report
# sets no per-district target. `measure` says how the catalogue can count the
# result (new_products, upgraded_3_to_4); an entry without one is shown as
# "not measurable from the catalogue". Source: report No. 17/BC-VPĐP of
# 18 January 2022, section II.1 (2022 plan), item 3 and item 4.
OCOP_TARGETS = [
    {
        "label_vi": "Phát triển mới sản phẩm OCOP",
        "label_en": "New OCOP products",
        "value": 26,
        "year": 2022,
        "measure": "new_products",
        "source": "Báo cáo số 17/BC-VPĐP ngày 18/01/2022, mục II.1.4 (bao-cao-17-bc-vpdp-2022)",
    },
    {
        "label_vi": "Nâng cấp sản phẩm từ 3 sao lên 4 sao",
        "label_en": "Products upgraded from 3 to 4 stars",
        "value": 22,
        "year": 2022,
        "measure": "upgraded_3_to_4",
        "source": "Báo cáo số 17/BC-VPĐP ngày 18/01/2022, mục II.1.4 (bao-cao-17-bc-vpdp-2022)",
    },
    {
        "label_vi": "Tổ chức kinh tế mới tham gia Chương trình OCOP (ít nhất)",
        "label_en": "New economic organisations joining the OCOP programme (at least)",
        "value": 6,
        "year": 2022,
        "source": "Báo cáo số 17/BC-VPĐP ngày 18/01/2022, mục II.1.3 (bao-cao-17-bc-vpdp-2022)",
    },
]
