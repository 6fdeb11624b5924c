"""Settings for publishing on the real host: `SITEURL=https://ocop.example.gov.vn make publish`.

SITEURL is the address the site will have, with its sub-path if it is hosted under
one (https://example.gov.vn/ocop). RELATIVE_URLS=1 additionally makes every page
link relative, so the same output works from any folder or host.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    raise SystemExit("publishconf.py: set SITEURL to the site's address, e.g. SITEURL=https://ocop.example.gov.vn")
RELATIVE_URLS = os.environ.get("RELATIVE_URLS", "").lower() in ("1", "true", "yes")
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
