"""Product and producer photos, derived once and cached forever.

The records stage has checked each listed file (records/photos.py: inside the
record's folder, a JPEG, PNG or WebP photo of a sane size). `derive_all()` runs
in the build: each source is decoded once, turned upright (EXIF orientation), converted to sRGB,
stripped of every metadata field (GPS above all) and written at a few widths
as WebP and JPEG, plus a 1200×630 social card. Results are cached under
Pelican's cache folder, keyed by the source bytes and the derivation settings,
so an unchanged photo costs nothing on the next build, even after `make clean`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..core.problems import Problems
from ..records.photos import Photo

PIPELINE_VERSION = 2
SOCIAL_SIZE = (1200, 630)


@dataclass
class Derived:
    """The files made from one photo, relative to the site root once published."""

    width: int
    height: int
    webp: list[tuple[int, str]] = field(default_factory=list)  # (width, file name)
    jpeg: list[tuple[int, str]] = field(default_factory=list)
    social: str | None = None
    folder: str = ""  # cache folder holding the files

    def urls(self, prefix: str) -> dict:
        """URLs under `prefix` for templates."""
        return {
            "webp": [(w, f"{prefix}/{name}") for w, name in self.webp],
            "jpeg": [(w, f"{prefix}/{name}") for w, name in self.jpeg],
            "social": f"{prefix}/{self.social}" if self.social else None,
        }


# checking -------------------------------------------------------------------


# deriving -------------------------------------------------------------------


def recipe(settings: dict) -> dict:
    """Everything that changes the derived files; part of the cache key."""
    return {
        "version": PIPELINE_VERSION,
        "widths": sorted(settings["OCOP_PHOTO_WIDTHS"]),
        "webp_quality": settings["OCOP_PHOTO_WEBP_QUALITY"],
        "jpeg_quality": settings["OCOP_PHOTO_JPEG_QUALITY"],
        "social": list(SOCIAL_SIZE),
        "max_pixels": settings["OCOP_PHOTO_MAX_MEGAPIXELS"],
    }


def cache_key(source_bytes: bytes, recipe_: dict) -> str:
    """sha256 of the source bytes and the recipe."""
    digest = hashlib.sha256(json.dumps(recipe_, sort_keys=True).encode())
    digest.update(source_bytes)
    return digest.hexdigest()


def derive(source_bytes: bytes, recipe_: dict, out_folder: str, stem: str) -> Derived:
    """Decode once, orient, convert to sRGB, strip metadata, write every derivative."""
    Image.MAX_IMAGE_PIXELS = recipe_["max_pixels"] * 1_000_000
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(source_bytes)) as opened:
            if opened.format == "JPEG":
                # Decode at a reduced scale when even the widest output is much smaller.
                widest = max(max(recipe_["widths"]), SOCIAL_SIZE[0])
                opened.draft("RGB", (widest, widest))
            opened.load()
            image = ImageOps.exif_transpose(opened)
            image = _to_srgb(image, opened.info.get("icc_profile"))
    os.makedirs(out_folder, exist_ok=True)
    width, height = image.size
    widths = [w for w in recipe_["widths"] if w < width] + [min(width, max(recipe_["widths"]))]
    widths = sorted(set(widths))
    derived = Derived(width=widths[-1], height=round(height * widths[-1] / width), folder=out_folder)
    flat = _flatten(image)
    for target in widths:
        size = (target, max(1, round(height * target / width)))
        resized = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0) if target != width else image
        flat_resized = flat.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0) if target != width else flat
        derived.webp.append((target, _save(resized, out_folder, f"{stem}-{target}", "WEBP",
                                           quality=recipe_["webp_quality"], method=4)))
        derived.jpeg.append((target, _save(flat_resized, out_folder, f"{stem}-{target}", "JPEG",
                                           quality=recipe_["jpeg_quality"], optimize=True, progressive=True)))
    card = ImageOps.fit(flat, SOCIAL_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    derived.social = _save(card, out_folder, f"{stem}-social", "JPEG", quality=recipe_["jpeg_quality"],
                           optimize=True, progressive=True)
    return derived


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The image in RGB(A), converted from its embedded colour profile to sRGB."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = image.mode
            image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels are kept as they are
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white, for JPEG which has no transparency."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _save(image: Image.Image, folder: str, stem: str, image_format: str, **options) -> str:
    """Write `image` with no metadata; the name carries a hash of the bytes."""
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)  # no exif=, no icc_profile=: nothing of the source survives
    data = buffer.getvalue()
    extension = "webp" if image_format == "WEBP" else "jpg"
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{extension}"
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)
    return name


def _derive_job(job: tuple) -> tuple[str, dict | None, str | None]:
    """Worker: derive one source into its cache folder; returns (key, manifest, error code)."""
    key, source, recipe_, folder, stem = job
    try:
        with open(source, "rb") as handle:
            data = handle.read()
        derived = derive(data, recipe_, folder + ".tmp", stem)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        shutil.rmtree(folder + ".tmp", ignore_errors=True)
        return key, None, "photo_too_many_pixels"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        shutil.rmtree(folder + ".tmp", ignore_errors=True)
        return key, None, "photo_truncated"
    manifest = {"width": derived.width, "height": derived.height, "webp": derived.webp, "jpeg": derived.jpeg,
                "social": derived.social}
    with open(os.path.join(folder + ".tmp", "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(folder + ".tmp", folder)
    return key, manifest, None


@dataclass
class DeriveStats:
    """What a build's photo stage did: the proof that warm builds do no image work."""

    sources: int = 0
    derived: int = 0
    cached: int = 0
    failed: int = 0

    def as_dict(self) -> dict:
        """Plain dict for the stats file and logs."""
        return {"sources": self.sources, "derived": self.derived, "cached": self.cached, "failed": self.failed}


def derive_all(photos: list[Photo], settings: dict, cache_root: str, problems: Problems,
               workers: int | None = None) -> DeriveStats:
    """Attach a Derived to every photo, deriving in parallel only what the cache lacks."""
    recipe_ = recipe(settings)
    stats = DeriveStats()
    by_key: dict[str, list[Photo]] = {}
    for photo in photos:
        with open(photo.source, "rb") as handle:
            key = cache_key(handle.read(), recipe_)
        by_key.setdefault(key, []).append(photo)
    stats.sources = len(by_key)
    jobs, manifests = [], {}
    for key, same in by_key.items():
        folder = os.path.join(cache_root, key[:2], key)
        manifest_path = os.path.join(folder, "manifest.json")
        if os.path.isfile(manifest_path):
            with open(manifest_path, encoding="utf-8") as handle:
                manifests[key] = json.load(handle)
            stats.cached += 1
        else:
            stem = os.path.splitext(os.path.basename(same[0].file))[0]
            jobs.append((key, same[0].source, recipe_, folder, _safe_stem(stem)))
    if jobs:
        workers = workers or min(len(jobs), os.cpu_count() or 1)
        if workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_derive_job, jobs, chunksize=1))
        else:
            results = [_derive_job(job) for job in jobs]
        for key, manifest, error in results:
            if error:
                stats.failed += 1
                for photo in by_key[key]:
                    problems.add(photo.record_path, photo.line, photo.column, error, field=photo.field,
                                 file=photo.file, limit=settings["OCOP_PHOTO_MAX_MEGAPIXELS"])
            else:
                stats.derived += 1
                manifests[key] = manifest
    for key, manifest in manifests.items():
        folder = os.path.join(cache_root, key[:2], key)
        for photo in by_key[key]:
            photo.derived = Derived(
                width=manifest["width"], height=manifest["height"],
                webp=[tuple(x) for x in manifest["webp"]], jpeg=[tuple(x) for x in manifest["jpeg"]],
                social=manifest["social"], folder=folder,
            )
    return stats


def _safe_stem(stem: str) -> str:
    from ..core.slugs import slugify

    return slugify(stem)[:40] or "anh"


def publish(photo: Photo, place) -> None:
    """Put one photo's derivatives into the output with `place(cached file, relative path)`."""
    names = [n for _, n in photo.derived.webp] + [n for _, n in photo.derived.jpeg] + [photo.derived.social]
    for name in names:
        place(os.path.join(photo.derived.folder, name), photo.prefix.rstrip("/") + "/" + name)
