"""Builds into an output/ that is a mount point, a link to another disk or on another file system, and
system errors (a full disk, a read-only folder, no permission, a path too long) as one clear line.

Each case is reproduced for real: a tmpfs or a bind mount where the test runs as root (skipped with the
reason otherwise), a full small file system, a folder the build may not write. Every failure must leave
the previous output/ as it was, name the folder, say what to do, and the next build must succeed.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, tree_digest
from ocop.core.system_errors import CODES, shown_path, system_error
from ocop.output.output_tree import OLD_PREFIX, STAGING_PREFIX, is_mount_point, mount_points, staging_place

TODAY = "2026-11-29"
COUNT_LINE = "1 error(s): the site was not built and output/ is unchanged."
PRODUCT = "products/tra-hoa-vang/product.yaml"
# Pagefind writes some index files in hash-map order (Pagefind/pagefind#638): compared apart from the rest.
SEARCH = ("pagefind",)


def can_mount() -> str | None:
    """Why mounts cannot be made here, or None."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CI runs as root)"
    if not shutil.which("mount"):
        return "no mount command"
    probe = tempfile.mkdtemp()
    try:
        made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], capture_output=True)
        if made.returncode:
            return f"mount refused: {made.stderr.decode(errors='replace').strip()}"
        subprocess.run(["umount", probe], check=True)
        return None
    finally:
        os.rmdir(probe)


WHY_NOT_MOUNT = can_mount()
needs_mount = pytest.mark.skipif(WHY_NOT_MOUNT is not None, reason=WHY_NOT_MOUNT or "")


@pytest.fixture
def mounts():
    """mount(args, target): mounts made by a test, unmounted after it."""
    made: list[Path] = []

    def mount(*args: str, target: Path) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", *args, str(target)], check=True, capture_output=True)
        made.append(target)
        return target

    yield mount
    for target in reversed(made):
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the fictional province (sources only)."""
    copy = tmp_path / "site"
    shutil.copytree(FIXTURE, copy, ignore=shutil.ignore_patterns("cache", "output", ".ocop-*"))
    conf = copy / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nTHEME = {str(REPO / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n", encoding="utf-8")
    return copy


def ocop(site: Path, *args: str, user: list[str] | None = None) -> subprocess.CompletedProcess:
    """`python -m ocop ARGS` from the site's folder, messages in English."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en", "OCOP_TODAY": TODAY}
    return subprocess.run([*(user or []), sys.executable, "-m", "ocop", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=600)


def built(site: Path, *args: str) -> None:
    result = ocop(site, "build", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def failed(site: Path, *args: str, user: list[str] | None = None) -> str:
    """The build's one error line (the count line checked and left off)."""
    result = ocop(site, "build", *args, user=user)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == COUNT_LINE, result.stderr
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def rename_product(site: Path, name: str) -> None:
    path = site / PRODUCT
    path.write_text(path.read_text(encoding="utf-8").replace("name: Trà hoa vàng\n", f"name: {name}\n", 1),
                    encoding="utf-8")


def leftovers(*folders: Path) -> list[str]:
    """Staging folders and replaced trees a build left behind (a replaced tree is deleted in the background)."""
    for _attempt in range(100):
        found = sorted(p.name for folder in folders if folder.is_dir() for p in folder.iterdir()
                       if p.name.startswith((STAGING_PREFIX, OLD_PREFIX, ".ocop-part-")))
        if not any(name.startswith(OLD_PREFIX) for name in found):
            return found
        time.sleep(0.1)
    return found


def search_files(folder: Path) -> list[str]:
    """The search index's file names, their content hashes masked (they vary from run to run)."""
    return sorted(re.sub(r"_[0-9a-f]{7,}\.", "_#.", rel) for rel in tree_digest(folder / "pagefind"))


def same_site(a: Path, b: Path) -> None:
    """`a` and `b` hold the same files with the same bytes (the search index: the same files)."""
    assert tree_digest(a, skip=SEARCH) == tree_digest(b, skip=SEARCH)
    assert search_files(a) == search_files(b) and search_files(a)


def add_photo(site: Path) -> None:
    """A real photo for one product (the fixture has none)."""
    from PIL import Image

    Image.new("RGB", (800, 600), (200, 30, 30)).save(site / "products/tra-hoa-vang/anh-1.jpg", "JPEG")
    path = site / PRODUCT
    text = path.read_text(encoding="utf-8")
    assert "trade:\n" in text
    path.write_text(text.replace("trade:\n", "photos:\n  - file: anh-1.jpg\n    alt: Hộp trà\ntrade:\n", 1),
                    encoding="utf-8")


def reference(site: Path, tmp_path: Path) -> Path:
    """The same site built into an ordinary folder, to compare with."""
    built(site, "-o", str(tmp_path / "reference"))
    return tmp_path / "reference"


# output/ is a mount point, a link, or on another file system -------------------------------------------


@needs_mount
def test_an_output_that_is_a_tmpfs_mount_point_is_updated_in_place(site, tmp_path, mounts):
    output = mounts("-t", "tmpfs", "-o", "size=64m", "tmpfs", target=site / "output")
    built(site)
    assert os.path.ismount(output) and (output / "index.html").is_file()
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    built(site)
    assert os.path.ismount(output), "the mount itself is never renamed"
    assert "Trà hoa vàng Ba Chẽ" in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    assert leftovers(output, site) == []
    same_site(output, reference(site, tmp_path))


@needs_mount
def test_a_bind_mount_of_the_same_file_system_is_seen_as_a_mount_point(site, tmp_path, mounts):
    volume = tmp_path / "volume"
    volume.mkdir()
    output = mounts("--bind", str(volume), target=site / "output")
    assert not os.path.ismount(output), "os.path.ismount cannot see it: same device"
    assert is_mount_point(str(output)) and str(output) in mount_points()
    built(site)
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    built(site)
    assert (volume / "index.html").is_file() and leftovers(output, site) == []
    same_site(volume, reference(site, tmp_path))


@needs_mount
def test_an_output_link_to_another_disk_stays_a_link(site, tmp_path, mounts):
    disk = mounts("-t", "tmpfs", "-o", "size=64m", "tmpfs", target=tmp_path / "disk")
    (disk / "www").mkdir()
    (site / "output").symlink_to(disk / "www")
    built(site)
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    built(site, "--no-search-index")  # a new tree swapped in beside the real folder
    built(site)
    assert (site / "output").is_symlink() and os.readlink(site / "output") == str(disk / "www")
    assert "Ba Chẽ" in (disk / "www/products/tra-hoa-vang.html").read_text(encoding="utf-8")
    assert leftovers(disk, disk / "www", site) == []
    same_site(disk / "www", reference(site, tmp_path))


@needs_mount
def test_an_output_on_another_file_system_than_the_checkout_and_its_cache(site, tmp_path, mounts):
    disk = mounts("-t", "tmpfs", "-o", "size=64m", "tmpfs", target=tmp_path / "disk")
    add_photo(site)
    built(site, "-o", str(disk / "site"))
    assert (disk / "site/index.html").is_file()
    photos = [p for p in (disk / "site").rglob("*.webp")]
    assert photos and all(p.stat().st_nlink == 1 for p in photos), "copied, since a link cannot cross devices"
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    built(site, "-o", str(disk / "site"))
    assert leftovers(disk, site) == []
    same_site(disk / "site", reference(site, tmp_path))


# system errors -----------------------------------------------------------------------------------------


@needs_mount
def test_a_full_disk_names_the_folder_keeps_output_and_the_next_build_succeeds(site, mounts):
    output = mounts("-t", "tmpfs", "-o", "size=48m", "tmpfs", target=site / "output")
    built(site)
    before = tree_digest(output)
    free = os.statvfs(output).f_bavail * os.statvfs(output).f_frsize
    filler = output / ".filler"
    with open(filler, "wb") as handle:  # leave about 64 KB: much less than a build writes
        handle.truncate(0)
        os.posix_fallocate(handle.fileno(), 0, max(free - 64 * 1024, 0))
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    line = failed(site)
    assert line.startswith("error: no space left on the disk while writing `output")
    assert "free some space" in line and "build again" in line
    filler.unlink()
    assert tree_digest(output) == before and leftovers(output, site) == []
    built(site)
    assert "Ba Chẽ" in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")


@needs_mount
def test_a_read_only_output_is_a_message_and_the_next_build_after_remounting_succeeds(site, mounts):
    output = mounts("-t", "tmpfs", "-o", "size=64m", "tmpfs", target=site / "output")
    built(site)
    before = tree_digest(output)
    subprocess.run(["mount", "-o", "remount,ro", str(output)], check=True)
    rename_product(site, "Trà hoa vàng Ba Chẽ")
    line = failed(site)
    assert line == ("error: `output` is on a read-only file system (Read-only file system): mount it "
                    "writable, or build into another folder with `-o`")
    assert tree_digest(output) == before
    subprocess.run(["mount", "-o", "remount,rw", str(output)], check=True)
    built(site)
    assert leftovers(output, site) == []


def nobody() -> list[str] | None:
    """A command prefix that runs as the unprivileged user `nobody`, when this machine has one."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    code = f"import sys; sys.path.insert(0, {str(REPO / 'plugins')!r}); import ocop.cli.build"
    probe = subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True)
    return prefix if probe.returncode == 0 else None


AS_NOBODY = nobody()


@pytest.mark.skipif(AS_NOBODY is None, reason="needs root, setpriv and a checkout the user nobody can read")
def test_no_permission_to_write_output_is_a_message(site):
    shared = Path(tempfile.mkdtemp(prefix="ocop-perm-"))
    try:
        shared.chmod(0o755)
        copy = shared / "site"
        shutil.copytree(site, copy)
        built(copy)  # as root: output/ and cache/ belong to root, 0755
        before = tree_digest(copy / "output")
        for path in [copy, *copy.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        (copy / "cache").chmod(0o777)  # the build may keep its caches; only output/ is refused
        for path in (copy / "cache").rglob("*"):
            path.chmod(0o777 if path.is_dir() else 0o666)
        line = failed(copy, user=AS_NOBODY)
        assert line.startswith("error: no permission to write `output")
        assert "give the user who builds the site write access" in line
        assert tree_digest(copy / "output") == before and leftovers(copy / "output", copy) == []
        built(copy)  # as root again
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_an_output_path_too_long_is_a_message(site):
    output = site / ("x" * 300) / "output"
    line = failed(site, "-o", str(output))
    assert line.startswith(f"error: a path is too long: `{'x' * 300}")
    assert "use shorter file or folder names" in line
    assert not (site / "output").exists() and leftovers(site) == []
    built(site)


def test_a_file_where_the_output_folder_should_be_is_a_message(site):
    (site / "afile").write_text("not a folder", encoding="utf-8")
    line = failed(site, "-o", "afile/output")
    assert line == ("error: `afile` is a file where a folder is needed (File exists): rename or remove it, "
                    "or build into another folder with `-o`")
    assert (site / "afile").read_text(encoding="utf-8") == "not a folder"


# the words: pure functions ----------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "english"), [
    (errno.ENOSPC, "no space left on the disk while writing `output/a.html` (x): free some space"),
    (errno.EDQUOT, "no space left on the disk while writing `output/a.html` (x): free some space"),
    (errno.EACCES, "no permission to write `output/a.html` (x): give the user"),
    (errno.EPERM, "no permission to write `output/a.html` (x): give the user"),
    (errno.EROFS, "`output/a.html` is on a read-only file system (x): mount it writable"),
    (errno.EBUSY, "`output/a.html` is busy (x): "),
    (errno.ENAMETOOLONG, "a path is too long: `output/a.html` (x): use shorter"),
    (errno.EMFILE, "too many files are open while writing `output/a.html` (x): raise the limit"),
    (errno.EIO, "the disk could not read or write `output/a.html` (x): "),
    (errno.EEXIST, "`output/a.html` is a file where a folder is needed (x): "),
    (errno.ENOTDIR, "`output/a.html` is a file where a folder is needed (x): "),
    (errno.ELOOP, "system error at `output/a.html` (x): fix the cause and build again"),
])
def test_each_system_error_says_where_what_and_what_to_do(number, english, tmp_path):
    staging = tmp_path / ".ocop-build-abc"
    exc = OSError(number, "x", str(staging / "a.html"))
    places = {str(staging): str(tmp_path / "output")}
    assert system_error(exc, "en", places, str(tmp_path)).startswith(english)
    vietnamese = system_error(exc, "vi", places, str(tmp_path))
    assert "`output/a.html`" in vietnamese and vietnamese != system_error(exc, "en", places, str(tmp_path))


def test_every_errno_with_a_message_has_it_in_both_languages():
    from ocop.core.messages import render

    for code in {*CODES.values(), "os_other"}:
        assert render(code, {"path": "p", "reason": "r"}, "vi") != render(code, {"path": "p", "reason": "r"}, "en")


@pytest.mark.parametrize(("path", "expected"), [
    ("/site/.ocop-build-1/en/index.html", "output/en/index.html"),
    ("/site/output/.ocop-build-2/a.html", "output/a.html"),
    ("/site/output/a.html", "output/a.html"),
    ("/site/products/x.yaml", "products/x.yaml"),
    ("/elsewhere/x", "/elsewhere/x"),
    (None, ""),
])
def test_a_staging_path_is_named_by_its_place_in_output(path, expected):
    places = {"/site/.ocop-build-1": "/site/output", "/site/output/.ocop-build-2": "/site/output",
              "/site/output": "/site/output"}
    places = dict(sorted(places.items(), key=lambda item: -len(item[0])))
    assert shown_path(path, places, "/site") == expected


def test_mount_points_reads_escaped_names(tmp_path):
    info = tmp_path / "mountinfo"
    info.write_text("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                    "40 22 0:35 / /srv/web\\040root rw - tmpfs tmpfs rw\n"
                    "41 22 8:1 /data /var/www rw - ext4 /dev/sda1 rw\n", encoding="utf-8")
    assert mount_points(str(info)) == {"/", "/srv/web root", "/var/www"}
    assert mount_points(str(tmp_path / "missing")) == set()


def test_staging_is_beside_an_ordinary_output_and_inside_a_mount(tmp_path):
    output = tmp_path / "output"
    assert staging_place(str(output)) == (str(output), str(tmp_path), True), "not there yet"
    output.mkdir()
    assert staging_place(str(output)) == (str(output), str(tmp_path), True)
    link = tmp_path / "link"
    link.symlink_to(output)
    assert staging_place(str(link)) == (str(output), str(tmp_path), True), "the real folder is written"
    assert staging_place("/") == ("/", "/", False)
