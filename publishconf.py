"""Settings for publishing: absolute URLs on the real host.

Set SITEURL with the environment (e.g. `SITEURL=https://ocop.example.gov.vn make publish`);
for hosting under a sub-path use the full URL with the path, or RELATIVE_URLS=1 to
produce a site that works from any folder.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = os.environ.get("RELATIVE_URLS", "") not in ("", "0", "false") or not SITEURL
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
