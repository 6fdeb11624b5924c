"""The Hugo peer's input: a Hugo site (bench/hugo) with a content file per product and language.

    python bench/hugo_content.py SITE_DIR HUGO_SITE_DIR

Reads the synthetic records of SITE_DIR (bench/synth.py) and writes HUGO_SITE_DIR:
bench/hugo's settings and layouts, then `content/vi` and `content/en` with one
Markdown file per product (front matter: name, stars, group, district, producer;
body: the description) and one `_index.md` per district, group and catalogue,
so that list pages carry the same names as ours. This is the conversion a Hugo
site of these records would need; the benchmark times it as its own row.
"""

from __future__ import annotations

import json
import os
import shutil
import sys

import yaml
from synth import read_products

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = {  # language: (catalogue section, district taxonomy, group taxonomy)
    "vi": ("san-pham", "dia-ban", "nhom"),
    "en": ("products", "districts", "groups"),
}
CATALOGUE_TITLE = {"vi": "Sản phẩm", "en": "Products"}


def load(path: str) -> dict:
    """One YAML record."""
    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def write(path: str, text: str) -> None:
    """Write a file, creating folders."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def front_matter(fields: dict) -> str:
    """YAML front matter (JSON is YAML: quoting stays exact for any name)."""
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
    return f"---\n{lines}---\n"


def group_names() -> dict[str, dict[str, str]]:
    """Group id -> {language: name}, from the national rules."""
    rules = load(os.path.join(os.path.dirname(HERE), "plugins", "ocop", "data", "rules.yaml"))
    return {key: {"vi": value["vi"], "en": value["en"]} for key, value in rules["groups"].items()}


def main(site: str, target: str) -> int:
    """Write the Hugo site; returns the number of product content files."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "hugo"), target)
    data = os.path.join(site, "products")
    regions = {name[:-5]: load(os.path.join(data, "_regions", name))["name"]
               for name in os.listdir(os.path.join(data, "_regions"))}
    producers = {name[:-5]: load(os.path.join(data, "_producers", name))["name"]
                 for name in os.listdir(os.path.join(data, "_producers"))}
    groups = group_names()
    used_groups, used_regions = set(), set()  # terms with products, as the floor lists them
    written = 0
    for slug, record in read_products(site):
        current = record["certificates"][-1]
        group = current["group"].replace("_", "-")
        used_groups.add(current["group"])
        used_regions.add(record["region"])
        for language, (section, districts, group_taxonomy) in LANGUAGES.items():
            title = record.get("name_en") if language == "en" and record.get("name_en") else record["name"]
            fields = {"title": title, "slug": slug, "translationKey": slug, "stars": current["stars"],
                      "producer": producers[record["producer"]], districts: [record["region"]],
                      group_taxonomy: [group]}
            write(os.path.join(target, "content", language, section, slug + ".md"),
                  front_matter(fields) + record.get("description", ""))
            written += 1
    for language, (section, districts, group_taxonomy) in LANGUAGES.items():
        root = os.path.join(target, "content", language)
        write(os.path.join(root, section, "_index.md"),
              front_matter({"title": CATALOGUE_TITLE[language], "translationKey": "catalogue"}))
        for region in used_regions:
            write(os.path.join(root, districts, region, "_index.md"),
                  front_matter({"title": regions[region], "translationKey": region}))
        for group in used_groups:
            write(os.path.join(root, group_taxonomy, group.replace("_", "-"), "_index.md"),
                  front_matter({"title": groups[group][language], "translationKey": group}))
    print(written)
    return written


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
