"""Shared helpers: real files in tmp_path, real Pelican builds."""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "tinh-thu"
TODAY = datetime.date(2026, 11, 29)

sys.path.insert(0, str(REPO / "plugins"))


def write(path: Path, text: str) -> Path:
    """Write dedented `text` to `path`, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def tree_digest(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file under `folder`, keyed by relative path (paths starting with `skip` left out)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and not str(p.relative_to(folder)).startswith(skip)
    }


def site_overrides(root: Path) -> dict:
    """Settings that point a copied site at this repository's theme and plugin."""
    return {"THEME": str(REPO / "theme"), "PLUGIN_PATHS": [str(REPO / "plugins")], "OCOP_MESSAGES_LANG": "en"}


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    """A writable copy of the fictional test province."""
    site = tmp_path / "site"
    # The sources only: tests that build the fixture in place leave its cache and output beside it.
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("cache", "output", ".ocop-*"))
    conf = site / "pelicanconf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + f"\nTHEME = {str(REPO / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n",
        encoding="utf-8",
    )
    return site


def build(site: Path, output: Path | None = None, **overrides) -> Path:
    """Build `site` in this process; raises BuildFailed on errors."""
    from ocop.cli.build import build as ocop_build

    output = output or site / "output"
    settings = {"OCOP_MESSAGES_LANG": "en", **overrides}
    return Path(ocop_build(str(site / "pelicanconf.py"), str(output), settings))


def run_cli(site: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m ocop ARGS` in a subprocess, from the site's folder."""
    environ = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "ocop", *args], cwd=site, env=environ, capture_output=True, text=True, timeout=300
    )


from browser import browser, page  # noqa: E402,F401  (fixtures for tests that run in Chromium)
