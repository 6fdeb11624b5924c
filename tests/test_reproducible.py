"""Reproducible builds: the same commit gives a byte-identical output/, whoever builds it, wherever.

Each pair of builds differs in everything that must not matter: the folder the
site is in and the output folder, the Python hash seed (set and dict order), the
time zone, the locale, the umask (file modes), the number of photo workers and a
cold photo cache. "Today" comes from OCOP_TODAY or SOURCE_DATE_EPOCH, never the
clock.

Known exception: Pagefind 1.5 writes its filter and metadata indexes from hash
maps, in a different order on each run (upstream: "Other files will still
change, such as the filter/metadata indexes", Pagefind/pagefind#638), so those
files and the entry file that names them are compared in a separate test,
expected to fail until Pagefind orders them.
"""

from __future__ import annotations

import datetime
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO

PAGEFIND_UNSTABLE = ("pagefind/filter/*", "pagefind/pagefind.*.pf_meta", "pagefind/pagefind-entry.json")


def digest(folder: Path) -> dict[str, tuple[str, str]]:
    """sha256 and permission bits of every file and folder under `folder`."""
    result = {}
    for path in sorted(folder.rglob("*")):
        mode = oct(path.stat().st_mode & 0o7777)
        content = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        result[str(path.relative_to(folder))] = (content, mode)
    return result


def split(found: dict) -> tuple[dict, dict]:
    """(everything else, Pagefind's unstable indexes)."""
    unstable = {k: v for k, v in found.items() if any(fnmatch.fnmatch(k, p) for p in PAGEFIND_UNSTABLE)}
    return {k: v for k, v in found.items() if k not in unstable}, unstable


def build_cli(site: Path, output: Path, *, seed: str, tz: str, umask: int, env: dict | None = None) -> Path:
    """`python -m ocop build -o output` from `site`, in a subprocess with its own environment."""
    environ = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en", "PYTHONHASHSEED": seed,
               "TZ": tz, "LC_ALL": "C.UTF-8", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "ocop", "build", "-o", str(output)], cwd=site, env=environ,
                            capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    return output


def copy_fixture(target: Path, workers: int) -> Path:
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("cache", "output"))
    conf = target / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nTHEME = {str(REPO / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\nOCOP_PHOTO_WORKERS = {workers}\n", encoding="utf-8")
    return target


def add_photos(site: Path) -> None:
    from test_photos import add_photos as list_photos
    from test_photos import phone_jpeg

    folder = site / "products/tra-hoa-vang"
    phone_jpeg(folder / "anh-1.jpg")
    phone_jpeg(folder / "anh-2.jpg", size=(900, 1300), orientation=1, gps=False)
    list_photos(site, "  - file: anh-1.jpg\n    alt: Hộp trà\n  - file: anh-2.jpg\n    alt: Túi trà\n")


@pytest.fixture(scope="module")
def fixture_builds(tmp_path_factory):
    """The fictional province with photos, built in two folders by two differently set-up processes."""
    base = tmp_path_factory.mktemp("reproducible")
    first = copy_fixture(base / "one" / "site", workers=2)
    second = copy_fixture(base / "two" / "tinh-thu", workers=1)
    for site in (first, second):
        add_photos(site)  # same bytes: the images are drawn, not photographed
    a = build_cli(first, base / "a", seed="1", tz="UTC", umask=0o022)
    b = build_cli(second, base / "elsewhere" / "b", seed="2", tz="Asia/Tokyo", umask=0o077)
    return digest(a), digest(b)


@pytest.fixture(scope="module")
def shipped_builds(tmp_path_factory):
    """The shipped catalogue built twice, as the conftest's build(REPO) does, in two processes."""
    base = tmp_path_factory.mktemp("shipped")
    env = {"OCOP_TODAY": "2026-11-29"}
    a = build_cli(REPO, base / "a", seed="3", tz="UTC", umask=0o022, env=env)
    b = build_cli(REPO, base / "b", seed="4", tz="America/New_York", umask=0o027, env=env)
    return digest(a), digest(b)


@pytest.mark.parametrize("builds", ["fixture_builds", "shipped_builds"])
def test_two_builds_are_byte_identical(request, builds):
    first, second = request.getfixturevalue(builds)
    stable_a, _ = split(first)
    stable_b, _ = split(second)
    assert stable_a == stable_b
    assert any(k.startswith("pagefind/fragment/") for k in stable_a)  # the stable part of the index is compared
    modes = {mode for _, mode in stable_a.values()}
    assert modes == {"0o644", "0o755"}


def test_photo_derivatives_are_compared(fixture_builds):
    first, _ = fixture_builds
    derived = [k for k in first if k.startswith("anh/san-pham/tra-hoa-vang/")]
    assert len(derived) == 14  # 2 photos × (3 WebP + 3 JPEG + 1 social card)


@pytest.mark.xfail(reason="Pagefind writes its filter and metadata indexes in hash-map order (Pagefind/pagefind#638)",
                   strict=False)
@pytest.mark.parametrize("builds", ["fixture_builds", "shipped_builds"])
def test_pagefind_indexes_are_byte_identical(request, builds):
    first, second = request.getfixturevalue(builds)
    assert split(first)[1] == split(second)[1]


def test_source_date_epoch_sets_today_when_ocop_today_is_unset(tmp_path):
    site = copy_fixture(tmp_path / "site", workers=1)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('OCOP_TODAY = "2026-11-29"', ""), encoding="utf-8")
    epoch = int(datetime.datetime(2027, 6, 1, 23, 59, tzinfo=datetime.UTC).timestamp())
    output = build_cli(site, tmp_path / "output", seed="0", tz="Pacific/Kiritimati", umask=0o022,
                       env={"SOURCE_DATE_EPOCH": str(epoch), "OCOP_TODAY": ""})
    data = json.loads((output / "du-lieu/catalogue.json").read_text(encoding="utf-8"))
    assert data["validity_date"] == "2027-06-01"  # the UTC day of the epoch, whatever the time zone
    assert "tính đến ngày 01/06/2027." in (output / "index.html").read_text(encoding="utf-8")


def test_ocop_today_in_the_environment_wins(tmp_path):
    """`OCOP_TODAY=2027-01-01 make publish` builds the site as it will be that day (README)."""
    site = copy_fixture(tmp_path / "site", workers=1)
    output = build_cli(site, tmp_path / "output", seed="0", tz="UTC", umask=0o022,
                       env={"OCOP_TODAY": "2030-01-02", "SOURCE_DATE_EPOCH": "0"})
    data = json.loads((output / "du-lieu/catalogue.json").read_text(encoding="utf-8"))
    assert data["validity_date"] == "2030-01-02"
