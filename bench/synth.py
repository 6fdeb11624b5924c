"""A deterministic synthetic catalogue for benchmarks: clearly fake, never shipped.

    python bench/synth.py --products 1000 --out /tmp/bench-1k [--photos]

Writes a complete site folder (pelicanconf.py, products/, content/news/) using the
repository's theme and plugin, with N products spread over 10 districts, N/5
producers, a few decisions, N/200 news articles and ~150 words of Markdown each.
"""

from __future__ import annotations

import argparse
import os
import random
import textwrap

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SYLLABLES = ("an", "bình", "cá", "dầu", "điện", "gạo", "hoa", "khô", "lạc", "mật", "nếp", "ong", "phố", "quả",
             "rượu", "sấy", "tép", "trà", "ủ", "văn", "xanh", "yên", "bưởi", "chè", "dưa", "mèo", "trâu", "thịt")
WORDS = ("sản phẩm", "được", "làm", "từ", "nguyên liệu", "địa phương", "theo", "cách", "truyền thống", "của",
         "đồng bào", "vùng cao", "hợp tác xã", "chất lượng", "an toàn", "thơm", "ngon", "bảo quản", "nơi",
         "khô ráo", "đóng gói", "hộp", "túi", "chai", "mùa", "thu hoạch", "người dân", "bản", "xã", "huyện")
DISTRICTS = [f"huyen-thu-{i:02d}" for i in range(1, 11)]
GROUPS = ("thuc_pham", "do_uong", "thao_duoc", "vai_may_mac")


def name(rng: random.Random, words: int = 3) -> str:
    """A Vietnamese-looking name."""
    return " ".join(rng.choice(SYLLABLES) for _ in range(words)).capitalize()


def paragraph(rng: random.Random, words: int) -> str:
    """Markdown with bold, a list and italics, about `words` words."""
    body = " ".join(rng.choice(WORDS) for _ in range(words - 12))
    return (f"**{name(rng, 2)}** {body}.\n\n- {rng.choice(WORDS)} {rng.choice(WORDS)}\n"
            f"- {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n*{rng.choice(WORDS)} {rng.choice(WORDS)}*\n")


def write(path: str, text: str) -> None:
    """Write a file, creating folders."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def generate(out: str, products: int, photos: bool = False, seed: int = 42) -> None:
    """Write the synthetic site into `out`."""
    rng = random.Random(seed)
    data = os.path.join(out, "products")
    write(os.path.join(out, "pelicanconf.py"), textwrap.dedent(f"""\
        # Synthetic benchmark catalogue (fake data, never published): the real settings, other data.
        with open({os.path.join(REPO, 'pelicanconf.py')!r}, encoding="utf-8") as _handle:
            exec(_handle.read())
        THEME = {os.path.join(REPO, 'theme')!r}
        PLUGIN_PATHS = [{os.path.join(REPO, 'plugins')!r}]
        PATH = "content"
        OCOP_DATA_PATH = "products"
        OCOP_TODAY = "2026-11-29"
        SITENAME = "Synthetic OCOP benchmark"
        OCOP_LANGUAGE_SETTINGS = {{}}
        """))
    write(os.path.join(data, "_province.yaml"), "name: Tỉnh Thử\noffice: Văn phòng thử\nsources: [gia-lap]\n")
    write(os.path.join(data, "_sources", "gia-lap.yaml"), "title: Dữ liệu giả lập cho đo hiệu năng\n")
    for index, region in enumerate(DISTRICTS, start=1):
        write(os.path.join(data, "_regions", f"{region}.yaml"),
              f"name: Huyện Thử {index:02d}\ntype: huyen\norder: {index}\nsources: [gia-lap]\n")
    for year in range(2019, 2026):
        regime = "qd1048" if year < 2023 else "qd148"
        write(os.path.join(data, "_decisions", f"qd-{year}.yaml"),
              f"issuer: UBND tỉnh Thử\nissuer_level: province\nregime: {regime}\n"
              f"signed: {year}-06-15\nsources: [gia-lap]\n")
    producers = max(1, products // 5)
    for index in range(producers):
        write(os.path.join(data, "_producers", f"htx-{index:06d}.yaml"),
              f"name: HTX {name(rng)} {index}\nlegal_form: hop_tac_xa\nregion: {rng.choice(DISTRICTS)}\n"
              f"sources: [gia-lap]\nlast_verified: 2026-11-01\n")
    photo_files = []
    if photos:
        from PIL import Image, ImageDraw

        shared = os.path.join(out, "photo-pool")
        os.makedirs(shared, exist_ok=True)
        for index in range(50):  # a pool of distinct photos, copied into product folders
            image = Image.new("RGB", (1600, 1200), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
            ImageDraw.Draw(image).ellipse((400, 300, 1200, 900), fill=(rng.randrange(256), 80, 80))
            path = os.path.join(shared, f"p{index}.jpg")
            image.save(path, "JPEG", quality=85)
            photo_files.append(path)
    for index in range(products):
        slug = f"san-pham-{index:06d}"
        year = rng.randrange(2019, 2026)
        group = rng.choice(GROUPS if year < 2023 else ("thuc_pham", "do_uong"))
        stars = rng.choice((3, 3, 3, 4, 4, 5)) if year >= 2023 else rng.choice((3, 3, 4))
        level = "central" if stars == 5 else "province"
        if stars == 5:
            decision = f"qd-{year}-tw"
            if not os.path.exists(os.path.join(data, "_decisions", f"{decision}.yaml")):
                regime = "qd1048" if year < 2023 else "qd148"
                write(os.path.join(data, "_decisions", f"{decision}.yaml"),
                      f"issuer: Bộ Nông nghiệp\nissuer_level: {level}\nregime: {regime}\n"
                      f"signed: {year}-09-01\nsources: [gia-lap]\n")
        else:
            decision = f"qd-{year}"
        photo_lines = ""
        if photos:
            count = rng.randrange(1, 4)
            photo_lines = "photos:\n"
            for number in range(count):
                source = rng.choice(photo_files)
                target = os.path.join(data, slug, f"anh-{number}.jpg")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(source, "rb") as src, open(target, "wb") as dst:
                    dst.write(src.read())
                photo_lines += f"  - file: anh-{number}.jpg\n    alt: Ảnh {number}\n"
        description = textwrap.indent(paragraph(rng, 150), "  ")
        write(os.path.join(data, slug, "product.yaml"),
              f"name: {name(rng)} {index}\nregion: {rng.choice(DISTRICTS)}\n"
              f"producer: htx-{rng.randrange(producers):06d}\n"
              f"certificates:\n  - decision: {decision}\n    stars: {stars}\n    group: {group}\n"
              f"description: |\n{description}{photo_lines}sources: [gia-lap]\nlast_verified: 2026-11-01\n")
    for index in range(max(1, products // 200)):
        featured = ", ".join(f"san-pham-{rng.randrange(products):06d}" for _ in range(3))
        write(os.path.join(out, "content", "news", f"tin-{index:04d}.md"),
              f"Title: Tin thử {index}\nDate: 2024-{1 + index % 12:02d}-{1 + index % 28:02d}\nSlug: tin-thu-{index}\n"
              f"Products: {featured}\nSummary: Tin giả lập.\n\n{paragraph(rng, 120)}")


def read_products(site: str):
    """(slug, record) of every product of a generated site, for the comparison builds."""
    import yaml

    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    data = os.path.join(site, "products")
    for name in sorted(os.listdir(data)):
        if not name.startswith("_"):
            with open(os.path.join(data, name, "product.yaml"), encoding="utf-8") as handle:
                yield name, yaml.load(handle, Loader=loader)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--photos", action="store_true")
    args = parser.parse_args()
    generate(args.out, args.products, args.photos)


if __name__ == "__main__":
    main()
