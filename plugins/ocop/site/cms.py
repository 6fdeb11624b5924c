"""The web form for records (Decap CMS at /admin/): its configuration made from the JSON Schemas.

Everything here is a pure function of the schemas, the rules table and the
settings: `cms_config()` gives the dict that `admin/config.yml` holds, one
collection per record kind (products, producers, districts, decisions,
sources) and one for news. Each schema property becomes a Decap widget
(`field()`): its type, enum, pattern, minimum and maximum, required or not,
and its Vietnamese description as the hint, so that what the form refuses is
what `make check` refuses. Ids of other records become relation widgets.

`admin_files()` lists what the build copies into the output's admin folder:
Decap's bundle from node_modules (when it is installed), the YAML library the
form's own script uses, and that script (plugins/ocop/admin/). Nothing is
kept by hand in a second copy: the configuration is made again on every build.
"""

from __future__ import annotations

import copy
import json
import os
import re

import yaml

from ..core.paths import PACKAGE_DIR, SCHEMA_DIR

ADMIN_SOURCE = os.path.join(PACKAGE_DIR, "admin")
DECAP_DIST = ("decap-cms", "dist")
YAML_DIST = ("yaml", "browser", "dist")

# id fields that name another record: property name -> collection
RELATIONS = {
    "region": "districts",
    "parent": "districts",
    "successors": "districts",
    "producer": "producers",
    "decision": "decisions",
}
# how a relation widget finds a record of each collection: (fields searched, what the menu shows)
RELATION_SEARCH = {
    "districts": (["name"], ["name"]),
    "producers": (["name"], ["name"]),
    "decisions": (["issuer", "number", "title"], ["{{slug}}", "number", "issuer"]),
    "sources": (["title", "publisher"], ["title"]),
}
# each record kind: (collection name, schema, folder under the data path, Vietnamese label, the field that
# names an entry (the file name is made from it), how the file name is made)
KINDS = (
    ("products", "product", "", "Sản phẩm", "name", "{{slug}}/product"),
    ("producers", "producer", "_producers", "Chủ thể", "name", None),
    ("districts", "region", "_regions", "Địa bàn (huyện, thị xã, thành phố)", "name", None),
    ("decisions", "decision", "_decisions", "Quyết định công nhận", "issuer", "{{slug}}-{{year}}-ocop"),
    ("sources", "source", "_sources", "Nguồn", "title", None),
)
# vocabularies of rules.yaml whose labels name an enum's values: property name -> rules key
VOCABULARIES = {
    "group": "groups",
    "legal_form": "legal_forms",
    "issuer_level": "issuer_levels",
    "type": "region_types",
    "regime": "regimes",
}
# The form's own file formats (ocop-cms.js), one per record kind (`ocop-<schema>`) and one for news: they leave
# out empty values, keep the schema comment, and tell product.yaml files from the other records that share the
# products folder (the key below is set when a file is read, and never written).
NEWS_FORMAT = "ocop-news"
KIND_KEY = "ocop_kind"


def load_schemas(folder: str = SCHEMA_DIR) -> dict[str, dict]:
    """Every `<name>.schema.json` of `folder`, keyed by file name."""
    schemas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                schemas[name] = json.load(handle)
    return schemas


def resolve(node: dict, schemas: dict[str, dict], current: str) -> tuple[dict, str]:
    """`node` with its `$ref` followed (the referring node's own keywords win); and the file it is in."""
    seen = 0
    while "$ref" in node and seen < 20:
        seen += 1
        target, _, pointer = node["$ref"].partition("#")
        file = target or current
        found = schemas[file]
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            found = found[part]
        merged = {**found, **{k: v for k, v in node.items() if k != "$ref"}}
        if "$ref" in found and "$ref" not in {k for k in node if k != "$ref"}:
            merged["$ref"] = found["$ref"]
        else:
            merged.pop("$ref", None)
        node, current = merged, file
    return node, current


def vietnamese(text: str | None) -> str:
    """The Vietnamese part of a description written "tiếng Việt (English)"."""
    text = (text or "").strip()
    match = re.fullmatch(r"(.*\S)\s+\(([^()]*)\)", text, re.S)
    return match.group(1) if match and re.search(r"[A-Za-z]", match.group(2)) else text


def length_pattern(node: dict) -> str | None:
    """A JavaScript pattern holding the string's pattern, minLength and maxLength (Decap has only patterns)."""
    pattern = node.get("pattern")
    low, high = node.get("minLength"), node.get("maxLength")
    if low is None and high is None:
        return pattern
    bounds = f"{low or 0},{'' if high is None else high}"
    return f"(?=^[\\s\\S]{{{bounds}}}$){pattern or ''}"


PATTERN_MESSAGES = {
    "id_format": "Chỉ chữ thường không dấu, số và dấu gạch ngang, ví dụ muong-ang",
    "single_line_text": "Một dòng chữ, 1–300 ký tự, không có ký tự điều khiển",
    "markdown_text": "Văn bản tối đa 20 000 ký tự, không có ký tự điều khiển",
    "date_format": "Ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-16",
    "url_format": "Địa chỉ bắt đầu bằng https://, http://, mailto: hoặc tel:",
    "gtin_format": "Đúng 13 chữ số",
    "country_code": "Mã quốc gia 2 chữ in hoa, ví dụ JP",
    "decision_number": "Số quyết định có hậu tố, ví dụ 4261/QĐ-UBND",
}


def _options(name: str, values: list, rules: dict) -> list:
    """Select options for an enum: the value with its label from rules.yaml when there is one."""
    vocabulary = rules.get(VOCABULARIES.get(name, ""), {}) or {}
    options = []
    for value in values:
        entry = vocabulary.get(value)
        label = entry.get("vi") if isinstance(entry, dict) else None
        if name == "group" and isinstance(entry, dict) and entry.get("regimes"):
            label = f"{label} ({', '.join(entry['regimes'])})"
        options.append({"label": f"{label} — {value}" if label else str(value), "value": value})
    return options


def field(name: str, node: dict, schemas: dict[str, dict], rules: dict, required: bool = False,
          current: str = "common.schema.json", optional_parent: bool = False) -> dict:
    """The Decap field for one schema property (`node`), hint and checks included.

    Inside an optional object (`optional_parent`) nothing is required: Decap would refuse a record that
    leaves the whole object out; `make check` names a half-filled one with its line.
    """
    node, current = resolve(node, schemas, current)
    required = required and not optional_parent
    out: dict = {"name": name, "label": name, "required": bool(required)}
    hint = vietnamese(node.get("description"))
    if hint:
        out["hint"] = hint
    kind = node.get("type")
    if "oneOf" in node:  # a source: the id of a file in products/_sources/ (an inline source is written in YAML)
        out.update(widget="relation", collection="sources", value_field="{{slug}}",
                   search_fields=["title", "publisher"], display_fields=["title"])
    elif name in RELATIONS and (kind == "string" or (kind == "array" and "items" in node)):
        search, display = RELATION_SEARCH[RELATIONS[name]]
        out.update(widget="relation", collection=RELATIONS[name], value_field="{{slug}}",
                   search_fields=search, display_fields=display)
        if kind == "array":
            out.update(multiple=True)
    elif "enum" in node:
        out.update(widget="select", options=_options(name, node["enum"], rules))
    elif kind in ("integer", "number"):
        out.update(widget="number", value_type="int" if kind == "integer" else "float")
        low = node.get("minimum", node.get("exclusiveMinimum"))
        if low is not None:
            out["min"] = low
        if node.get("maximum") is not None:
            out["max"] = node["maximum"]
        if kind == "integer":
            out["step"] = 1
        if name == "stars" and rules.get("stars"):  # the score band of each level, from rules.yaml
            bands = "; ".join(f"{level} sao: {entry.get('band_vi')}" for level, entry in sorted(rules["stars"].items())
                              if isinstance(entry, dict) and entry.get("band_vi"))
            out["hint"] = f"{hint} ({bands})" if bands else hint
    elif kind == "boolean":
        out["widget"] = "boolean"
    elif kind == "string" and node.get("format") == "date":
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                   picker_utc=True)
    elif kind == "string" and name == "file":  # a photo beside the record
        out.update(widget="image", choose_url=False)
    elif kind == "string":
        out["widget"] = "markdown" if (node.get("maxLength") or 0) > 300 else "string"
        if out["widget"] == "markdown":
            out.update(modes=["raw", "rich_text"], buttons=["bold", "italic", "link", "heading-three",
                                                            "bulleted-list", "numbered-list", "quote"],
                       editor_components=[])
        pattern = length_pattern(node)
        if pattern:
            out["pattern"] = [pattern, PATTERN_MESSAGES.get(node.get("x-error"), hint or "Giá trị không hợp lệ")]
    elif kind == "object":
        out.update(widget="object", collapsed=not required,
                   fields=_fields(node, schemas, rules, current, optional_parent or not required))
    elif kind == "array":
        items, items_file = resolve(node.get("items", {}), schemas, current)
        if "oneOf" in items:  # a list of sources: their ids
            out.update(widget="relation", collection="sources", value_field="{{slug}}",
                       search_fields=["title", "publisher"], display_fields=["title"], multiple=True)
        elif items.get("type") == "object":
            out.update(widget="list", collapsed=True, fields=_fields(items, schemas, rules, items_file),
                       **_counts(node))
        elif "enum" in items:
            out.update(widget="select", multiple=True, options=_options(name, items["enum"], rules), **_counts(node))
        else:
            inner = field(name.rstrip("s") or name, items, schemas, rules, True, items_file)
            inner.pop("hint", None)
            out.update(widget="list", field=inner, **_counts(node))
    else:
        out["widget"] = "string"
    return out


def _counts(node: dict) -> dict:
    """Decap's min and max for a list from minItems and maxItems."""
    counts = {}
    if node.get("minItems"):
        counts["min"] = node["minItems"]
    if node.get("maxItems"):
        counts["max"] = node["maxItems"]
    return counts


def _fields(node: dict, schemas: dict[str, dict], rules: dict, current: str,
            optional_parent: bool = False) -> list[dict]:
    """The fields of an object schema, in the schema's order."""
    required = set(node.get("required") or ())
    return [field(name, prop, schemas, rules, name in required, current, optional_parent)
            for name, prop in (node.get("properties") or {}).items()]


def record_fields(schema_file: str, schemas: dict[str, dict], rules: dict) -> list[dict]:
    """The form of one record kind: a field per property of its schema."""
    return _fields(schemas[schema_file], schemas, rules, schema_file)


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
    data = os.path.relpath(_data_path(settings, root), root).replace(os.sep, "/")
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


def _data_path(settings: dict, root: str) -> str:
    """The records folder, absolute."""
    path = settings.get("OCOP_DATA_PATH") or "products"
    return path if os.path.isabs(path) else os.path.join(root, path)


def config_yaml(config: dict) -> str:
    """admin/config.yml's text."""
    head = "# Decap CMS configuration, made by the build from plugins/ocop/schema/ (python -m ocop cms-config).\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def formats(settings: dict) -> dict[str, dict]:
    """The record formats ocop-cms.js registers: kind and first line (the schema comment) of each."""
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    data = _data_path(settings, root)
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


def init_script(settings: dict) -> str:
    """admin/ocop-cms-init.js: Decap started by the form's script, which reads these formats."""
    values = {"formats": formats(settings), "news_format": NEWS_FORMAT, "kind_key": KIND_KEY}
    return ("// Made by the build (plugins/ocop/site/cms.py): read by ocop-cms.js.\n"
            "window.CMS_MANUAL_INIT = true;\n"
            f"window.OCOP_CMS = {json.dumps(values, ensure_ascii=False, sort_keys=True)};\n")


def admin_page(settings: dict) -> str:
    """admin/index.html: Decap's bundle, then the form's own script (which starts it; Decap reads config.yml
    beside the page)."""
    title = settings.get("OCOP_CMS_TITLE") or "Biên tập hồ sơ OCOP"
    lines = ["<!doctype html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="robots" content="noindex, nofollow">', f"<title>{_escape(title)}</title>"]
    if settings.get("OCOP_META_CSP"):  # hosts without headers, as for the public pages
        lines.append(f'<meta http-equiv="Content-Security-Policy" content="{_escape(meta_policy(settings))}">')
    lines += ['<script src="ocop-cms-init.js"></script>', '<script src="decap-cms.js"></script>',
              '<script type="module" src="ocop-cms.js"></script>', "</head>", "<body></body>", "</html>"]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """Text for HTML (an attribute in double quotes too)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def meta_policy(settings: dict) -> str:
    """The form's policy for its page's <meta> (OCOP_META_CSP: hosts without headers, like the public pages):
    frame-ancestors left out, since browsers refuse it there."""
    parts = [part.strip() for part in admin_policy(settings).split(";")]
    return "; ".join(part for part in parts if part and not part.startswith("frame-ancestors"))


def node_modules(settings: dict) -> str:
    """Where the npm packages are (OCOP_CMS_NODE_MODULES, else node_modules beside the settings)."""
    path = settings.get("OCOP_CMS_NODE_MODULES") or "node_modules"
    if os.path.isabs(path):
        return path
    return os.path.join(os.path.dirname(os.path.abspath(settings.get("PATH", "."))), path)


def admin_files(settings: dict) -> dict[str, str] | None:
    """Files to copy into the admin folder (relative name -> source path); None when Decap is not installed."""
    modules = node_modules(settings)
    decap = os.path.join(modules, *DECAP_DIST)
    yaml_dist = os.path.join(modules, *YAML_DIST)
    if not os.path.isfile(os.path.join(decap, "decap-cms.js")) or not os.path.isdir(yaml_dist):
        return None
    files = {}
    for name in sorted(os.listdir(decap)):
        if name.endswith(".map") or name.startswith("cms.") or ".cms." in name or name == "cms.css":
            continue
        files[name] = os.path.join(decap, name)
    for name in sorted(os.listdir(yaml_dist)):
        if name.endswith(".js"):
            files[f"yaml/{name}"] = os.path.join(yaml_dist, name)
    for name in sorted(os.listdir(ADMIN_SOURCE)):
        files[name] = os.path.join(ADMIN_SOURCE, name)
    return files


def admin_policy(settings: dict) -> str:
    """The form's Content-Security-Policy: OCOP_CMS_CONTENT_SECURITY_POLICY, with the local backend's origin
    added to connect-src when OCOP_CMS_LOCAL_BACKEND names one."""
    policy = " ".join(str(settings.get("OCOP_CMS_CONTENT_SECURITY_POLICY") or "").split())
    local = settings.get("OCOP_CMS_LOCAL_BACKEND")
    match = re.match(r"^(https?://[^/]+)", local) if isinstance(local, str) else None
    if match and match.group(1) not in policy.split():
        policy = re.sub(r"connect-src ([^;]*)", lambda m: f"connect-src {m.group(1).strip()} {match.group(1)}",
                        policy, count=1)
    return policy


def write_admin(settings: dict, output_path: str, place) -> list[str]:
    """Write the form into `output_path`/OCOP_CMS_PATH (files copied with `place(source, rel)`); its files.

    Nothing is written (an empty list) when OCOP_CMS is off or Decap is not installed.
    """
    from ..records.rules import DEFAULT_RULES_FILE, load_rules

    files = admin_files(settings) if settings.get("OCOP_CMS") else None
    if files is None:
        return []
    folder = str(settings.get("OCOP_CMS_PATH") or "admin").strip("/")
    rules = load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)
    texts = {
        "config.yml": config_yaml(cms_config(settings, load_schemas(), rules)),
        "index.html": admin_page(settings),
        "ocop-cms-init.js": init_script(settings),
    }
    os.makedirs(os.path.join(output_path, folder), exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(output_path, folder, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    for name, source in files.items():
        place(source, f"{folder}/{name}")
    return sorted([*texts, *files])
