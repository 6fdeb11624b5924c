"""The web form's files in the output: Decap's bundle from node_modules, its own script, page and policy."""

from __future__ import annotations

import json
import os
import re

from ..core.paths import PACKAGE_DIR
from .cms import KIND_KEY, NEWS_FORMAT, config_text, formats

ADMIN_SOURCE = os.path.join(PACKAGE_DIR, "admin")
DECAP_DIST = ("decap-cms", "dist")
YAML_DIST = ("yaml", "browser", "dist")


def init_script(settings: dict) -> str:
    """admin/ocop-cms-init.js: Decap started by the form's script, which reads these formats."""
    values = {"formats": formats(settings), "news_format": NEWS_FORMAT, "kind_key": KIND_KEY}
    return ("// Made by the build (plugins/ocop/site/cms.py): read by ocop-cms.js.\n"
            "window.CMS_MANUAL_INIT = true;\n"
            f"window.OCOP_CMS = {json.dumps(values, ensure_ascii=False, sort_keys=True)};\n")


def admin_page(settings: dict) -> str:
    """admin/index.html: Decap's bundle, then the form's own script (which starts it; Decap reads config.yml
    beside the page)."""
    title = settings["OCOP_CMS_TITLE"]
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


def admin_folder(settings: dict) -> str:
    """The form's folder in the site (OCOP_CMS_PATH, no slashes), or "" when OCOP_CMS is off."""
    return str(settings.get("OCOP_CMS_PATH") or "admin").strip("/") if settings.get("OCOP_CMS") else ""


def admin_header_rules(settings: dict) -> list[tuple[str, list[str]]]:
    """The `_headers` rule that gives the form its own policy (the public pages keep the strict one)."""
    detach = ["! Content-Security-Policy"] if settings.get("OCOP_CMS_DETACH_CSP") else []
    return [(f"/{admin_folder(settings)}/*", [*detach, f"Content-Security-Policy: {admin_policy(settings)}"])]


def write_admin(settings: dict, output_path: str, place, rules: dict) -> list[str]:
    """Write the form into `output_path`/OCOP_CMS_PATH (files copied with `place(source, rel)`); its files.

    Nothing is written (an empty list) when OCOP_CMS is off or Decap is not installed.
    """
    folder = admin_folder(settings)
    files = admin_files(settings) if folder else None
    if files is None:
        return []
    texts = {
        "config.yml": config_text(settings, rules),
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
