"""Photos: every file an editor might commit is handled, derivatives are clean and cached."""

import json
import os
import re

import pytest
from conftest import build, tree_digest
from ocop.core.problems import BuildFailed
from ocop.records.loader import load_catalogue
from PIL import Image, ImageCms

TODAY = __import__("datetime").date(2026, 11, 29)
RECORD = "products/tra-hoa-vang/product.yaml"


def phone_jpeg(path, size=(1600, 1200), orientation=6, gps=True):
    """A JPEG like a phone's: EXIF orientation, GPS position, camera make."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1] // 4))  # a blue block at the top left
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[0x8825] = {1: "N", 2: (21.0, 23.0, 10.0), 3: "E", 4: (103.0, 1.0, 5.0)}
    image.save(path, "JPEG", exif=exif, quality=90)
    return path


def add_photos(site, entries: str):
    record = site / RECORD
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("trade:\n", f"photos:\n{entries}trade:\n", 1), encoding="utf-8")


def problems(site, lang="en"):
    catalogue = load_catalogue(str(site / "products"), TODAY)
    return [p.format(lang, str(site)) for p in catalogue.problems.sorted()]


@pytest.fixture
def photo_site(tiny_site):
    folder = tiny_site / "products/tra-hoa-vang"
    phone_jpeg(folder / "anh-1.jpg")
    add_photos(tiny_site, "  - file: anh-1.jpg\n    alt: Hộp trà hoa vàng\n    credit: HTX Hoa Vàng\n")
    return tiny_site


def make_bad(folder, name):
    """Write a bad file named `name` into `folder` and return what to list."""
    path = folder / name
    if name == "not-image.jpg":
        path.write_text("this is not a photo", encoding="utf-8")
    elif name == "vector.svg":
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    elif name == "vector.png":  # an SVG wearing a PNG name
        path.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', encoding="utf-8")
    elif name == "iphone.heic":
        path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100)
    elif name == "anim.gif":
        Image.new("RGB", (10, 10)).save(path, "GIF")
    elif name == "bomb.png":
        Image.new("1", (12000, 10000)).save(path, "PNG")  # 120 megapixels, a few kilobytes
    return name


@pytest.mark.parametrize(
    ("listed", "create", "expected"),
    [
        ("/etc/passwd", None, "`photos[1].file`: `/etc/passwd` is an absolute path; give the name of a photo in "
                              "the record's folder"),
        ("../mat-ong-rung/product.yaml", None, "`photos[1].file`: `../mat-ong-rung/product.yaml` leaves the "
                                               "record's folder (`..`); copy the photo into this folder"),
        ("anh\\\\1.jpg", None, "`photos[1].file`: `anh\\1.jpg` uses `\\`; use `/` in photo paths"),
        ("anh%2e1.jpg", None, "`photos[1].file`: `anh%2e1.jpg` contains `%` escapes; write the file name as it "
                              "is in the folder"),
        ("khong-co.jpg", None, "`photos[1].file`: there is no photo `khong-co.jpg` in the record's folder"),
        ("not-image.jpg", "not-image.jpg", "`photos[1].file`: `not-image.jpg` is not an image, or it is damaged"),
        ("vector.svg", "vector.svg", "`photos[1].file`: SVG images such as `vector.svg` are refused (they can carry "
                                     "scripts); export it as JPEG or PNG"),
        ("vector.png", "vector.png", "`photos[1].file`: SVG images such as `vector.png` are refused (they can carry "
                                     "scripts); export it as JPEG or PNG"),
        ("iphone.heic", "iphone.heic", "`photos[1].file`: `iphone.heic` is a HEIC/AVIF image, which is not "
                                       "supported; convert it to JPEG, PNG or WebP"),
        ("anim.gif", "anim.gif", "`photos[1].file`: `anim.gif` is a GIF image, which is not supported; convert it "
                                 "to JPEG, PNG or WebP"),
        ("bomb.png", "bomb.png", "`photos[1].file`: `bomb.png` has too many pixels (over 100 megapixels); resize "
                                 "it first"),
    ],
)
def test_bad_photo_files_are_refused_at_the_line_that_lists_them(tiny_site, listed, create, expected):
    folder = tiny_site / "products/tra-hoa-vang"
    if create:
        make_bad(folder, create)
    add_photos(tiny_site, f'  - file: "{listed}"\n    alt: Ảnh\n')
    assert problems(tiny_site)[0] == f"{RECORD}:16:11: error: {expected}"


def test_symlink_leaving_the_folder_is_refused(tiny_site, tmp_path):
    outside = phone_jpeg(tmp_path / "elsewhere.jpg")
    os.symlink(outside, tiny_site / "products/tra-hoa-vang/anh.jpg")
    add_photos(tiny_site, "  - file: anh.jpg\n    alt: Ảnh\n")
    assert problems(tiny_site) == [
        f"{RECORD}:16:11: error: `photos[1].file`: `anh.jpg` is a link leaving the record's folder; copy the photo "
        "itself here"
    ]


def test_missing_photo_suggests_the_file_that_is_there(photo_site):
    record = photo_site / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("file: anh-1.jpg", "file: anh1.jpg"), "utf-8")
    assert problems(photo_site) == [
        f"{RECORD}:1:1: warning: `anh-1.jpg` is in the folder but not listed under `photos`",
        f"{RECORD}:16:11: error: `photos[1].file`: there is no photo `anh1.jpg` in the record's folder "
        "(did you mean `anh-1.jpg`?)",
    ]


def test_unlisted_photo_is_a_warning(photo_site):
    phone_jpeg(photo_site / "products/tra-hoa-vang/anh-2.jpg")
    assert problems(photo_site) == [
        f"{RECORD}:1:1: warning: `anh-2.jpg` is in the folder but not listed under `photos`"
    ]


def test_truncated_photo_fails_the_build_and_keeps_output(photo_site):
    output = build(photo_site)
    before = tree_digest(output)
    data = (photo_site / "products/tra-hoa-vang/anh-1.jpg").read_bytes()
    (photo_site / "products/tra-hoa-vang/anh-1.jpg").write_bytes(data[: len(data) // 3])
    with pytest.raises(BuildFailed) as failure:
        build(photo_site)
    assert failure.value.report.splitlines()[0] == (
        f"{RECORD}:16:11: error: `photos[1].file`: `anh-1.jpg` is truncated or damaged; copy it again from the camera"
    )
    assert tree_digest(output) == before


def derived_files(output):
    return sorted(p for p in (output / "anh/san-pham/tra-hoa-vang").iterdir())


def test_derivatives_are_upright_clean_and_content_addressed(photo_site):
    output = build(photo_site)
    files = derived_files(output)
    names = [p.name for p in files]
    assert sorted(re.sub(r"\.[0-9a-f]{10}\.", ".HASH.", n) for n in names) == [
        "anh-1-1200.HASH.jpg", "anh-1-1200.HASH.webp", "anh-1-320.HASH.jpg", "anh-1-320.HASH.webp",
        "anh-1-640.HASH.jpg", "anh-1-640.HASH.webp", "anh-1-social.HASH.jpg",
    ]
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path  # no EXIF at all, so no GPS and no orientation left to apply
            assert "exif" not in image.info and "icc_profile" not in image.info, path
            assert image.mode == "RGB"
            if "social" in path.name:
                assert image.size == (1200, 630)
            else:
                # 1600×1200 with orientation 6 is a portrait 1200×1600 once upright
                assert image.size[1] > image.size[0], path
        import hashlib

        assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] in path.name


def test_product_page_serves_responsive_images(photo_site):
    output = build(photo_site)
    page = (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture>.*?</picture>", page, re.S).group(0)
    webp = re.search(r'<source type="image/webp" sizes="([^"]+)" srcset="([^"]+)">', picture)
    assert webp.group(1) == "(min-width: 40rem) 40rem, 100vw"
    assert [c.split()[1] for c in webp.group(2).split(", ")] == ["320w", "640w", "1200w"]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'width="1200" height="1600"' in img
    assert 'alt="Hộp trà hoa vàng"' in img
    assert 'fetchpriority="high"' in img and "loading=" not in img  # the first visible image loads at once
    assert 'decoding="async"' in img
    for url in re.findall(r'(?:src|srcset)="([^"]+)"', picture):
        for candidate in url.split(", "):
            assert (output / "products" / candidate.split()[0]).resolve().is_file(), candidate
    assert '<meta property="og:image" content="https://ocop.tinh-thu.example/anh/san-pham/tra-hoa-vang/' in page
    assert "Ảnh: HTX Hoa Vàng" in page
    # cards in lists are lazy
    catalogue = (output / "san-pham/page/2/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img [^>]*loading="lazy"', catalogue)


def test_product_without_photo_gets_an_honest_placeholder(photo_site):
    output = build(photo_site)
    page = (output / "products/mat-ong-rung.html").read_text(encoding="utf-8")
    assert '<div class="no-photo">' in page and "Chưa có ảnh" in page
    assert "<picture" not in page and 'og:image"' not in page
    assert [tag for tag in re.findall(r"<img [^>]*>", page) if 'class="qr"' not in tag] == []  # only the QR code


def stats(site):
    return json.loads((site / "cache/ocop-photos/last-build.json").read_text(encoding="utf-8"))


def test_warm_builds_derive_nothing_even_after_clean(photo_site):
    phone_jpeg(photo_site / "products/tra-hoa-vang/anh-2.jpg", size=(800, 600), orientation=1)
    record = photo_site / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace(
        "photos:\n", "photos:\n  - file: anh-2.jpg\n    alt: Ảnh hai\n"), encoding="utf-8")
    output = build(photo_site, OCOP_PHOTO_WORKERS=2)
    assert stats(photo_site) == {"sources": 2, "derived": 2, "cached": 0, "failed": 0}
    first = tree_digest(output, skip=("pagefind/",))  # Pagefind's filter files vary from run to run
    build(photo_site)
    assert stats(photo_site) == {"sources": 2, "derived": 0, "cached": 2, "failed": 0}
    import shutil

    shutil.rmtree(output)  # make clean
    build(photo_site)
    assert stats(photo_site) == {"sources": 2, "derived": 0, "cached": 2, "failed": 0}
    assert tree_digest(output, skip=("pagefind/",)) == first


def test_changing_the_recipe_derives_again(photo_site):
    build(photo_site)
    build(photo_site, OCOP_PHOTO_WIDTHS=[400, 800])
    assert stats(photo_site)["derived"] == 1


def test_only_referenced_derivatives_are_published(photo_site):
    output = build(photo_site)
    assert derived_files(output)
    record = photo_site / RECORD
    text = record.read_text(encoding="utf-8")
    listed = "photos:\n  - file: anh-1.jpg\n    alt: Hộp trà hoa vàng\n    credit: HTX Hoa Vàng\n"
    record.write_text(text.replace(listed, ""), encoding="utf-8")
    os.remove(photo_site / "products/tra-hoa-vang/anh-1.jpg")
    build(photo_site)
    assert not (output / "anh").exists()


def test_colour_profiles_and_transparency(tiny_site):
    folder = tiny_site / "products/tra-hoa-vang"
    png = Image.new("RGBA", (700, 500), (0, 128, 0, 0))
    png.paste((0, 128, 0, 255), (100, 100, 600, 400))
    png.save(folder / "logo.png")
    wide = Image.new("RGB", (900, 600), (0, 200, 0))
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
    wide.save(folder / "lab.jpg", "JPEG", icc_profile=profile.tobytes())
    add_photos(tiny_site, "  - file: logo.png\n    alt: Logo\n  - file: lab.jpg\n    alt: Ảnh\n")
    output = build(tiny_site)
    for path in (output / "anh/san-pham/tra-hoa-vang").iterdir():
        with Image.open(path) as image:
            assert "icc_profile" not in image.info
            if path.suffix == ".jpg" and path.name.startswith("logo") and "social" not in path.name:
                assert image.getpixel((5, 5)) == (255, 255, 255)  # transparency flattened on white
