"""The web form for records (Decap CMS at /admin/): its configuration made from the JSON Schemas.

Everything here is a pure function of the schemas, the rules table and the
settings: `cms_config()` gives the dict that `admin/config.yml` holds, one
collection per record kind (products, producers, districts, decisions,
sources) and one for news. Each schema property becomes a Decap widget
(`field()` in cms_fields.py): its type, enum, pattern, minimum and maximum,
required or not, and its Vietnamese description as the hint, so that what the
form refuses is what `make check` refuses. Ids of other records become relation
widgets. What the build copies into the output's admin folder is cms_admin.py's.
Nothing is kept by hand in a second copy: the configuration is made again on
every build.
"""

from __future__ import annotations

import copy
import os

import yaml

from ..core.paths import SCHEMA_DIR
from ..core.settings import data_path
from ..records.schema_check import schemas
from .cms_fields import PATTERN_MESSAGES, record_fields, vietnamese

# each record kind: (collection name, schema, folder under the data path, Vietnamese label, the field that
# names an entry (the file name is made from it), how the file name is made)
KINDS = (
    ("products", "product", "", "Sản phẩm", "name", "{{slug}}/product"),
    ("producers", "producer", "_producers", "Chủ thể", "name", None),
    ("districts", "region", "_regions", "Địa bàn (huyện, thị xã, thành phố)", "name", None),
    ("decisions", "decision", "_decisions", "Quyết định công nhận", "issuer", "{{slug}}-{{year}}-ocop"),
    ("sources", "source", "_sources", "Nguồn", "title", None),
)
# The form's own file formats (ocop-cms.js), one per record kind (`ocop-<schema>`) and one for news: they leave
# out empty values, keep the schema comment, and tell product.yaml files from the other records that share the
# products folder (the key below is set when a file is read, and never written).
NEWS_FORMAT = "ocop-news"
KIND_KEY = "ocop_kind"


def _join(*parts: str) -> str:
    """A repository path from parts, empty ones left out."""
    return "/".join(part.strip("/") for part in parts if part and part.strip("/"))


def collections(schemas: dict[str, dict], rules: dict, data_folder: str, news_folder: str) -> list[dict]:
    """Decap's collections: one per record kind, then news; folders relative to the repository."""
    result = []
    for name, schema, folder, label, identifier, path in KINDS:
        file = f"{schema}.schema.json"
        collection = {
            "name": name, "label": label, "label_singular": label.split(" (")[0],
            "description": vietnamese(schemas[file].get("description")),
            "folder": _join(data_folder, folder), "extension": "yaml",
            "format": f"ocop-{schema}",
            "create": True, "identifier_field": identifier, "summary": "{{" + identifier + "}}",
            "editor": {"preview": False},
            "fields": record_fields(file, schemas, rules),
        }
        if path:
            if "/" in path:
                collection["path"] = path
            else:
                collection["slug"] = path
        if name == "products":
            collection["filter"] = {"field": KIND_KEY, "value": "product"}
        if name in ("products", "producers"):  # photos beside the record
            collection.update(media_folder="", public_folder="")
        result.append(collection)
    result.append(news_collection(news_folder))
    return result


def news_collection(folder: str) -> dict:
    """News articles (content/news/*.md): Pelican's headers, written as YAML front matter."""
    ids = "mã, cách nhau bằng dấu phẩy"
    return {
        "name": "news", "label": "Tin tức", "label_singular": "Tin", "folder": folder, "extension": "md",
        "format": NEWS_FORMAT, "create": True, "identifier_field": "title", "slug": "{{fields.slug}}",
        "summary": "{{title}} ({{date}})", "editor": {"preview": False},
        "fields": [
            {"name": "title", "label": "title", "widget": "string", "required": True, "hint": "Tiêu đề tin",
             "pattern": ["(?=^[\\s\\S]{1,300}$)^[^\\n]*\\S[^\\n]*$", "Một dòng chữ, tối đa 300 ký tự"]},
            {"name": "slug", "label": "slug", "widget": "string", "required": True,
             "hint": "Tên tệp và địa chỉ của tin: chữ thường không dấu, số và dấu gạch ngang",
             "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", PATTERN_MESSAGES["id_format"]]},
            {"name": "date", "label": "date", "widget": "datetime", "required": True, "format": "YYYY-MM-DD",
             "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True,
             "hint": "Ngày đăng, NĂM-THÁNG-NGÀY"},
            {"name": "products", "label": "products", "widget": "string", "required": False,
             "hint": f"Sản phẩm được nhắc tới ({ids}), tên thư mục trong products/",
             "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*(, *[a-z0-9]+(-[a-z0-9]+)*)*$", "Các mã, cách nhau bằng dấu phẩy"]},
            {"name": "producers", "label": "producers", "widget": "string", "required": False,
             "hint": f"Chủ thể được nhắc tới ({ids}), tệp trong products/_producers/",
             "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*(, *[a-z0-9]+(-[a-z0-9]+)*)*$", "Các mã, cách nhau bằng dấu phẩy"]},
            {"name": "sources", "label": "sources", "widget": "string", "required": False,
             "hint": f"Nguồn ({ids}), tệp trong products/_sources/",
             "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*(, *[a-z0-9]+(-[a-z0-9]+)*)*$", "Các mã, cách nhau bằng dấu phẩy"]},
            {"name": "summary", "label": "summary", "widget": "string", "required": False,
             "hint": "Tóm tắt một dòng cho trang danh sách"},
            {"name": "body", "label": "body", "widget": "markdown", "required": True, "modes": ["raw", "rich_text"],
             "hint": "Nội dung (Markdown)"},
        ],
    }


def cms_config(settings: dict, schemas: dict[str, dict], rules: dict) -> dict:
    """The whole of admin/config.yml for these settings, schemas and rules."""
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    data = os.path.relpath(data_path(settings), root).replace(os.sep, "/")
    content = os.path.relpath(os.path.abspath(settings.get("PATH", "content")), root).replace(os.sep, "/")
    news = _join(content, (settings.get("ARTICLE_PATHS") or ["news"])[0])
    config: dict = {"backend": copy.deepcopy(settings.get("OCOP_CMS_BACKEND") or {"name": "github"})}
    local = settings.get("OCOP_CMS_LOCAL_BACKEND")
    if local:
        config["local_backend"] = {"url": local} if isinstance(local, str) else True
    config.update({
        "locale": settings.get("OCOP_CMS_LOCALE") or "vi",
        "site_url": settings.get("SITEURL") or "",
        "media_folder": _join(data, "_media"),
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(schemas, rules, "" if data == "." else data, news),
    })
    config.update(copy.deepcopy(settings.get("OCOP_CMS_OPTIONS") or {}))
    return config


def config_text(settings: dict, rules: dict) -> str:
    """admin/config.yml's text for these settings and rules (the build's and `ocop cms-config`'s)."""
    return config_yaml(cms_config(settings, schemas(), rules))


def config_yaml(config: dict) -> str:
    """admin/config.yml's text."""
    head = "# Decap CMS configuration, made by the build from plugins/ocop/schema/ (python -m ocop cms-config).\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def formats(settings: dict) -> dict[str, dict]:
    """The record formats ocop-cms.js registers: kind and first line (the schema comment) of each."""
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    data = data_path(settings)
    schema_dir = SCHEMA_DIR
    for plugins in settings.get("PLUGIN_PATHS") or ():  # the project's own copy of the plugin, when it has one
        candidate = os.path.join(root, plugins, "ocop", "schema")  # Pelican makes PLUGIN_PATHS absolute
        if os.path.isdir(candidate) and os.path.abspath(candidate).startswith(root + os.sep):
            schema_dir = candidate
            break
    found = {}
    for _name, schema, folder, *_ in KINDS:
        record_folder = os.path.join(data, folder or "slug")  # a product's folder is one below the data path
        relative = os.path.relpath(os.path.join(schema_dir, f"{schema}.schema.json"), record_folder)
        found[f"ocop-{schema}"] = {"kind": schema,
                                   "comment": f"# yaml-language-server: $schema={relative.replace(os.sep, '/')}"}
    return found


