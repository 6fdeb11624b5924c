"""The plain-Pelican baseline: the same products as Markdown articles, Pelican's own theme, no plugin.

    python bench/plain_pelican.py SITE_DIR OUTPUT_DIR
"""

from __future__ import annotations

import os
import shutil
import sys

from synth import read_products


def main(site: str, output: str) -> None:
    """Write one .md per product, then run Pelican on them."""
    content = os.path.join(site, "plain-content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(content)
    for name, record in read_products(site):
        current = record["certificates"][-1]
        with open(os.path.join(content, name + ".md"), "w", encoding="utf-8") as handle:
            handle.write(f"Title: {record['name']}\nDate: 2024-01-01\nSlug: {name}\nCategory: {record['region']}\n"
                         f"Tags: {current['group']}\n\n{record.get('description', '')}\n")
    settings = os.path.join(site, "plainconf.py")
    with open(settings, "w", encoding="utf-8") as handle:
        handle.write(f"PATH = {content!r}\nOUTPUT_PATH = {output!r}\nPLUGINS = []\nREADERS = {{'rst': None}}\n"
                     "SITEURL = ''\nTIMEZONE = 'UTC'\nDEFAULT_PAGINATION = 24\nFEED_ALL_ATOM = None\n"
                     "CATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\n"
                     "AUTHOR_FEED_RSS = None\nDELETE_OUTPUT_DIRECTORY = True\n")
    from pelican import main as pelican_main

    sys.argv = ["pelican", "-s", settings, "-q"]
    pelican_main()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
