"""Editors' workflow: scaffolding, `make check` warnings and annotations, the report, schemas for editors."""

import datetime
import fnmatch
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli, write
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_DIR = REPO / "plugins" / "ocop" / "schema"
KIND_OF_FOLDER = {"_producers": "producer", "_regions": "region", "_decisions": "decision", "_sources": "source"}
TRA = "products/tra-hoa-vang/product.yaml"
MAT = "products/mat-ong-rung/product.yaml"
HTX = "products/_producers/htx-hoa-vang.yaml"
TARGETS = """
OCOP_TARGETS = [
    {"label_vi": "Phát triển mới sản phẩm OCOP", "label_en": "New OCOP products", "value": 26, "year": 2025,
     "measure": "new_products", "source": "Báo cáo hư cấu"},
    {"label_vi": "Nâng cấp từ 3 lên 4 sao", "label_en": "Upgraded from 3 to 4 stars", "value": 2, "year": 2025,
     "measure": "upgraded_3_to_4", "source": "Báo cáo hư cấu"},
    {"label_vi": "Hội chợ OCOP cấp tỉnh", "label_en": "Provincial OCOP fair", "value": 1, "year": 2025,
     "source": "Báo cáo hư cấu"},
]
"""


def lines(text: str) -> list[str]:
    return text.strip("\n").splitlines()


def set_today(site: Path, day: str) -> None:
    """Judge validity on `day` for every command run in `site` (the fixture fixes OCOP_TODAY)."""
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nOCOP_TODAY = {day!r}\n", encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pos(site: Path, relative: str, needle: str, skip: int = 0) -> str:
    """`line:column` of the first `needle` in a file (plus `skip` characters), as messages give it.

    Expected messages name positions this way so that they stay exact when
    others add fields to the shared fixture.
    """
    for number, text in enumerate((site / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in text:
            return f"{number}:{text.index(needle) + 1 + skip}"
    raise AssertionError(f"{needle!r} not in {relative}")


def record_lines(path: Path) -> list[str]:
    """The lines of a record that are data (no comment lines)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


# scaffolding: new-product ---------------------------------------------------------------

NEW_PRODUCT = ["new-product", "--name", "Gạo nếp Đông Tú", "--region", "huyen-a", "--decision", "qd-2025",
               "--stars", "3", "--group", "thuc_pham", "--source", "ghi-chu"]


def test_new_product_with_arguments_passes_check(tiny_site):
    result = run_cli(tiny_site, *NEW_PRODUCT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert lines(result.stdout) == [
        "Created products/gao-nep-dong-tu/product.yaml",
        "",
        "What to do next:",
        "  1. Open products/gao-nep-dong-tu/product.yaml and read what was filled in.",
        "  2. `last_verified` says 2026-11-29, the day you checked the sources; correct it if that is wrong.",
        "  3. When a source gives them: `name_en`, `commune`, `description`, `description_en`, the `score`… "
        "Leave the notes as they are for facts no source gives.",
        "  4. Photos: copy real photos of the product (taken or licensed by the producer, no stock photos) into "
        "products/gao-nep-dong-tu/ and list them under `photos:` with Vietnamese `alt` text; see the photo "
        "requirements in the guide.",
        "  5. Run `make check`: no error may remain (deal with warnings when you can).",
        "  6. Preview: `make serve`, then open http://localhost:8000/products/gao-nep-dong-tu.html",
        "  7. Send it: create a branch, commit products/gao-nep-dong-tu and open a pull request (see the guide).",
    ]
    record = tiny_site / "products/gao-nep-dong-tu/product.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../plugins/ocop/schema/product.schema.json\n")
    assert [line.split("#")[0].rstrip() for line in record_lines(record)] == [
        "name: Gạo nếp Đông Tú",
        "region: huyen-a",
        "certificates:",
        "  - decision: qd-2025",
        "    stars: 3",
        "    group: thuc_pham",
        "",
        "",
        "sources:",
        "  - ghi-chu",
        "last_verified: 2026-11-29",
    ]
    # nothing invented: every other field is a comment
    for placeholder in ("# name_en:", "# commune:", "# producer:", "# description:", "# photos:"):
        assert placeholder in text
    check = run_cli(tiny_site, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("OK: 3 products, 1 producers, 3 regions, 2 decisions, 1 sources;")
    assert "products/gao-nep-dong-tu/product.yaml:4:1: warning: no English name" in check.stderr


def test_new_product_slug_folds_vietnamese_and_d(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Đường phèn Điện Biên: loại 1", "--region", "huyen-a")
    assert result.returncode == 0, result.stderr
    record = tiny_site / "products/duong-phen-dien-bien-loai-1/product.yaml"
    assert 'name: "Đường phèn Điện Biên: loại 1"' in record.read_text(encoding="utf-8")


def test_new_product_without_a_source_leaves_a_todo_and_check_says_so(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Chè búp", "--region", "huyen-a", "--decision", "qd-2025",
                     "--stars", "3", "--group", "do_uong")
    assert result.returncode == 0, result.stderr
    assert ("  2. Add the sources under `sources:` (required): the id of a file in products/_sources/ (create one "
            "if the document is not there yet), and `last_verified:` with the date you checked. Until then "
            "`make check` reports the missing `sources`, as it should.") in lines(result.stdout)
    text = (tiny_site / "products/che-bup/product.yaml").read_text(encoding="utf-8")
    assert "# sources:                          # REQUIRED: `make check` fails until a source is given\n" in text
    assert "# last_verified: YYYY-MM-DD         # REQUIRED: date checked against the sources\n" in text
    check = run_cli(tiny_site, "check")
    assert check.returncode == 1
    assert lines(check.stdout) == [  # errors and the summary on stdout, warnings on stderr
        "products/che-bup/product.yaml:4:1: error: missing required field `last_verified`",
        "products/che-bup/product.yaml:4:1: error: missing required field `sources`",
        "2 error(s)",
    ]
    assert ": warning: " in check.stderr and ": error: " not in check.stderr


def test_new_product_with_only_a_name_leaves_every_fact_to_fill_in(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Măng khô")
    assert result.returncode == 0, result.stderr
    assert ("  2. Fill in the missing required fields: `region`, `decision`, `stars`, `group` (remove the # at the "
            "start of the line).") in lines(result.stdout)
    record = tiny_site / "products/mang-kho/product.yaml"
    assert [line for line in record_lines(record) if line.strip()] == ["name: Măng khô"]
    check = run_cli(tiny_site, "check")
    assert lines(check.stdout) == [
        f"products/mang-kho/product.yaml:4:1: error: missing required field `{name}`"
        for name in ("certificates", "last_verified", "region", "sources")
    ] + ["4 error(s)"]


def test_new_product_refuses_to_overwrite(tiny_site):
    before = (tiny_site / "products/tra-hoa-vang/product.yaml").read_bytes()
    result = run_cli(tiny_site, "new-product", "--name", "Trà hoa vàng", "--region", "huyen-a")
    assert result.returncode == 1
    assert result.stderr == ("error: products/tra-hoa-vang already exists (product); nothing was overwritten. "
                             "Edit that file, or choose another id with SLUG=... (--slug)\n")
    assert (tiny_site / "products/tra-hoa-vang/product.yaml").read_bytes() == before
    again = run_cli(tiny_site, "new-product", "--name", "Trà hoa vàng", "--slug", "tra-hoa-vang-xa-mot",
                    "--region", "huyen-a")
    assert again.returncode == 0, again.stderr
    assert (tiny_site / "products/tra-hoa-vang-xa-mot/product.yaml").is_file()


def test_new_product_checks_the_ids_it_is_given(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Chè", "--region", "huyen-x", "--producer", "htx-hoa-vag",
                     "--decision", "qd-2024", "--stars", "6", "--group", "do-uong", "--source", "ghi-chu,bao-cao")
    assert result.returncode == 1
    assert result.stdout == ""
    root = tiny_site / "products"
    assert lines(result.stderr) == [
        f"error: `region`: there is no region `huyen-x` (expected the file {root}/_regions/huyen-x.yaml) "
        "(did you mean `huyen-a`?)",
        f"error: `producer`: there is no producer `htx-hoa-vag` (expected the file "
        f"{root}/_producers/htx-hoa-vag.yaml) (did you mean `htx-hoa-vang`?)",
        f"error: `certificates[1].decision`: there is no decision `qd-2024` (expected the file "
        f"{root}/_decisions/qd-2024.yaml) (did you mean `qd-2025`?)",
        "error: `certificates[1].stars`: 6 stars is not possible; only 3, 4 or 5 stars are certified",
        "error: `certificates[1].group`: `do-uong` is not allowed; choose one of: thuc_pham, do_uong, thao_duoc, "
        "vai_may_mac, luu_niem_noi_that_trang_tri, du_lich_nong_thon_ban_hang, duoc_lieu, thu_cong_my_nghe, "
        "sinh_vat_canh, du_lich_cong_dong_sinh_thai (did you mean `do_uong`?)",
        f"error: `sources[2]`: there is no source `bao-cao` (expected the file {root}/_sources/bao-cao.yaml)",
    ]
    assert not (root / "che").exists()


def test_new_product_checks_stars_and_group_against_the_decision(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Chè", "--region", "huyen-a", "--decision", "qd-2019",
                     "--stars", "5", "--group", "duoc_lieu")
    assert result.returncode == 1
    assert lines(result.stderr) == [
        "error: `certificates[1].stars`: decision `qd-2019` (cấp tỉnh, QĐ 1048/QĐ-TTg (2019)) cannot award "
        "5 stars; that level awards 3, 4 stars",
        "error: `certificates[1].group`: group `duoc_lieu` does not exist under QĐ 1048/QĐ-TTg (2019), the regime "
        "of decision `qd-2019`; valid groups: thuc_pham, do_uong, thao_duoc, vai_may_mac, "
        "luu_niem_noi_that_trang_tri, du_lich_nong_thon_ban_hang",
    ]


def test_new_product_messages_in_vietnamese(tiny_site):
    result = run_cli(tiny_site, "new-product", "--name", "Chè", "--region", "muong-anh", env={"OCOP_LANG": "vi"})
    assert result.returncode == 1
    assert result.stderr == (f"lỗi: `region`: không có địa bàn `muong-anh` (cần tệp "
                             f"{tiny_site}/products/_regions/muong-anh.yaml)\n")


def test_new_product_interactive_with_answers_piped_to_stdin(tiny_site):
    answers = "\n".join([
        "Mật ong bạc hà",  # name
        "Peppermint honey",  # English name
        "huyen-x",  # a wrong district: asked again, with a hint
        "Huyện A",  # a name finds the id
        "xã Một",  # commune
        "",  # producer: none named by the source
        "qd-2019",  # decision
        "5",  # not a level a province awards under QĐ 1048: asked again
        "3",
        "thực phẩm",  # the group by its Vietnamese name
        "ghi-chu",  # a source
        "",  # no more sources
        "",  # verified today (the default)
    ]) + "\n"
    result = subprocess.run(
        [os.sys.executable, "-m", "ocop", "new-product"], cwd=tiny_site, input=answers, capture_output=True,
        text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "vi"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = lines(result.stdout)
    assert "Tên sản phẩm (như quyết định hoặc báo cáo ghi): Mật ong bạc hà" in out
    assert "  Mã (tên thư mục, tệp): mat-ong-bac-ha" in out
    assert "    huyen-b      Huyện B (đến 2025-06-30)" in out  # the valid choices are shown
    assert (f"  lỗi: `region`: không có địa bàn `huyen-x` (cần tệp {tiny_site}/products/_regions/huyen-x.yaml) "
            "(có phải `huyen-a`?)") in out
    assert "  → huyen-a (Huyện A)" in out
    assert ("  lỗi: `certificates[1].stars`: quyết định `qd-2019` (cấp tỉnh, QĐ 1048/QĐ-TTg (2019)) không công "
            "nhận 5 sao; cấp này chỉ công nhận 3, 4 sao") in out
    assert "  → thuc_pham (Thực phẩm)" in out
    assert "Ngày đối chiếu với nguồn (NĂM-THÁNG-NGÀY) [2026-11-29]: " in out
    assert "Đã tạo products/mat-ong-bac-ha/product.yaml" in out
    record = tiny_site / "products/mat-ong-bac-ha/product.yaml"
    assert [line for line in (raw.split("#")[0].rstrip() for raw in record_lines(record)) if line] == [
        "name: Mật ong bạc hà",
        "name_en: Peppermint honey",
        "region: huyen-a",
        "commune: xã Một",
        "certificates:",
        "  - decision: qd-2019",
        "    stars: 3",
        "    group: thuc_pham",
        "sources:",
        "  - ghi-chu",
        "last_verified: 2026-11-29",
    ]
    check = run_cli(tiny_site, "check")
    assert check.returncode == 0, check.stderr


def test_interactive_asks_again_for_a_name_already_used(tiny_site):
    result = subprocess.run(
        [os.sys.executable, "-m", "ocop", "new-product"], cwd=tiny_site, input="Trà hoa vàng\nTrà hoa vàng xã Một\n",
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result.stdout)[1:4] == [
        "Product name (as the decision or report writes it): Trà hoa vàng",
        "  error: products/tra-hoa-vang already exists (product); nothing was overwritten. Edit that file, or "
        "choose another id with SLUG=... (--slug)",
        "Product name (as the decision or report writes it): Trà hoa vàng xã Một",
    ]
    assert (tiny_site / "products/tra-hoa-vang-xa-mot/product.yaml").is_file()


def test_interactive_without_any_answer_creates_nothing(tiny_site):
    result = subprocess.run(
        [os.sys.executable, "-m", "ocop", "new-product"], cwd=tiny_site, input="", capture_output=True,
        text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en"},
    )
    assert result.returncode == 1
    assert result.stderr == "no name given: nothing was created.\n"
    assert sorted(p.name for p in (tiny_site / "products").iterdir()) == [
        "_decisions", "_producers", "_province.yaml", "_regions", "_sources", "mat-ong-rung", "tra-hoa-vang"]


@pytest.fixture
def make_site(tiny_site):
    """The tiny site with the repository's Makefile, virtual environment and plugin, as a province repo has."""
    if shutil.which("make") is None or not (REPO / ".venv" / "bin" / "python").exists():
        pytest.skip("needs make and the repository's .venv")
    shutil.copy(REPO / "Makefile", tiny_site / "Makefile")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(REPO / name, tiny_site / name)
        os.utime(tiny_site / name, (0, 0))  # older than .venv/.installed: make does not reinstall
    os.symlink(REPO / ".venv", tiny_site / ".venv")
    os.symlink(REPO / "plugins", tiny_site / "plugins")
    return tiny_site


def run_make(site: Path, *args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "OCOP_LANG": "en", **(env or {})}
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "--no-print-directory", *args], cwd=site, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_make_new_product_then_make_check(make_site):
    result = run_make(make_site, "new-product", "NAME=Gạo nếp Tú Lệ 'đặc biệt'", "REGION=huyen-a",
                      "DECISION=qd-2025", "STARS=3", "GROUP=thuc_pham", "SOURCE=ghi-chu")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Created products/gao-nep-tu-le-dac-biet/product.yaml\n")
    record = make_site / "products/gao-nep-tu-le-dac-biet/product.yaml"
    assert "name: Gạo nếp Tú Lệ 'đặc biệt'\n" in record.read_text(encoding="utf-8")
    check = run_make(make_site, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("OK: 3 products")


def test_make_new_product_refuses_an_unknown_district(make_site):
    result = run_make(make_site, "new-product", "NAME=Chè", "REGION=huyn-a")
    assert result.returncode != 0
    assert lines(result.stderr)[0] == (
        f"error: `region`: there is no region `huyn-a` (expected the file "
        f"{make_site}/products/_regions/huyn-a.yaml) (did you mean `huyen-a`?)")


def test_make_new_product_asks_when_no_name_is_given(make_site):
    # An environment variable called NAME (WSL sets one to the computer's name) is not an answer.
    result = run_make(make_site, "new-product", stdin="Chè xanh\n\nhuyen-b\n\n\n\n\n\n\n\n",
                      env={"NAME": "MAY-TINH-VAN-PHONG", "GROUP": "staff"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Created products/che-xanh/product.yaml" in result.stdout
    assert "region: huyen-b" in (make_site / "products/che-xanh/product.yaml").read_text(encoding="utf-8")


# scaffolding: new-producer and new-news ----------------------------------------------------------


def test_new_producer_then_a_product_of_it(tiny_site):
    result = run_cli(tiny_site, "new-producer", "--name", "HTX Đồng Tâm", "--legal-form", "hop_tac_xa",
                     "--region", "huyen-a", "--source", "ghi-chu", "--verified", "2026-11-20")
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout)[0] == "Created products/_producers/htx-dong-tam.yaml"
    record = tiny_site / "products/_producers/htx-dong-tam.yaml"
    assert record.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../plugins/ocop/schema/producer.schema.json\n")
    assert [line.split("#")[0].rstrip() for line in record_lines(record)] == [
        "name: HTX Đồng Tâm", "legal_form: hop_tac_xa", "region: huyen-a", "sources:", "  - ghi-chu",
        "last_verified: 2026-11-20",
    ]
    product = run_cli(tiny_site, *NEW_PRODUCT, "--producer", "htx-dong-tam")
    assert product.returncode == 0, product.stderr
    check = run_cli(tiny_site, "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: 3 products, 2 producers")


def test_new_producer_checks_legal_form_and_refuses_twins(tiny_site):
    result = run_cli(tiny_site, "new-producer", "--name", "HTX Hoa Vàng", "--legal-form", "hop-tac-xa")
    assert result.returncode == 1
    assert lines(result.stderr) == [
        "error: `legal_form`: `hop-tac-xa` is not allowed; choose one of: hop_tac_xa, doanh_nghiep, to_hop_tac, "
        "ho_kinh_doanh, co_so_san_xuat (did you mean `hop_tac_xa`?)",
    ]
    twin = run_cli(tiny_site, "new-producer", "--name", "HTX Hoa Vàng")
    assert twin.returncode == 1
    assert twin.stderr == ("error: products/_producers/htx-hoa-vang.yaml already exists (producer); nothing was "
                           "overwritten. Edit that file, or choose another id with SLUG=... (--slug)\n")


def test_new_news_then_check(tiny_site):
    result = run_cli(tiny_site, "new-news", "--title", "Hội chợ OCOP Tỉnh Thử 2026", "--date", "2026-12-01",
                     "--products", "tra-hoa-vang, mat-ong-rung", "--producers", "htx-hoa-vang", "--source", "ghi-chu",
                     "--summary", "Hai sản phẩm tham gia hội chợ.")
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout)[0] == "Created content/news/hoi-cho-ocop-tinh-thu-2026.md"
    article = tiny_site / "content/news/hoi-cho-ocop-tinh-thu-2026.md"
    assert lines(article.read_text(encoding="utf-8"))[:8] == [
        "Title: Hội chợ OCOP Tỉnh Thử 2026",
        "Date: 2026-12-01",
        "Slug: hoi-cho-ocop-tinh-thu-2026",
        "Products: tra-hoa-vang, mat-ong-rung",
        "Producers: htx-hoa-vang",
        "Sources: ghi-chu",
        "Summary: Hai sản phẩm tham gia hội chợ.",
        "",
    ]
    check = run_cli(tiny_site, "check")
    assert check.returncode == 0, check.stderr
    assert ("content/news/hoi-cho-ocop-tinh-thu-2026.md:9:1: warning: the news article has no text: write it "
            "below the header lines (after an empty line)") in lines(check.stderr)
    edit(article, "-->\n", "-->\n\nHai sản phẩm của tỉnh tham gia hội chợ.\n")
    assert "no text" not in run_cli(tiny_site, "check").stderr


def test_new_news_checks_ids_and_slugs(tiny_site):
    result = run_cli(tiny_site, "new-news", "--title", "Tin", "--products", "tra-hoa-vag")
    assert result.returncode == 1
    assert result.stderr == (f"error: `Products`: there is no product `tra-hoa-vag` (expected the file "
                             f"{tiny_site}/products/tra-hoa-vag/product.yaml) (did you mean `tra-hoa-vang`?)\n")
    taken = run_cli(tiny_site, "new-news", "--title", "Hội chợ", "--slug", "hoi-cho")
    assert taken.returncode == 1
    assert taken.stderr == ("error: content/news/hoi-cho.md already exists (news article); nothing was overwritten. "
                            "Edit that file, or choose another id with SLUG=... (--slug)\n")


def test_new_news_interactive(tiny_site):
    answers = "Tin thử\n2026-12-02\ntra-hoa-vang\n\nghi-chu\n\n"
    result = subprocess.run(
        [os.sys.executable, "-m", "ocop", "new-news"], cwd=tiny_site, input=answers, capture_output=True,
        text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines((tiny_site / "content/news/tin-thu.md").read_text(encoding="utf-8"))[:5] == [
        "Title: Tin thử", "Date: 2026-12-02", "Slug: tin-thu", "Products: tra-hoa-vang", "Sources: ghi-chu"]


def run_interactive(site: Path, command: str, answers: list[str], lang: str = "en") -> subprocess.CompletedProcess:
    """`python -m ocop COMMAND` with `answers` piped to its questions, one a line."""
    return subprocess.run(
        [os.sys.executable, "-m", "ocop", command], cwd=site, input="".join(a + "\n" for a in answers),
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": lang},
    )


def test_new_producer_interactive_asks_again_and_finds_ids_by_name(tiny_site):
    result = run_interactive(tiny_site, "new-producer", [
        "HTX Hoa Vàng",  # taken: asked again
        "HTX Mới", "New coop",
        "hop",  # two legal forms match: asked again
        "Hợp tác xã",  # a label finds the id
        "huyen",  # two districts match
        "huyen-b", "xã Hai",
        "ghi", "ghi-chu",  # the same source twice is listed once
        "nope", "", "2026-13-01", "2026-11-02"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result.stdout) == [
        "A new producer record (cooperative, company, household business…). Enter only facts a source states; "
        "leave unknown ones empty. Ctrl+C stops.",
        "Producer name (as the source writes it): HTX Hoa Vàng",
        "  error: products/_producers/htx-hoa-vang.yaml already exists (producer); nothing was overwritten. Edit "
        "that file, or choose another id with SLUG=... (--slug)",
        "Producer name (as the source writes it): HTX Mới",
        "  Id (folder or file name): htx-moi",
        "English name (if known): New coop",
        "Legal form:",
        "    hop_tac_xa      Cooperative",
        "    doanh_nghiep    Company",
        "    to_hop_tac      Cooperative group",
        "    ho_kinh_doanh   Household business",
        "    co_so_san_xuat  Production facility",
        "Legal form: hop",
        "  error: several choices match: hop_tac_xa, to_hop_tac; type more of it",
        "Legal form: Hợp tác xã",
        "  → hop_tac_xa (Cooperative)",
        "District: choose one of these ids (files in products/_regions/).",
        "    huyen-a      Huyện A",
        "    huyen-b      Huyện B (until 2025-06-30)",
        "    thanh-pho-c  Thành phố C",
        "District: huyen",
        "  error: several choices match: huyen-a, huyen-b; type more of it",
        "District: huyen-b",
        "Commune (as the source gives it, if known): xã Hai",
        "Sources for these facts: ids in products/_sources/, one at a time; leave empty to finish.",
        "    ghi-chu  Ghi chú kiểm thử",
        "Source: ghi",
        "  → ghi-chu (Ghi chú kiểm thử)",
        "Source: ghi-chu",
        "Source: nope",
        f"  error: `sources[2]`: there is no source `nope` (expected the file {tiny_site}/products/_sources/nope.yaml)",
        "Source: ",
        "Date checked against the sources (YYYY-MM-DD) [2026-11-29]: 2026-13-01",
        "  error: `last_verified`: 2026-13-01 is not a real date",
        "Date checked against the sources (YYYY-MM-DD) [2026-11-29]: 2026-11-02",
        "",
        "Created products/_producers/htx-moi.yaml",
        "",
        "What to do next:",
        "  1. Open products/_producers/htx-moi.yaml and read what was filled in.",
        "  2. `last_verified` says 2026-11-02, the day you checked the sources; correct it if that is wrong.",
        "  3. When a source gives them: `name_en`, `commune`, `address`, `website`, `contacts` (public ones only), "
        "`description`. Leave the notes as they are for facts no source gives.",
        "  4. Run `make check`: no error may remain (deal with warnings when you can).",
        "  5. Preview: `make serve`, then open http://localhost:8000/chu-the/htx-moi/",
        "  6. Send it: create a branch, commit products/_producers/htx-moi.yaml and open a pull request (see the "
        "guide).",
    ]
    record = tiny_site / "products/_producers/htx-moi.yaml"
    assert [line.split("#")[0].rstrip() for line in record_lines(record)] == [
        "name: HTX Mới", "name_en: New coop", "legal_form: hop_tac_xa", "region: huyen-b", "commune: xã Hai",
        "sources:", "  - ghi-chu", "last_verified: 2026-11-02"]


def test_interactive_product_questions_in_order_with_retries(tiny_site):
    result = run_interactive(tiny_site, "new-product", [
        "",  # required: asked again
        "Chè\u200b",  # an invisible character
        "Chè mới", "", "c", "", "htx", "qd", "2025",
        "x", "9", "4",  # stars: not a number, not a level, then a level the decision awards
        "do", "duoc_lieu", "", ""])
    assert result.returncode == 0, result.stdout + result.stderr
    out = lines(result.stdout)
    prompts = [line.split(": ")[0] for line in out if not line.startswith(" ") and ": " in line
               and not line.endswith(".")][:16]  # no intro of a question
    assert prompts == [
        "Product name (as the decision or report writes it)", "Product name (as the decision or report writes it)",
        "Product name (as the decision or report writes it)", "English name (if known)", "District", "Commune (as "
        "the source gives it, if known)", "Producer", "Decision", "Decision", "Stars (3, 4)", "Stars (3, 4)",
        "Stars (3, 4)", "Group", "Group", "Source", "Date checked against the sources (YYYY-MM-DD)"]
    assert "  This one is required; please answer it." in out
    assert "  error: `certificates[1].stars` must be a whole number" in out
    assert "  error: several choices match: do_uong, du_lich_cong_dong_sinh_thai; type more of it" in out
    assert "Date checked against the sources (YYYY-MM-DD): " in out  # no source: no default date
    record = tiny_site / "products/che-moi/product.yaml"
    assert [line for line in (raw.split("#")[0].rstrip() for raw in record_lines(record)) if line] == [
        "name: Chè mới", "region: thanh-pho-c", "producer: htx-hoa-vang", "certificates:", "  - decision: qd-2025",
        "    stars: 4", "    group: duoc_lieu"]


@pytest.mark.parametrize("command, answers, expected", [
    ("new-product", ["Chè", "", "huyen-a"], "products/che/product.yaml"),
    ("new-producer", ["HTX Ba", "", "doanh"], "products/_producers/htx-ba.yaml"),
    ("new-news", ["Tin hai"], "content/news/tin-hai.md"),
])
def test_interactive_input_that_ends_early_leaves_the_rest_for_later(tiny_site, command, answers, expected):
    result = run_interactive(tiny_site, command, answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Created {expected}" in lines(result.stdout)
    assert (tiny_site / expected).is_file()


def test_interactive_news_asks_again_for_unknown_ids(tiny_site):
    result = run_interactive(tiny_site, "new-news", [
        "Hội chợ", "Tin thử", "2026-02-30", "", "tra-hoa-vag", "tra-hoa-vang, mat-ong-rung", "htx", "htx-hoa-vang",
        "", "Tóm tắt."])
    assert result.returncode == 0, result.stdout + result.stderr
    out = lines(result.stdout)
    assert out[1:12] == [
        "Title: Hội chợ",
        "  error: content/news/hoi-cho.md already exists (news article); nothing was overwritten. Edit that file, "
        "or choose another id with SLUG=... (--slug)",
        "Title: Tin thử",
        "  Id (folder or file name): tin-thu",
        "Date (YYYY-MM-DD) [2026-11-29]: 2026-02-30",
        "  error: `Date`: 2026-02-30 is not a real date",
        "Date (YYYY-MM-DD) [2026-11-29]: ",
        "Ids of the products it is about, separated by commas: tra-hoa-vag",
        f"  error: `Products`: there is no product `tra-hoa-vag` (expected the file "
        f"{tiny_site}/products/tra-hoa-vag/product.yaml) (did you mean `tra-hoa-vang`?)",
        "Ids of the products it is about, separated by commas: tra-hoa-vang, mat-ong-rung",
        "Ids of the producers it is about, separated by commas: htx",
    ]
    assert lines((tiny_site / "content/news/tin-thu.md").read_text(encoding="utf-8"))[:6] == [
        "Title: Tin thử", "Date: 2026-11-29", "Slug: tin-thu", "Products: tra-hoa-vang, mat-ong-rung",
        "Producers: htx-hoa-vang", "Summary: Tóm tắt."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]),
               min_size=1, max_size=40))
def test_scaffolded_text_reads_back_as_written(value):
    from ocop.cli.scaffold.writer import yaml_scalar
    from ocop.core.problems import Problems
    from ocop.records.yaml_loader import parse_text

    problems = Problems()
    record = parse_text("x.yaml", f"name: {yaml_scalar(value)}\n", problems)
    assert problems.items == []
    assert record.data["name"] == value


# make check: errors, warnings, annotations -----------------------------------------------------


def break_records(site: Path) -> None:
    edit(site / "products/tra-hoa-vang/product.yaml", "region: huyen-a", "region: huyen-x")
    edit(site / "products/mat-ong-rung/product.yaml", "sources:", "sorces:")
    edit(site / "products/_decisions/qd-2019.yaml", "issuer_level: province", "issuer_level: provinse")
    edit(site / "content/news/hoi-cho.md", "Producers: htx-hoa-vang", "Producers: htx-hoa-vag")


def test_check_prints_every_problem_and_fails(tiny_site):
    break_records(tiny_site)
    result = run_cli(tiny_site, "check")
    assert result.returncode == 1
    root = tiny_site / "products"
    assert lines(result.stdout) == [
        f"content/news/hoi-cho.md:5:12: error: `Producers`: there is no producer `htx-hoa-vag` (expected the file "
        f"{root}/_producers/htx-hoa-vag.yaml) (did you mean `htx-hoa-vang`?)",
        "products/_decisions/qd-2019.yaml:2:15: error: `issuer_level`: `provinse` is not allowed; choose one of: "
        "commune, district, province, central (did you mean `province`?)",
        "products/mat-ong-rung/product.yaml:1:1: error: missing required field `sources`",
        f"products/mat-ong-rung/product.yaml:{pos(tiny_site, MAT, 'sorces:')}: error: "
        "`sorces` is not a field of this kind of record "
        "(did you mean `sources`?)",
        f"products/tra-hoa-vang/product.yaml:{pos(tiny_site, TRA, 'huyen-x')}: error: "
        "`region`: there is no region `huyen-x` (expected the file "
        f"{root}/_regions/huyen-x.yaml) (did you mean `huyen-b`?)",
        "5 error(s)",
    ]
    assert ": error: " not in result.stderr  # warnings only


def test_check_in_vietnamese(tiny_site):
    edit(tiny_site / "products/tra-hoa-vang/product.yaml", "stars: 4", "stars: 7")
    result = run_cli(tiny_site, "check", env={"OCOP_LANG": "vi"})
    assert result.returncode == 1
    assert lines(result.stderr) + lines(result.stdout) == [
        "products/mat-ong-rung/product.yaml:1:1: cảnh báo: chưa có tên tiếng Anh: thêm dòng `name_en: ...` để "
        "người mua nước ngoài đọc được",
        "products/mat-ong-rung/product.yaml:1:1: cảnh báo: sản phẩm chưa có ảnh: hãy chép ảnh thật của sản phẩm "
        "(tệp .jpg, .png hoặc .webp) vào thư mục `products/mat-ong-rung/` và khai báo ở `photos:` kèm mô tả `alt`",
        f"products/tra-hoa-vang/product.yaml:{pos(tiny_site, TRA, 'stars: 7', 7)}: lỗi: "
        "`certificates[2].stars`: 7 sao không hợp lệ; chỉ sản phẩm "
        "3, 4 hoặc 5 sao được chứng nhận OCOP",
        "1 lỗi",
    ]


def warnings_2028(site: Path) -> list[str]:
    """The warnings of the fixture on 15 January 2028, photos left out."""
    stale = ("the record was last checked against its sources on 2026-11-01, 440 days ago; check it again and "
             "update `last_verified`")
    return [
        f"{HTX}:{pos(site, HTX, '2026-11-01')}: warning: {stale}",
        f"{MAT}:1:1: warning: no English name: add a `name_en: ...` line so that foreign buyers can read it",
        f"{MAT}:{pos(site, MAT, '2026-11-01')}: warning: {stale}",
        f"{TRA}:{pos(site, TRA, 'decision: qd-2025')}: warning: the 4-star certificate (decision `qd-2025`) expires "
        "on 2028-03-10, in 55 days; remind the producer to prepare the re-assessment",
        f"{TRA}:{pos(site, TRA, '2026-11-01')}: warning: {stale}",
    ]


def add_photo(site: Path, product: str) -> None:
    (site / "products" / product / "anh-1.jpg").write_bytes(b"\xff\xd8\xff\xe0 not decoded by check")


def without_photos(text: str) -> list[str]:
    """Warning lines, leaving out those about photos (tested on their own)."""
    return [line for line in lines(text) if "photo" not in line]


def test_warnings_do_not_fail_the_check(tiny_site):
    set_today(tiny_site, "2028-01-15")
    result = run_cli(tiny_site, "check")
    assert result.returncode == 0
    assert without_photos(result.stderr) == warnings_2028(tiny_site)
    assert result.stdout == "OK: 2 products, 1 producers, 3 regions, 2 decisions, 1 sources; " \
                            f"{len(lines(result.stderr))} warning(s).\n"


def test_today_can_be_given_on_the_command_line(tiny_site):
    by_option = run_cli(tiny_site, "check", "--today", "2028-01-15")
    by_environment = run_cli(tiny_site, "check", env={"OCOP_TODAY": "2028-01-15"})
    for result in (by_option, by_environment):
        assert without_photos(result.stderr) == warnings_2028(tiny_site)


def test_warning_for_a_certificate_whose_expiry_is_an_interval(tiny_site):
    result = run_cli(tiny_site, "check", "--today", "2022-11-15")
    assert (f"products/mat-ong-rung/product.yaml:{pos(tiny_site, MAT, 'decision: qd-2019')}: warning: "
            "the 3-star certificate (decision `qd-2019`) expires "
            "between 2022-01-01 and 2022-12-31 (the exact signing date is unknown), soon or already; find the "
            "signing date and remind the producer to renew") in lines(result.stderr)
    assert "expire" not in run_cli(tiny_site, "check", "--today", "2023-01-01").stderr  # expired: in the report


def test_no_warning_for_a_photo_or_an_english_name_once_there(tiny_site):
    no_photo = ("products/tra-hoa-vang/product.yaml:1:1: warning: the product has no photo: copy a real photo of it "
                "(a .jpg, .png or .webp file) into the folder `products/tra-hoa-vang/` and list it under `photos:` "
                "with its `alt` text")
    no_name_en = ("products/mat-ong-rung/product.yaml:1:1: warning: no English name: add a `name_en: ...` line so "
                  "that foreign buyers can read it")
    result = run_cli(tiny_site, "check")
    assert no_photo in lines(result.stderr) and no_name_en in lines(result.stderr)
    add_photo(tiny_site, "tra-hoa-vang")
    edit(tiny_site / "products/mat-ong-rung/product.yaml", "name: Mật ong rừng\n",
         "name: Mật ong rừng\nname_en: Wild honey\n")
    result = run_cli(tiny_site, "check")
    assert result.returncode == 0
    assert no_photo not in lines(result.stderr) and no_name_en not in lines(result.stderr)
    assert ("products/mat-ong-rung/product.yaml:1:1: warning: the product has no photo: copy a real photo of it "
            "(a .jpg, .png or .webp file) into the folder `products/mat-ong-rung/` and list it under `photos:` "
            "with its `alt` text") in lines(result.stderr)


def test_stale_region_and_decision_verification(tiny_site):
    edit(tiny_site / "products/_regions/huyen-a.yaml", "order: 1\n", "order: 1\nlast_verified: 2025-01-02\n")
    edit(tiny_site / "products/_decisions/qd-2025.yaml", "signed: 2025-03-10\n",
         "signed: 2025-03-10\nlast_verified: 2026-06-01\n")
    result = run_cli(tiny_site, "check")
    assert result.returncode == 0
    assert ("products/_regions/huyen-a.yaml:5:16: warning: the record was last checked against its sources on "
            "2025-01-02, 696 days ago; check it again and update `last_verified`") in lines(result.stderr)
    assert "_decisions" not in result.stderr  # checked 181 days ago: fine


def test_github_annotations(tiny_site):
    break_records(tiny_site)
    result = run_cli(tiny_site, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stderr == ""
    root = tiny_site / "products"
    assert lines(result.stdout) == [
        f"::error file=content/news/hoi-cho.md,line=5,col=12::`Producers`: there is no producer `htx-hoa-vag` "
        f"(expected the file {root}/_producers/htx-hoa-vag.yaml) (did you mean `htx-hoa-vang`?)",
        "::error file=products/_decisions/qd-2019.yaml,line=2,col=15::`issuer_level`: `provinse` is not allowed; "
        "choose one of: commune, district, province, central (did you mean `province`?)",
        "::error file=products/mat-ong-rung/product.yaml,line=1,col=1::missing required field `sources`",
        f"::error file=products/mat-ong-rung/product.yaml,line={pos(tiny_site, MAT, 'sorces:').replace(':', ',col=')}"
        "::`sorces` is not a field of this kind of record (did you mean `sources`?)",
        f"::error file=products/tra-hoa-vang/product.yaml,line={pos(tiny_site, TRA, 'huyen-x').replace(':', ',col=')}"
        "::`region`: there is no region `huyen-x` "
        f"(expected the file {root}/_regions/huyen-x.yaml) (did you mean `huyen-b`?)",
        "5 error(s)",
    ]


def test_github_annotations_for_warnings(tiny_site):
    result = run_cli(tiny_site, "check", "--format", "github", "--today", "2028-01-15")
    assert result.returncode == 0
    annotations = []
    for line in warnings_2028(tiny_site):
        path, number, column, message = line.split(":", 3)
        annotations.append(f"::warning file={path},line={number},col={column}::{message.removeprefix(' warning: ')}")
    no_photo = ("::warning file={0},line=1,col=1::the product has no photo: copy a real photo of it (a .jpg, .png or "
                ".webp file) into the folder `{1}/` and list it under `photos:` with its `alt` text")
    annotations.insert(2, no_photo.format(MAT, "products/mat-ong-rung"))
    annotations.insert(4, no_photo.format(TRA, "products/tra-hoa-vang"))
    assert lines(result.stdout) == annotations + [
        "OK: 2 products, 1 producers, 3 regions, 2 decisions, 1 sources; 7 warning(s).",
    ]
    assert lines(result.stdout)[0] == (
        f"::warning file={HTX},line={pos(tiny_site, HTX, '2026-11-01').replace(':', ',col=')}::the record was last "
        "checked against its sources on 2026-11-01, 440 days ago; check it again and update `last_verified`")


def test_github_escapes_what_would_end_a_command():
    from ocop.cli.check import github_escape

    assert github_escape("50% done\nnext") == "50%25 done%0Anext"
    assert github_escape("a:b,c", property_value=True) == "a%3Ab%2Cc"


def test_housekeeping_warns_about_a_record_without_sources(tmp_path):
    from ocop.records.housekeeping import warnings_for
    from ocop.records.model import Catalogue, Producer

    path = write(tmp_path / "products/_producers/htx-a.yaml", "name: HTX A\n")
    catalogue = Catalogue(root=str(tmp_path / "products"), today=datetime.date(2026, 11, 29))
    catalogue.producers["htx-a"] = Producer(id="htx-a", name="HTX A", path=str(path))
    found = [p.format("en", str(tmp_path)) for p in warnings_for(catalogue, {}).sorted()]
    assert found == [
        "products/_producers/htx-a.yaml:1:1: warning: the record cites no source: add `sources:` with the id of a "
        "document in products/_sources/",
        "products/_producers/htx-a.yaml:1:1: warning: no verification date: add a `last_verified: YEAR-MONTH-DAY` "
        "line",
    ]


def test_the_shipped_catalogue_has_no_error():
    result = run_cli(REPO, "check")
    assert result.returncode == 0, result.stderr
    assert ": error: " not in result.stderr


# make report ---------------------------------------------------------------------------------------


@pytest.fixture
def report_site(tiny_site):
    conf = tiny_site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + TARGETS, encoding="utf-8")
    return tiny_site


def test_report_on_the_fixture(report_site):
    result = run_cli(report_site, "report")
    assert result.returncode == 0, result.stderr
    report = lines(result.stdout)
    assert report[0] == "# OCOP catalogue housekeeping report: Test Province"
    assert "## 1. Certificates expired or expiring within 90 days" in report
    assert ("| Mật ong rừng (`products/mat-ong-rung/product.yaml`) | Huyện B | 3 | `qd-2019` | "
            "2022-01-01 – 2022-12-31 | expired at least 1429 days ago |") in report
    assert not any(row.startswith("| Trà hoa vàng") and "left" in row for row in report)  # valid until 2028
    assert ("| Mật ong rừng (`products/mat-ong-rung/product.yaml`) | no producer; no English name; no photo |"
            in report)
    assert "| Trà hoa vàng (`products/tra-hoa-vang/product.yaml`) | no photo |" in report
    assert ("| `qd-2019` (`products/_decisions/qd-2019.yaml`) | no decision number; signing date known only as "
            "2019-01-01 – 2019-12-31 | 2 |") in report
    header = ("| District | Products | Valid | Expired or possibly expired | 3 stars | 4 stars | 5 stars | "
              "Newly certified in 2025 | Upgraded 3 to 4 stars in 2025 |")
    assert header in report
    start = report.index(header)
    assert report[start + 2:start + 6] == [
        "| Huyện A | 1 | 1 | 0 | 0 | 1 | 0 | 0 | 1 |",
        "| Huyện B (until 2025-06-30) | 1 | 0 | 1 | 1 | 0 | 0 | 0 | 0 |",
        "| Thành phố C | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| **Province** | 2 | 1 | 1 | 1 | 1 | 0 | 0 | 1 |",
    ]
    targets = report[report.index("## 4. Against the province's targets"):]
    assert targets[2:7] == [
        "| Target | Year | Target value | In the catalogue | Source |",
        "|---|---|---|---|---|",
        "| New OCOP products | 2025 | 26 | 0 | Báo cáo hư cấu |",
        "| Upgraded from 3 to 4 stars | 2025 | 2 | 1 | Báo cáo hư cấu |",
        "| Provincial OCOP fair | 2025 | 1 | not measurable from the catalogue | Báo cáo hư cấu |",
    ]
    assert not any("target" in row.lower() for row in report[start:report.index("## 4. Against the province's "
                                                                                 "targets")] if row.startswith("|"))


def test_report_lists_certificates_expiring_soon(report_site):
    result = run_cli(report_site, "report", "--today", "2028-01-15")
    assert ("| Trà hoa vàng (`products/tra-hoa-vang/product.yaml`) | Huyện A | 4 | `qd-2025` (123/QĐ-UBND) | "
            "2028-03-10 | 55 days left |") in lines(result.stdout)
    shorter = run_cli(report_site, "report", "--today", "2028-01-15", "--days", "30")
    assert "Trà hoa vàng (`products/tra-hoa-vang/product.yaml`) | Huyện A" not in shorter.stdout
    assert "## 1. Certificates expired or expiring within 30 days" in shorter.stdout


def test_report_counts_uncertain_years_honestly(report_site):
    conf = report_site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"year": 2025', '"year": 2019'), encoding="utf-8")
    result = run_cli(report_site, "report", env={"OCOP_LANG": "vi"})
    report = lines(result.stdout)
    assert "| Phát triển mới sản phẩm OCOP | 2019 | 26 | 2 | Báo cáo hư cấu |" in report
    assert "| Huyện A | 1 | 1 | 0 | 0 | 1 | 0 | 1 | 0 |" in report
    edit(report_site / "products/_decisions/qd-2019.yaml", "to: 2019-12-31", "to: 2020-02-01")
    report = lines(run_cli(report_site, "report", env={"OCOP_LANG": "vi"}).stdout)
    assert "| Phát triển mới sản phẩm OCOP | 2019 | 26 | 0 (+2 có thể) | Báo cáo hư cấu |" in report
    assert any(line.startswith('Số sao theo lần công nhận gần nhất. "+N có thể"') for line in report)


def test_report_to_a_file_and_in_vietnamese(report_site, tmp_path):
    target = tmp_path / "bao-cao.md"
    result = run_cli(report_site, "report", "--output", str(target), env={"OCOP_LANG": "vi"})
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == f"Đã ghi báo cáo vào {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo rà soát danh mục OCOP Tỉnh Thử\n")
    assert "| Phát triển mới sản phẩm OCOP | 2025 | 26 | 0 | Báo cáo hư cấu |" in text


def test_report_without_targets_says_so(tiny_site):
    result = run_cli(tiny_site, "report")
    assert lines(result.stdout)[-1] == ("No targets set: add `OCOP_TARGETS` to pelicanconf.py (see the editor's "
                                        "guide).")


def test_report_refuses_broken_records(report_site):
    edit(report_site / "products/tra-hoa-vang/product.yaml", "stars: 4", "stars: 7")
    result = run_cli(report_site, "report")
    assert result.returncode == 1
    assert result.stdout == ""
    assert lines(result.stderr) == [
        f"products/tra-hoa-vang/product.yaml:{pos(report_site, TRA, 'stars: 7', 7)}: error: "
        "`certificates[2].stars`: 7 stars is not possible; only 3, 4 "
        "or 5 stars are certified",
        "1 error(s): fix the problems above (see `make check`), then run the report again.",
    ]


def test_report_on_the_shipped_catalogue_against_the_2022_plan():
    result = run_cli(REPO, "report", "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    report = lines(result.stdout)
    assert ("| New OCOP products | 2022 | 26 | 10 | Báo cáo số 17/BC-VPĐP ngày 18/01/2022, mục II.1.4 "
            "(bao-cao-17-bc-vpdp-2022) |") in report
    assert ("| Products upgraded from 3 to 4 stars | 2022 | 22 | 2 | Báo cáo số 17/BC-VPĐP ngày 18/01/2022, mục "
            "II.1.4 (bao-cao-17-bc-vpdp-2022) |") in report
    total = next(line for line in report if line.startswith("| **Province** |"))
    assert total.split(" | ")[1] == "48"


# editors' tools: schema headers, VS Code settings, the schemas themselves --------------------------------


def shipped_records() -> list[Path]:
    return sorted(p for p in (REPO / "products").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def expected_kind(path: Path) -> str:
    relative = path.relative_to(REPO / "products")
    if relative.parts == ("_province.yaml",):
        return "province"
    if relative.parts == ("_figures.yaml",):
        return "figures"
    if relative.parts[0] in KIND_OF_FOLDER:
        return KIND_OF_FOLDER[relative.parts[0]]
    assert relative.name == "product.yaml", path
    return "product"


def test_every_shipped_record_names_its_schema():
    assert len(shipped_records()) > 40
    for path in shipped_records():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), f"{path}: first line is {first!r}"
        schema = (path.parent / first[len(prefix):].strip()).resolve()
        assert schema == SCHEMA_DIR / f"{expected_kind(path)}.schema.json", path
        assert schema.is_file()


class Yaml12Loader(yaml.SafeLoader):
    """YAML as editors' tools read it (YAML 1.2 core: dates stay text)."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_validator(schema_path: Path) -> Draft202012Validator:
    """A validator for one schema file, its relative `$ref`s resolved from disk as an editor resolves them."""

    def retrieve(uri: str):
        return Resource.from_contents(json.loads(Path(uri.removeprefix("file://")).read_text(encoding="utf-8")))

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["$id"] = schema_path.as_uri()
    return Draft202012Validator(schema, registry=Registry(retrieve=retrieve), format_checker=FormatChecker())


def schema_errors(path: Path, text: str | None = None) -> list[str]:
    text = path.read_text(encoding="utf-8") if text is None else text
    first = text.splitlines()[0]
    schema = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    data = yaml.load(text, Loader=Yaml12Loader)
    return [error.message for error in editor_validator(schema).iter_errors(data)]


def test_the_schemas_validate_every_shipped_record():
    for path in shipped_records():
        assert schema_errors(path) == [], path


@pytest.mark.parametrize(
    ("record", "old", "new", "message"),
    [
        ("products/gao-vai-gay/product.yaml", "name_en:", "name_eng:",
         "Additional properties are not allowed ('name_eng' was unexpected)"),
        ("products/gao-vai-gay/product.yaml", "  stars: 3", "  star: 3",
         "Additional properties are not allowed ('star' was unexpected)"),
        ("products/_producers/htx-tam-thien.yaml", "legal_form:", "legalform:",
         "Additional properties are not allowed ('legalform' was unexpected)"),
        ("products/_regions/muong-ang.yaml", "type: huyen", "type: huyện",
         "'huyện' is not one of ['thanh_pho', 'thi_xa', 'huyen', 'xa', 'phuong', 'thi_tran']"),
    ],
)
def test_the_schemas_reject_a_typo(record, old, new, message):
    path = REPO / record
    text = path.read_text(encoding="utf-8")
    assert old in text
    errors = schema_errors(path, text.replace(old, new, 1))
    assert message in errors


def test_scaffolded_records_name_their_schema_and_validate(tiny_site):
    assert run_cli(tiny_site, *NEW_PRODUCT).returncode == 0
    assert run_cli(tiny_site, "new-producer", "--name", "HTX Mới", "--source", "ghi-chu").returncode == 0
    for relative, kind in (("products/gao-nep-dong-tu/product.yaml", "product"),
                           ("products/_producers/htx-moi.yaml", "producer")):
        path = tiny_site / relative
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = SCHEMA_DIR / f"{kind}.schema.json"
        assert first == f"# yaml-language-server: $schema=../../plugins/ocop/schema/{kind}.schema.json"
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
        assert list(editor_validator(schema).iter_errors(data)) == []


def test_vscode_maps_every_record_to_its_schema():
    settings_file = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings_file["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).resolve().is_file(), schema
    for path in shipped_records():
        relative = path.relative_to(REPO).as_posix()
        matches = [schema for schema, patterns in mapping.items()
                   if any(fnmatch.fnmatchcase(relative, pattern) and relative.count("/") == pattern.count("/")
                          for pattern in patterns)]
        assert [Path(m).name for m in matches] == [f"{expected_kind(path)}.schema.json"], relative
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# documentation and CI --------------------------------------------------------------------------------


def test_the_guides_explain_every_warning():
    from ocop.core.messages import MESSAGES

    guides = {"vi": (REPO / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8"),
              "en": (REPO / "docs/editors-guide.md").read_text(encoding="utf-8")}
    for code, texts in MESSAGES.items():
        if not code.startswith("warn_"):
            continue
        for lang, text in zip(("vi", "en"), texts, strict=True):
            opening = text.split("{")[0].split(":")[0].strip()
            assert opening in guides[lang], (lang, code, opening)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/huong-dan-bien-tap.md" in readme and "docs/editors-guide.md" in readme
    assert "## Deploying" in readme


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (Vietnamese letters are kept)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("guide", ["docs/huong-dan-bien-tap.md", "docs/editors-guide.md"])
def test_the_guides_links_lead_somewhere(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    anchors = {github_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, (guide, target)
        elif not target.startswith(("http://", "https://")) and "{filename}" not in target:
            assert (REPO / "docs" / target).is_file(), (guide, target)


def test_the_ci_workflow_checks_pull_requests_and_deploys_main():
    workflow = yaml.load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader)
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert "pull_request" in triggers and "push" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert "-m ocop check --format github" in runs
    assert "make test" in runs
    assert "make publish" in runs
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize("files, expected", [
    ([], False),
    (["product.yaml"], False),
    (["anh.JPG"], True),
    (["ảnh/mặt-trước.webp"], True),
    ([".an/anh.png"], False),  # hidden folders are not looked into
    ([".anh.png"], False),
    (["anh.jpg/readme.txt"], False),  # a folder with an image's name is not an image
], ids=["empty", "no image", "upper-case extension", "sub-folder", "hidden folder", "hidden file",
        "folder named like an image"])
def test_has_photo_agrees_with_the_photo_list(tmp_path, files, expected):
    """The build's quick "has a photo" check says what `photos()` (the report's list) would."""
    from types import SimpleNamespace

    from ocop.records.housekeeping import has_photo, photos

    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    product = SimpleNamespace(photos=[], folder=str(tmp_path))
    assert has_photo(product) is expected
    assert bool(photos(str(tmp_path))) is expected
