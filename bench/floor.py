"""The floor: a minimal Jinja2 + Markdown writer over the same records, written for the benchmark.

    python bench/floor.py SITE_DIR OUTPUT_DIR

No validation, no i18n machinery, no Pelican: one product page per product and
language, one list per district and group, the catalogue paginated by 24, as
plain as a hand-written generator gets. It is what "fast" means for this data.
"""

from __future__ import annotations

import os
import shutil
import sys

import jinja2
import markdown
from synth import read_products

PAGE = jinja2.Template(
    "<!doctype html><html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{{ title }}</title>"
    "<link rel=\"stylesheet\" href=\"/theme/css/main.css\"></head><body><main><h1>{{ title }}</h1>"
    "{% if product %}<p>{{ product.stars }} sao · {{ product.group }} · {{ product.region }}</p>"
    "<div>{{ body|safe }}</div>{% endif %}"
    "{% if items %}<ul>{% for item in items %}<li><a href=\"/{{ item.url }}\">{{ item.name }}</a></li>"
    "{% endfor %}</ul>{% endif %}</main></body></html>", autoescape=True)


def write(root: str, path: str, html: str) -> None:
    """Write one page."""
    target = os.path.join(root, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(html)


def main(site: str, output: str) -> None:
    """Read the records, write the pages."""
    converter = markdown.Markdown()
    products = []
    for name, record in read_products(site):
        current = record["certificates"][-1]
        products.append({"slug": name, "name": record["name"], "region": record["region"],
                         "group": current["group"], "stars": current["stars"],
                         "body": converter.reset().convert(record.get("description", ""))})
    if os.path.exists(output):
        shutil.rmtree(output)
    pages = 0
    for lang, prefix in (("vi", ""), ("en", "en/")):
        for product in products:
            product["url"] = f"{prefix}san-pham/{product['slug']}/"
            write(output, product["url"] + "index.html",
                  PAGE.render(lang=lang, title=product["name"], product=product, body=product["body"]))
            pages += 1
        for key in ("region", "group"):
            groups: dict[str, list] = {}
            for product in products:
                groups.setdefault(product[key], []).append(product)
            for value, items in groups.items():
                write(output, f"{prefix}{key}/{value}/index.html", PAGE.render(lang=lang, title=value, items=items))
                pages += 1
        for start in range(0, len(products), 24):
            number = start // 24 + 1
            path = f"{prefix}san-pham/index.html" if number == 1 else f"{prefix}san-pham/trang/{number}/index.html"
            write(output, path, PAGE.render(lang=lang, title="Sản phẩm", items=products[start:start + 24]))
            pages += 1
    print(pages)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
