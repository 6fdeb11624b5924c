"""The web form's configuration (site/cms.py): made from the JSON Schemas, checking what `make check` checks."""

from __future__ import annotations

import re

import jsonschema
import pytest
import yaml
from conftest import REPO, build, run_cli
from ocop.cli.build import read_settings
from ocop.core.settings import apply_defaults
from ocop.output.headers import render_headers
from ocop.records.rules import load_rules
from ocop.site.cms import KINDS, cms_config, config_yaml
from ocop.site.cms_admin import admin_files, admin_page, admin_policy, meta_policy
from ocop.site.cms_fields import field, length_pattern, load_schemas, resolve, vietnamese

SCHEMAS = load_schemas()
RULES = load_rules()
COMMON = "common.schema.json"


def ref(name: str) -> dict:
    return {"$ref": f"{COMMON}#/$defs/{name}"}


def repo_config(**overrides) -> dict:
    settings = apply_defaults(read_settings(str(REPO / "pelicanconf.py"), overrides))
    return cms_config(settings, SCHEMAS, RULES)


@pytest.mark.parametrize(("name", "node", "required", "expected"), [
    ("name", ref("text"), True, {"widget": "string", "required": True}),
    ("name_en", ref("text"), False, {"widget": "string", "required": False}),
    ("description", ref("markdown"), False, {"widget": "markdown"}),
    ("last_verified", ref("last_verified"), True,
     {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False, "required": True}),
    ("stars", SCHEMAS["product.schema.json"]["properties"]["certificates"]["items"]["properties"]["stars"], True,
     {"widget": "number", "value_type": "int", "min": 3, "max": 5, "step": 1}),
    ("score", {"type": "number", "minimum": 0, "maximum": 100}, False,
     {"widget": "number", "value_type": "float", "min": 0, "max": 100}),
    ("accepts_wholesale", {"type": "boolean"}, False, {"widget": "boolean"}),
    ("region", ref("id"), True, {"widget": "relation", "collection": "districts", "value_field": "{{slug}}"}),
    ("producer", ref("id"), False, {"widget": "relation", "collection": "producers"}),
    ("decision", ref("id"), True, {"widget": "relation", "collection": "decisions"}),
    ("successors", {"type": "array", "items": ref("id")}, False,
     {"widget": "relation", "collection": "districts", "multiple": True}),
    ("sources", ref("sources"), True, {"widget": "relation", "collection": "sources", "multiple": True}),
    ("source", ref("source_ref"), False, {"widget": "relation", "collection": "sources"}),
    ("legal_form", SCHEMAS["producer.schema.json"]["properties"]["legal_form"], False, {"widget": "select"}),
    ("photos", ref("photos"), False, {"widget": "list", "max": 30}),
    ("export_markets", SCHEMAS[COMMON]["$defs"]["trade"]["properties"]["export_markets"], False,
     {"widget": "list", "max": 50}),
    ("seasonality_months", SCHEMAS[COMMON]["$defs"]["trade"]["properties"]["seasonality_months"], False,
     {"widget": "list", "max": 12}),
    ("trade", ref("trade"), False, {"widget": "object", "collapsed": True}),
])
def test_schema_types_become_widgets(name, node, required, expected):
    made = field(name, node, SCHEMAS, RULES, required)
    assert {key: made.get(key) for key in expected} == expected
    assert made["name"] == name and made["label"] == name


@pytest.mark.parametrize(("text", "expected"), [
    ("Tên tiếng Anh (English name)", "Tên tiếng Anh"),
    ("Giới thiệu sản phẩm (Markdown) (product description, Markdown)", "Giới thiệu sản phẩm (Markdown)"),
    ("Các tháng có hàng, 1–12 (months of supply)", "Các tháng có hàng, 1–12"),
    ("Số sao (3–5)", "Số sao (3–5)"),  # no English in the brackets: kept whole
    (None, ""),
])
def test_hints_are_the_vietnamese_part_of_the_description(text, expected):
    assert vietnamese(text) == expected


def test_enum_options_carry_the_rules_labels():
    group = field("group", SCHEMAS["product.schema.json"]["properties"]["certificates"]["items"]["properties"]["group"],
                  SCHEMAS, RULES, True)
    options = {option["value"]: option["label"] for option in group["options"]}
    assert options["thuc_pham"] == "Thực phẩm (qd1048, qd148) — thuc_pham"
    assert options["duoc_lieu"].startswith("Dược liệu") and "(qd148)" in options["duoc_lieu"]
    legal = field("legal_form", SCHEMAS["producer.schema.json"]["properties"]["legal_form"], SCHEMAS, RULES)
    assert {"label": "Hợp tác xã — hop_tac_xa", "value": "hop_tac_xa"} in legal["options"]
    stars = field("stars", {"type": "integer", "minimum": 3, "maximum": 5, "description": "Số sao"}, SCHEMAS, RULES)
    assert stars["hint"] == "Số sao (3 sao: 50–69 điểm; 4 sao: 70–89 điểm; 5 sao: 90–100 điểm)"


@pytest.mark.parametrize("definition", ["id", "text", "date", "url"])
@pytest.mark.parametrize("value", ["muong-ang", "Mường Ảng", "", "a" * 301, "2021-12-16", "https://x.vn/a",
                                   "tab\there", "x\u200by", "Muong-Ang", "tel:+84 215"])
def test_the_form_pattern_accepts_what_the_schema_accepts(definition, value):
    node, _ = resolve(ref(definition), SCHEMAS, COMMON)
    pattern = length_pattern(node)
    schema_says = jsonschema.Draft202012Validator({k: v for k, v in node.items() if k != "format"}).is_valid(value)
    assert bool(re.search(pattern, value)) == schema_says, (definition, value, pattern)


def test_list_items_keep_their_own_checks():
    months = field("seasonality_months", SCHEMAS[COMMON]["$defs"]["trade"]["properties"]["seasonality_months"],
                   SCHEMAS, RULES)
    assert {k: months["field"][k] for k in ("widget", "value_type", "min", "max")} == {
        "widget": "number", "value_type": "int", "min": 1, "max": 12}
    markets = field("export_markets", SCHEMAS[COMMON]["$defs"]["trade"]["properties"]["export_markets"],
                    SCHEMAS, RULES)
    assert markets["field"]["pattern"][0] == "^[A-Z]{2}$"


def test_inside_an_optional_object_nothing_is_required():
    trade = field("trade", ref("trade"), SCHEMAS, RULES, False)
    capacity = next(f for f in trade["fields"] if f["name"] == "capacity")
    assert [f["required"] for f in capacity["fields"]] == [False, False, False]
    photos = field("photos", ref("photos"), SCHEMAS, RULES, False)  # a list item an editor added is whole
    assert {f["name"]: f["required"] for f in photos["fields"]}["alt"] is True


def test_every_schema_property_has_its_field_and_every_required_one_is_required():
    config = repo_config()
    by_name = {collection["name"]: collection for collection in config["collections"]}
    for name, schema, *_ in KINDS:
        properties = SCHEMAS[f"{schema}.schema.json"]["properties"]
        fields = {f["name"]: f for f in by_name[name]["fields"]}
        assert list(fields) == list(properties), name
        required = set(SCHEMAS[f"{schema}.schema.json"]["required"])
        assert {f for f, made in fields.items() if made["required"]} == required, name


def test_collections_point_at_the_repository_folders():
    config = repo_config()
    names = {collection["name"] for collection in config["collections"]}
    for collection in config["collections"]:
        assert (REPO / collection["folder"]).is_dir(), collection["folder"]
    products = config["collections"][0]
    assert (products["folder"], products["path"], products["media_folder"]) == ("products", "{{slug}}/product", "")
    assert products["filter"] == {"field": "ocop_kind", "value": "product"}
    assert [c["folder"] for c in config["collections"][1:]] == [
        "products/_producers", "products/_regions", "products/_decisions", "products/_sources", "content/news"]

    def relations(fields):
        for made in fields:
            if made.get("widget") == "relation":
                yield made["collection"]
            yield from relations(made.get("fields") or [])
    for collection in config["collections"]:
        assert set(relations(collection["fields"])) <= names


def test_local_backend_and_its_policy():
    assert repo_config()["local_backend"] is True
    assert repo_config(OCOP_CMS_LOCAL_BACKEND=False).get("local_backend") is None
    url = "http://127.0.0.1:9123/api/v1"
    assert repo_config(OCOP_CMS_LOCAL_BACKEND=url)["local_backend"] == {"url": url}
    policy = admin_policy(apply_defaults({"OCOP_CMS_LOCAL_BACKEND": url}))
    assert "connect-src 'self' blob: http://localhost:8081 http://127.0.0.1:8081 https://api.github.com " \
           "http://127.0.0.1:9123;" in policy


def test_the_config_is_yaml_and_the_page_loads_only_its_own_scripts():
    text = config_yaml(repo_config())
    assert yaml.safe_load(text)["collections"][0]["name"] == "products"
    page = admin_page(apply_defaults({}))
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["ocop-cms-init.js", "decap-cms.js", "ocop-cms.js"]
    assert "<style" not in page and "<script>" not in page  # nothing inline: the policy needs no 'unsafe-inline' script
    assert "Content-Security-Policy" not in page  # sent as a header (_headers, nginx)
    policy = meta_policy(apply_defaults({}))
    with_meta = admin_page(apply_defaults({"OCOP_META_CSP": True}))  # GitHub Pages: no headers
    assert f'content="{policy}"' in with_meta and "frame-ancestors" not in policy and "'unsafe-eval'" in policy


def test_the_form_rule_follows_the_site_wide_one_and_leaves_it_strict():
    settings = apply_defaults({})
    text = render_headers(settings, ["admin/", "index.html"], [("/admin/*", ["Content-Security-Policy: X"])])
    site_wide, rest = text.split("\n/admin/*\n", 1)
    assert "'unsafe-eval'" not in site_wide and "'unsafe-inline'" not in site_wide
    assert rest.startswith("  Content-Security-Policy: X\n")


def test_cms_config_command_prints_what_the_build_writes(tmp_path):
    result = run_cli(REPO, "cms-config")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["collections"][0]["folder"] == "products"
    written = tmp_path / "config.yml"
    assert run_cli(REPO, "cms-config", "-o", str(written)).returncode == 0
    assert written.read_text(encoding="utf-8") == result.stdout


def test_a_build_without_node_modules_has_no_form_and_says_so_in_one_line(tiny_site):
    assert admin_files(apply_defaults({"PATH": str(tiny_site / "content")})) is None
    result = run_cli(tiny_site, "build", "-o", "output", "--no-search-index")
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "/admin/" in line]
    assert notices == ["no web form (/admin/): Decap CMS is not installed; run `npm ci` and build again "
                       "(the rest of the site is built)"]
    assert not (tiny_site / "output" / "admin").exists()


def test_a_build_with_decap_has_the_form(tiny_site):
    if not (REPO / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
        pytest.skip("decap-cms is not installed (npm ci)")
    output = build(tiny_site, tiny_site / "output", OCOP_SEARCH_INDEX=False,
                   OCOP_CMS_NODE_MODULES=str(REPO / "node_modules"))
    admin = output / "admin"
    assert {"index.html", "config.yml", "decap-cms.js", "ocop-cms.js", "ocop-cms-init.js", "yaml/index.js"} <= {
        str(p.relative_to(admin)) for p in admin.rglob("*") if p.is_file()}
    assert not any(p.name.endswith(".map") for p in admin.rglob("*"))
    assert "Disallow: /admin/" in (output / "robots.txt").read_text(encoding="utf-8")
    assert "/admin/" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    headers = (output / "_headers").read_text(encoding="utf-8")
    assert f"/admin/*\n  Content-Security-Policy: {admin_policy(apply_defaults({}))}\n" in headers
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["folder"] == "products"
