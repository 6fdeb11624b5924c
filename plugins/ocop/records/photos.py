"""Photos listed in records: each file resolved inside the record's folder and its header checked, before any build."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from ..core.problems import WARNING, Problems, field_name

ALLOWED_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}


PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


# Files an editor may drop in a folder that are images but are not served.
OTHER_IMAGE_EXTENSIONS = (".heic", ".heif", ".gif", ".bmp", ".tif", ".tiff", ".svg", ".avif")


@dataclass
class Photo:
    """A listed photo: where it is, what it shows, and where the record lists it."""

    file: str
    alt: str
    record_path: str
    line: int
    column: int
    field: str
    source: str | None = None  # absolute path, once checked
    width: int = 0
    height: int = 0
    alt_en: str | None = None
    caption: str | None = None
    caption_en: str | None = None
    credit: str | None = None
    derived: object | None = None  # output.photos.Derived, once the build derived it
    prefix: str = ""  # folder of the published derivatives, relative to the site root


def check_photos(record, folder: str, items: list | None, problems: Problems, settings: dict,
                 warn_unlisted: bool = True) -> list[Photo]:
    """The photos a record lists, checked; problems point at the record's lines."""
    photos: list[Photo] = []
    listed: set[str] = set()
    for index, item in enumerate(items or []):
        keys = ("photos", index, "file")
        line, column = record.where(*keys)
        photo = Photo(
            file=item["file"], alt=item["alt"], record_path=record.path, line=line, column=column,
            field=field_name(keys), alt_en=item.get("alt_en"), caption=item.get("caption"),
            caption_en=item.get("caption_en"), credit=item.get("credit"),
        )
        listed.add(os.path.normpath(item["file"]))
        code, params = _check_one(photo, folder, settings)
        if code:
            problems.add(record.path, line, column, code, field=photo.field, file=photo.file, **params)
        else:
            photos.append(photo)
    if warn_unlisted and os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.lower().endswith(PHOTO_EXTENSIONS + OTHER_IMAGE_EXTENSIONS) and name not in listed:
                problems.add(record.path, 1, 1, "photo_unlisted", severity=WARNING, file=name)
    return photos


def _check_one(photo: Photo, folder: str, settings: dict) -> tuple[str | None, dict]:
    """A problem code and its parameters, or (None, {}) when the photo can be used."""
    name = photo.file
    if "\\" in name:
        return "photo_backslash", {}
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "photo_absolute", {}
    if ".." in name.split("/"):
        return "photo_parent", {}
    if "%" in name:
        return "photo_encoded", {}
    path = os.path.join(folder, name)
    real_folder = os.path.realpath(folder)
    if os.path.lexists(path) and not os.path.realpath(path).startswith(real_folder + os.sep):
        return "photo_outside", {}
    if not os.path.isfile(path):
        near = sorted(n for n in os.listdir(folder) if n.lower().endswith(PHOTO_EXTENSIONS)) if os.path.isdir(
            folder) else []
        import difflib

        suggestion = difflib.get_close_matches(name, near, n=1, cutoff=0.5)
        return "photo_missing", {"suggestion": suggestion[0] if suggestion else ""}
    size = os.path.getsize(path)
    limit = settings["OCOP_PHOTO_MAX_BYTES"]
    if size > limit:
        return "photo_file_too_big", {"size": round(size / 1e6, 1), "limit": round(limit / 1e6)}
    with open(path, "rb") as handle:
        head = handle.read(512)
    if head.lstrip().startswith(b"<") and b"svg" in head.lower():
        return "photo_svg", {}
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1", b"ftyphevc", b"ftypavif"):
        return "photo_unsupported", {"format": "HEIC/AVIF"}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image_format = image.format
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "photo_too_many_pixels", {"limit": settings["OCOP_PHOTO_MAX_MEGAPIXELS"]}
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "photo_not_image", {}
    if image_format not in ALLOWED_FORMATS:
        return "photo_unsupported", {"format": image_format or "?"}
    if width * height > settings["OCOP_PHOTO_MAX_MEGAPIXELS"] * 1_000_000:
        return "photo_too_many_pixels", {"limit": settings["OCOP_PHOTO_MAX_MEGAPIXELS"]}
    photo.source = os.path.abspath(path)
    photo.width, photo.height = width, height
    return None, {}
