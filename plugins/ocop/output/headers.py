"""HTTP response headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages).

The security headers come from the settings (`OCOP_SECURITY_HEADERS`, whose
Content-Security-Policy is `OCOP_CONTENT_SECURITY_POLICY`, the policy every
page is built to satisfy) and apply to every file. Cache-Control is set per
folder so that no two rules that match one path both set it: Cloudflare Pages
joins the values of a header set by several matching rules with a comma, which
would turn `immutable` plus `max-age=300` into nonsense. Photo derivatives and
QR codes (their names carry the hash of their bytes) are cached for a year; every other
top-level folder and file of the output briefly, since each daily build changes
pages, feeds and open data. `deploy/nginx-ocop.conf` sends the same headers from
nginx; docs/security.md explains each one and the `<meta>` fallback.
"""

from __future__ import annotations

import os

from ..core.settings import security_headers

HEADER = (
    "# HTTP headers for Netlify and Cloudflare Pages, written by the OCOP plugin (plugins/ocop/headers.py)\n"
    "# from the settings OCOP_SECURITY_HEADERS and OCOP_CONTENT_SECURITY_POLICY; see docs/security.md.\n"
)


def immutable_folders(settings: dict) -> list[str]:
    """Top-level output folders whose files never change: photo derivatives (`anh/{kind}/{slug}`, their
    names carry the hash of their bytes) and any other `OCOP_*_SAVE_AS` whose file name has a `{hash}`
    (the QR codes, `qr/{slug}.{hash}.svg`)."""
    patterns = [str(settings.get("OCOP_PHOTOS_SAVE_AS") or "")]
    patterns += [str(value) for key, value in sorted(settings.items())
                 if key.startswith("OCOP_") and key.endswith("_SAVE_AS") and "{hash}" in str(value or "")]
    folders = []
    for pattern in patterns:
        first = pattern.strip("/").split("/", 1)[0]
        if "/" in pattern.strip("/") and first and "{" not in first and first not in folders:
            folders.append(first)
    return folders


def cache_rules(settings: dict, top_level: list[str]) -> list[tuple[str, str]]:
    """(path pattern, Cache-Control) pairs; `top_level`: the output's top-level names, folders ending in `/`."""
    rules = []
    immutable = immutable_folders(settings) if settings.get("OCOP_CACHE_CONTROL_IMMUTABLE") else []
    rules += [(f"/{folder}/*", settings["OCOP_CACHE_CONTROL_IMMUTABLE"]) for folder in immutable]
    short = settings.get("OCOP_CACHE_CONTROL_PAGES")
    if short:
        rules.append(("/", short))
        for name in top_level:
            if name.rstrip("/") in immutable or name.startswith(("_", ".")):
                continue
            rules.append((f"/{name}*" if name.endswith("/") else f"/{name}", short))
    return rules


def render_headers(settings: dict, top_level: list[str], extra=()) -> str:
    """The text of the `_headers` file; `extra`: (path pattern, header lines) rules after the site-wide one."""
    lines = [HEADER, "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(settings).items()]
    for pattern, rule in extra:  # after /*: Netlify takes the later rule's value of a header
        lines += ["", pattern, *(f"  {line}" for line in rule)]
    for pattern, value in cache_rules(settings, top_level):
        lines += ["", pattern, f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def write_headers(settings: dict, output_path: str, kept=(), extra=()) -> str | None:
    """Write the `_headers` file at the root of `output_path`; returns its path (None when disabled).

    Called at the end of the catalogue's output, when the pages are written; the
    theme's static folder (copied afterwards by Pelican) is added by name, and so
    are the files an incremental build keeps in the previous output (`kept`,
    relative paths). `extra` rules follow the site-wide one (the web form's own policy).
    """
    name = settings.get("OCOP_HEADERS_FILE")
    if not name:
        return None
    entries = {rel.split("/", 1)[0] + "/" if "/" in rel else rel for rel in kept}
    for entry in os.scandir(output_path):
        if entry.name != name:
            entries.add(entry.name + "/" if entry.is_dir() else entry.name)
    theme_static = str(settings.get("THEME_STATIC_DIR") or "").strip("/").split("/", 1)[0]
    if theme_static:
        entries.add(theme_static + "/")
    path = os.path.join(output_path, name)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(render_headers(settings, sorted(entries), extra))
    return path
