"""How a finished build becomes output/: an update in place, or a whole new tree swapped in.

Pelican writes a build into a staging folder beside output/. An incremental
build writes there only what changed: pages whose inputs are unchanged, and
cached photos and QR codes already published, stay in the previous output
(page_cache.py lists them in the build's manifest). Nothing touches output/
until the whole build has succeeded; then

- `update()` moves each new file over its old version (one rename each), leaves
  files with the same bytes alone, deletes what the new build no longer has,
  and removes the staging folder. Every file is whole at every moment, and a
  build killed half-way through leaves complete files, old and new, that the
  next build puts right (it compares every file with its manifest). A warm
  build at 10,000 products writes a few hundred files instead of making
  27,000 folders and 37,000 links.
- `materialise()` then `swap()` are for a build that must have the complete
  tree in one folder (Pagefind indexes a folder): the kept files are linked
  into staging, which replaces output/ with two renames. A first build, and a
  build with incremental builds turned off, are swapped in the same way.

output/ cannot always be renamed: a mount point (a Docker volume, an NFS share)
refuses it, and a staging folder on another file system cannot be renamed into
it. `staging_place()` says where a build stages so that its files can be moved in
with one rename each: beside output/ (its real folder, when output/ is a link) when
that is the same file system, else inside output/ as a hidden folder that the
update skips and removes. Such an output/ is always updated in place, never swapped.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import re
import shutil
import subprocess
import tempfile

from ..core.hardlinks import link_or_copy

STAGING_PREFIX = ".ocop-build-"  # a build being written
OLD_PREFIX = ".ocop-old-"  # a replaced output tree, being deleted
MOUNT_INFO = "/proc/self/mountinfo"
# Moving this many files in costs about a second here, whatever share of the site they are.
MOVE_IN_ANYWAY = 2000


def files_under(folder: str, skip: tuple[str, ...] = ()) -> set[str]:
    """Every file under `folder`, as paths relative to it ('/'-separated), but top-level names starting with `skip`."""
    found: set[str] = set()
    pending = [("", folder)]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if skip and not prefix and entry.name.startswith(skip):
                    continue
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((rel + "/", entry.path))
                else:
                    found.add(rel)
    return found


class BuildTree:
    """A build's files: written into `staging`, or kept as they are in `output`."""

    def __init__(self, staging: str, output: str, manifest: dict):
        self.staging = staging
        self.output = output
        self.written = files_under(staging)
        pages = manifest.get("pages") or {}
        listed = {rel for entry in pages.values() for rel in entry.get("files") or {}}
        listed.update(manifest.get("kept") or ())
        self.kept = listed - self.written
        # Files whose size and time the manifest holds: always moved in, even with the bytes of the old one.
        self.recorded = listed & self.written

    def cheaper_in_place(self) -> bool:
        """Whether updating output/ in place costs less than linking the kept files into a new tree.

        Moving a page in costs about three times what linking a kept one does (a
        rename into a folder of the old tree against a link into a new one): when
        most pages changed (a template edit, a new day), a new tree is cheaper
        (10,000 products: 2 s instead of 20 s).
        """
        return len(self.recorded) <= max(len(self.kept), MOVE_IN_ANYWAY)

    def files(self) -> dict[str, str]:
        """Relative path -> where the file is now, for every file of the new build."""
        paths = {rel: os.path.join(self.output, rel) for rel in self.kept}
        paths.update((rel, os.path.join(self.staging, rel)) for rel in self.written)
        return paths

    def rescan(self) -> None:
        """Take in what was written into staging since (the search index, once staging holds the whole site)."""
        self.written = files_under(self.staging)

    def keep(self, rels) -> None:
        """Keep these files of the previous output as well (a search index that is still right)."""
        self.kept.update(set(rels) - self.written)

    def materialise(self) -> None:
        """Link every kept file into staging, which then holds the whole site."""
        made: set[str] = set()
        for rel in sorted(self.kept):
            target = os.path.join(self.staging, rel)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            link_or_copy(os.path.join(self.output, rel), target, make_folder=False)
        self.written |= self.kept
        self.kept = set()

    def update(self) -> None:
        """Bring output/ to the new build in place, then remove staging."""
        normalise_modes(self.staging)
        new = self.written | self.kept
        emptied = set()
        for rel in files_under(self.output, skip=(STAGING_PREFIX, OLD_PREFIX)) - new:
            _remove(os.path.join(self.output, rel))
            emptied.add(os.path.dirname(rel))
        for folder in sorted(emptied, key=len, reverse=True):  # deepest first
            _remove_empty_folders(self.output, folder)
        made: set[str] = set()
        for rel in sorted(self.written):
            source, target = os.path.join(self.staging, rel), os.path.join(self.output, rel)
            if rel not in self.recorded and _same_file(source, target):
                continue
            folder = os.path.dirname(target)
            if folder not in made:
                _make_folder(self.output, folder)
                made.add(folder)
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)  # a folder where the new build has a file
            _move_in(source, target)
        _set_folder_mode(self.output)
        shutil.rmtree(self.staging)


def _move_in(source: str, target: str) -> None:
    """Put `source` at `target` with one rename; from another file system, copied beside `target` first."""
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            if exc.filename is None:  # say which file could not be moved in
                exc.filename = target
            raise
        partial = os.path.join(os.path.dirname(target), f".ocop-part-{os.path.basename(target)}")
        try:
            shutil.copy2(source, partial)
            os.replace(partial, target)  # visitors see the old file or the new one, never a part
        finally:
            _remove(partial)


def _set_folder_mode(folder: str) -> None:
    """0755 for the site's folder, when it has another mode and may be changed (a mount's root may not)."""
    with contextlib.suppress(PermissionError):
        if os.stat(folder).st_mode & 0o7777 != 0o755:
            os.chmod(folder, 0o755)


def _same_file(source: str, target: str) -> bool:
    """Whether `target` exists with the bytes of `source`."""
    try:
        if os.path.samefile(source, target):  # a kept file linked into staging for the search index
            return True
        return os.path.isfile(target) and filecmp.cmp(source, target, shallow=False)
    except OSError:
        return False


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def _remove_empty_folders(root: str, rel_folder: str) -> None:
    """Remove `rel_folder` and its parents under `root` while they are empty."""
    while rel_folder:
        try:
            os.rmdir(os.path.join(root, rel_folder))
        except OSError:
            return
        rel_folder = os.path.dirname(rel_folder)


def _make_folder(root: str, folder: str) -> None:
    """Make `folder` under `root`, deleting a file that stands where one of its folders must be."""
    try:
        os.makedirs(folder, exist_ok=True)
        return
    except (FileExistsError, NotADirectoryError):
        pass
    path = folder
    while len(path) > len(root):
        if os.path.lexists(path) and not os.path.isdir(path):
            os.remove(path)
        path = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)


def mount_points(mount_info: str = MOUNT_INFO) -> set[str]:
    """Every mount point of this process (Linux), bind mounts of the same file system included."""
    try:
        with open(mount_info, encoding="utf-8", errors="surrogateescape") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return set()
    # Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
    return {re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), line.split(" ")[4])
            for line in lines if len(line.split(" ")) > 4}


def is_mount_point(path: str) -> bool:
    """Whether `path` is a mount point, including a bind mount that os.path.ismount cannot see."""
    return os.path.ismount(path) or os.path.realpath(path) in mount_points()


def staging_place(output: str) -> tuple[str, str, bool]:
    """(the real output folder, where to stage the build, whether the real folder may be swapped for a new one).

    Staging must be on output's file system, so that each file moves in with one
    rename: beside the real folder when that is the same file system, else (a mount
    point, or a folder whose parent cannot be written) inside it.
    """
    real = os.path.realpath(output)
    parent = os.path.dirname(real)
    if not os.path.isdir(real):
        return real, parent, True
    if is_mount_point(real) or not _same_device(real, parent) or not os.access(parent, os.W_OK):
        return real, real, False
    return real, parent, True


def _same_device(a: str, b: str) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def swap(staging: str, output: str) -> None:
    """Replace `output` by `staging` with two renames (the old tree is deleted after, in the background)."""
    normalise_modes(staging)
    old = None
    if os.path.exists(output):
        old = tempfile.mkdtemp(prefix=OLD_PREFIX, dir=os.path.dirname(output))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(staging, output)
    os.chmod(output, 0o755)
    if old:
        delete_later(old)


def delete_later(folder: str) -> None:
    """Delete a replaced output tree without making the build wait for it.

    Removing thousands of folders costs seconds on some file systems, and the
    new site is already in place; a detached `rm` does it (the next build
    removes whatever an interrupted one left).
    """
    rm = shutil.which("rm")
    if rm:
        try:  # `sh` returns at once, leaving `rm` to run on its own: no process waits for it
            subprocess.run(["sh", "-c", 'rm -rf -- "$1" >/dev/null 2>&1 &', "sh", folder], check=True,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return
        except (OSError, subprocess.CalledProcessError):
            pass
    shutil.rmtree(folder, ignore_errors=True)


def normalise_modes(folder: str) -> None:
    """0644 files and 0755 folders whatever the umask (photos are hard links: their cache copy changes too)."""
    pending = [folder]
    while pending:  # only what has another mode is changed: pages taken from the last build already have it
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                wanted = 0o755 if entry.is_dir() else 0o644
                if entry.stat(follow_symlinks=False).st_mode & 0o7777 != wanted:
                    os.chmod(entry.path, wanted)
                if wanted == 0o755:
                    pending.append(entry.path)
