"""Photo pipeline benchmark: cold derivation, warm no-op, peak memory.

    PYTHONPATH=plugins python bench/photos.py --count 40

Synthetic 12-megapixel phone-like JPEGs (deterministic) go through the same
`derive_all()` the build uses, first with an empty cache, then again.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "plugins"))

from ocop.core.problems import Problems
from ocop.core.settings import apply_defaults
from ocop.output.photos import derive_all
from ocop.records.photos import Photo
from PIL import Image, ImageDraw  # noqa: E402


def make_photos(folder: str, count: int, size: tuple[int, int], seed: int = 42) -> list[str]:
    """`count` JPEGs of `size` with shapes and noise, like a phone's (EXIF orientation set)."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        image = Image.effect_noise(size, 40).convert("RGB")
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            radius = rng.randrange(50, 600)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius),
                         fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        exif = Image.Exif()
        exif[0x0112] = rng.choice([1, 6, 8])
        path = os.path.join(folder, f"anh-{index:04d}.jpg")
        image.save(path, "JPEG", quality=88, exif=exif)
        paths.append(path)
    return paths


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run(count: int, size: tuple[int, int], workers: int | None) -> list[tuple[str, str]]:
    """Measure and return the table rows."""
    settings = apply_defaults({})
    with tempfile.TemporaryDirectory(prefix="ocop-bench-photos-") as tmp:
        sources = os.path.join(tmp, "src")
        os.makedirs(sources)
        started = time.perf_counter()
        paths = make_photos(sources, count, size)
        generate = time.perf_counter() - started
        cache = os.path.join(tmp, "cache")

        def photos():
            return [Photo(file=os.path.basename(p), alt="x", record_path=p, line=1, column=1, field="photos",
                          source=p) for p in paths]

        started = time.perf_counter()
        cold = derive_all(photos(), settings, cache, Problems(), workers)
        cold_seconds = time.perf_counter() - started
        started = time.perf_counter()
        warm = derive_all(photos(), settings, cache, Problems(), workers)
        warm_seconds = time.perf_counter() - started
        derivatives = sum(len(files) for _, _, files in os.walk(cache)) - count  # minus manifests
        own, children = peak_mib()
        shutil.rmtree(cache, ignore_errors=True)
    return [
        ("source photos", f"{count} × {size[0]}×{size[1]} JPEG (generated in {generate:.1f} s)"),
        ("widths", ", ".join(str(w) for w in settings["OCOP_PHOTO_WIDTHS"]) + " (WebP + JPEG) + 1200×630 card"),
        ("workers", str(workers or os.cpu_count())),
        ("cold: derived / cached", f"{cold.derived} / {cold.cached}"),
        ("cold: wall time", f"{cold_seconds:.2f} s"),
        ("cold: source images per second", f"{count / cold_seconds:.2f}"),
        ("cold: derivatives written", f"{derivatives} ({derivatives / cold_seconds:.1f} per second)"),
        ("warm: derived / cached", f"{warm.derived} / {warm.cached}"),
        ("warm: wall time (no-op)", f"{warm_seconds:.3f} s"),
        ("peak RSS: main process", f"{own:.0f} MiB"),
        ("peak RSS: largest worker", f"{children:.0f} MiB"),
    ]


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    rows = run(args.count, (args.width, args.height), args.workers)
    width = max(len(k) for k, _ in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
