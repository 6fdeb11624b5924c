"""Hostile input, through the real command line: a clear `path:line:column` error, never a crash.

Every case below copies the fictional province with a good output/ already
built, breaks one thing, runs `python -m ocop build` and asserts the exact error
line, exit status 1, no "Traceback" anywhere, no staging folder left behind, and
an output/ byte-identical to the one before.

Classes of hostile input, the tests here (count), and the tests elsewhere that
already cover a class exactly (not repeated here):

| class                                 | here                            | elsewhere                             |
|---------------------------------------|---------------------------------|---------------------------------------|
| malformed YAML (quotes, tabs, …)      | yaml-* (7)                      | test_yaml_loader: 25 messages         |
| alias bombs, anchors, deep nesting    | bomb-*, nesting-* (5)           | test_yaml_loader: billion laughs      |
| encodings, invisible characters       | encoding-* (9), lone CR (1)     | test_yaml_loader: Latin-1, BOM, NFC   |
| huge files, strings, keys             | huge-* (4)                      | test_yaml_loader: 1 MB file           |
| numbers and wrong types               | number-*, type-* (7)            | test_records: "three" for stars       |
| keys that are not text                | key-* (4)                       | test_yaml_loader: `? [a]`             |
| missing and unknown fields            | field-* (2)                     | test_records (3), test_atomic (1)     |
| duplicate slugs: NFC/NFD, ASCII twins | twin-* (2)                      | test_records: 5 twins                 |
| script in every text field            | every_text_field (1; 20 fields) | test_injection: 8 fields              |
| script, trackers in Markdown          | markdown_* (14 + 4)             | test_injection: 12 payloads           |
| bad URLs and contacts                 | url-*, contact-* (8)            | test_records: javascript: (2)         |
| news and page headers                 | news-* (12), make check (1)     |                                       |
| links and symlinks leaving the site   | link-* (5), symlinks (1; 3)     | test_atomic: broken link              |
| photo path escapes                    |                                 | test_photos: `/`, `..`, `\\`, `%`, link |
| corrupt and oversized images          | photo bytes (1)                 | test_photos: 7 (SVG, HEIC, bomb, …)   |
| settings, environment, output folder  | today/epoch (3), settings (4)   |                                       |
| several classes in one run            | all together (1)                |                                       |
| interrupted build (SIGKILL)           | killed build (1)                | test_atomic: failed builds            |
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, run_cli, tree_digest
from ocop.site.sanitise import ALLOWED_TAGS, MarkdownRenderer
from PIL import Image

PRODUCT = "products/tra-hoa-vang/product.yaml"
HONEY = "products/mat-ong-rung/product.yaml"
PRODUCER = "products/_producers/htx-hoa-vang.yaml"
NEWS = "content/news/hoi-cho.md"
COUNT_LINE = "error(s): the site was not built and output/ is unchanged."


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The fictional province with a good output/, built once by the command line."""
    site = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("cache", "output"))
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nTHEME = {str(REPO / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n", encoding="utf-8")
    result = run_cli(site, "build")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def site(pristine, tmp_path) -> Path:
    """A writable copy of the built province."""
    copy = tmp_path / "site"
    shutil.copytree(pristine, copy, symlinks=True)
    return copy


def edit(site: Path, relative: str, old: str, new: str) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(site: Path, relative: str, text: str) -> None:
    path = site / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def put(site: Path, relative: str, content: str | bytes) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def errors_of(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": error: " in line or line.startswith("error: ")]


def assert_refused(site: Path, expected: list[str], *args: str, env: dict | None = None) -> None:
    """The build fails with exactly `expected` errors, cleanly, and output/ is untouched."""
    before = tree_digest(site / "output")
    result = run_cli(site, "build", *args, env=env)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert errors_of(result) == expected, result.stderr
    assert result.stderr.splitlines()[-1] == f"{len(expected)} {COUNT_LINE}"
    assert tree_digest(site / "output") == before
    assert [n for n in os.listdir(site) if n.startswith(".ocop-build-")] == []


# Each case: (id, change to the copied site, expected error line).
def _bomb(site):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(9)]
    put(site, HONEY, "\n".join(lines) + "\n")


def _latin1(site):
    text = (site / HONEY).read_text(encoding="utf-8").replace("commune: xã Một", "commune: caf\udce9")
    put(site, HONEY, text.encode("utf-8", "surrogateescape"))


def _latin1_expected():
    head = "name: Mật ong rừng\nregion: huyen-b\ncommune: caf".encode()
    return (f"{HONEY}:3:13: error: the file is not UTF-8 text (unexpected byte at offset {len(head)}); "
            "save it as UTF-8")


def _twin(name):
    def change(site):
        shutil.copytree(site / "products/mat-ong-rung", site / "products" / name)
    return change


NFD_TWIN = unicodedata.normalize("NFD", "Mật ong rừng")
SINGLE_LINE = ("contains a line break, a control character or an invisible character (zero-width, "
               "bidirectional override); type it again on one line")
CONTROL = "there is an invisible control character ({}) here; delete it (it often comes from copying out of a PDF " \
          "or a word processor)"
BIDI = ("there is a hidden bidirectional-text control (U+202E) here, which makes text display differently from "
        "what it says; delete it")
HONEY_BYTES = (FIXTURE / HONEY).stat().st_size
NUMBER = "the number `{}` is too large (at most 9007199254740991); write it in quotes if it is a code"

CLI_CASES = [
    # malformed YAML, through the command line
    ("yaml-unclosed-quote", lambda s: edit(s, HONEY, "name: Mật", 'name: "Mật'),
     f"{HONEY}:12:1: error: the quotes opened at line 1 are never closed"),
    ("yaml-tab", lambda s: edit(s, PRODUCER, "legal_form:", "\tlegal_form:"),
     f"{PRODUCER}:2:1: error: indent with spaces, not tabs"),
    ("yaml-duplicate-key", lambda s: append(s, HONEY, "name: Mật ong khác\n"),
     f"{HONEY}:12:1: error: field `name` appears twice (first at line 1)"),
    ("yaml-python-tag", lambda s: edit(s, HONEY, "commune: xã Một", "commune: !!python/object/apply:os.system [id]"),
     f"{HONEY}:3:10: error: YAML tags such as `!!python/object/apply:os.system` are not allowed"),
    ("yaml-two-documents", lambda s: append(s, HONEY, "---\nname: Khác\n"),
     f"{HONEY}:13:1: error: a file holds one record; remove the second `---`"),
    ("yaml-root-list", lambda s: put(s, HONEY, "- name: Mật ong\n- region: huyen-b\n"),
     f"{HONEY}:1:1: error: a record must be made of `field: value` lines"),
    ("yaml-empty", lambda s: put(s, HONEY, "# nothing yet\n"),
     f"{HONEY}:1:1: error: the file is empty"),
    # alias bombs and nesting
    ("bomb-billion-laughs", _bomb,
     f"{HONEY}:1:4: error: YAML anchors and aliases (`&`, `*`) are not allowed; write the value out"),
    ("bomb-unused-anchor", lambda s: edit(s, HONEY, "region: huyen-b", "region: &r huyen-b"),
     f"{HONEY}:2:9: error: YAML anchors and aliases (`&`, `*`) are not allowed; write the value out"),
    ("bomb-merge-key", lambda s: append(s, HONEY, "<<: {name: x}\n"),
     f"{HONEY}:12:1: error: YAML anchors and aliases (`&`, `*`) are not allowed; write the value out"),
    ("nesting-100000-brackets", lambda s: append(s, HONEY, "x: " + "[" * 100_000 + "]" * 100_000 + "\n"),
     f"{HONEY}:12:24: error: the record is nested too deeply"),
    ("nesting-block-dashes", lambda s: append(s, HONEY, "x:\n" + "".join(" " * i + "-\n" for i in range(60))),
     f"{HONEY}:33:21: error: the record is nested too deeply"),
    # encodings and invisible characters
    ("encoding-utf16-bom", lambda s: put(s, HONEY, (s / HONEY).read_text(encoding="utf-8").encode("utf-16")),
     f"{HONEY}:1:1: error: the file is saved as UTF-16 (Unicode); save it as UTF-8"),
    ("encoding-utf16-no-bom", lambda s: put(s, HONEY, (s / HONEY).read_text(encoding="utf-8").encode("utf-16-le")),
     f"{HONEY}:1:1: error: the file is saved as UTF-16 (Unicode); save it as UTF-8"),
    ("encoding-latin1", _latin1, _latin1_expected()),
    ("encoding-nul", lambda s: edit(s, HONEY, "commune: xã Một", "commune: xã\x00 Một"),
     f"{HONEY}:3:12: error: " + CONTROL.format("U+0000")),
    ("encoding-c1-control", lambda s: edit(s, HONEY, "commune: xã Một", "commune: xã\x9b Một"),
     f"{HONEY}:3:12: error: " + CONTROL.format("U+009B")),
    ("encoding-escaped-nul", lambda s: edit(s, HONEY, "commune: xã Một", 'commune: "xã\\0 Một"'),
     f"{HONEY}:3:10: error: " + CONTROL.format("U+0000")),
    ("encoding-line-separator", lambda s: edit(s, HONEY, "commune: xã Một", "commune: xã\u2028Một"),
     f"{HONEY}:3:12: error: there is an invisible line separator (U+2028) here; replace it with a space or an "
     "ordinary line break"),
    ("encoding-bidi-in-comment", lambda s: append(s, HONEY, "# ghi chú \u202e đảo chiều\n"),
     f"{HONEY}:12:11: error: " + BIDI),
    ("encoding-escaped-bidi-in-key", lambda s: append(s, HONEY, '"note\\u202e": x\n'),
     f"{HONEY}:12:1: error: " + BIDI),
    # huge input
    ("huge-file", lambda s: append(s, HONEY, "# " + "x" * 1_100_000 + "\n"),
     f"{HONEY}:1:1: error: the file is too large ({HONEY_BYTES + 1_100_003} bytes, at most 1000000)"),
    ("huge-name", lambda s: edit(s, HONEY, "name: Mật ong rừng", "name: " + "Mật" * 100_000),
     f"{HONEY}:1:7: error: `name` is 300000 characters long, at most 300"),
    ("huge-description", lambda s: append(s, HONEY, "description: " + "x" * 20_001 + "\n"),
     f"{HONEY}:12:14: error: `description` is 20001 characters long, at most 20000"),
    ("huge-key", lambda s: append(s, HONEY, "k" * 2000 + ": 1\n"),
     f"{HONEY}:12:1: error: the field name is too long (at most 100 characters); check for a missing `:` or line "
     "break"),
    # numbers and types
    ("number-infinite", lambda s: edit(s, PRODUCT, "score: 75.5", "score: 1e999"),
     f"{PRODUCT}:12:12: error: " + NUMBER.format("1e999")),
    ("number-5000-digits", lambda s: edit(s, PRODUCT, "score: 75.5", "score: " + "9" * 5000),
     f"{PRODUCT}:12:12: error: " + NUMBER.format("9" * 27 + "…")),
    ("number-not-whole", lambda s: edit(s, PRODUCT, "stars: 4", "stars: 4.0"),
     f"{PRODUCT}:10:12: error: `certificates[2].stars` must be a whole number"),
    ("type-bool-for-number", lambda s: edit(s, PRODUCT, "stars: 4", "stars: true"),
     f"{PRODUCT}:10:12: error: `certificates[2].stars` must be a whole number"),
    ("type-number-for-text", lambda s: edit(s, HONEY, "name: Mật ong rừng", "name: 2024"),
     f"{HONEY}:1:7: error: `name` must be text"),
    ("type-list-for-text", lambda s: edit(s, HONEY, "commune: xã Một", "commune: [xã Một, xã Hai]"),
     f"{HONEY}:3:10: error: `commune` must be text"),
    ("type-text-for-list", lambda s: edit(s, PRODUCER, "sources: [ghi-chu]", "sources: ghi-chu"),
     f"{PRODUCER}:4:10: error: `sources` must be a list (lines starting with `- `)"),
    ("key-number", lambda s: append(s, HONEY, "1: x\n"),
     f"{HONEY}:12:1: error: `1` is not a field of this kind of record"),
    ("key-null", lambda s: append(s, HONEY, "null: x\n"),
     f"{HONEY}:12:1: error: `null` is not a field of this kind of record"),
    ("key-true", lambda s: append(s, HONEY, "true: x\n"),
     f"{HONEY}:12:1: error: `true` is not a field of this kind of record (did you mean `trade`?)"),
    ("key-list", lambda s: append(s, HONEY, "[a, b]: x\n"),
     f"{HONEY}:12:1: error: field names must be text"),
    # missing and unknown fields
    ("field-missing", lambda s: edit(s, HONEY, "region: huyen-b\n", ""),
     f"{HONEY}:1:1: error: missing required field `region`"),
    ("field-unknown-close", lambda s: append(s, HONEY, "desciption: Mật ong\n"),
     f"{HONEY}:12:1: error: `desciption` is not a field of this kind of record (did you mean `description`?)"),
    # twins of an existing id
    ("twin-nfd", _twin(NFD_TWIN),
     f"products/{NFD_TWIN}/product.yaml:1:1: error: `{NFD_TWIN}` has the same id `mat-ong-rung` as "
     "mat-ong-rung/product.yaml"),
    ("twin-ascii", _twin("Mat-Ong-Rung"),
     "products/Mat-Ong-Rung/product.yaml:1:1: error: `Mat-Ong-Rung` has the same id `mat-ong-rung` as "
     "mat-ong-rung/product.yaml"),
    # addresses
    ("url-data", lambda s: append(s, PRODUCER, 'website: "data:text/html,<script>alert(1)</script>"\n'),
     f"{PRODUCER}:20:10: error: `website`: `data:text/html,<script>alert(1)</script>` must start with https://, "
     "http://, mailto: or tel:"),
    ("url-mailto-injection", lambda s: append(s, PRODUCER, "website: mailto:htx@example.vn?bcc=all@example.vn\n"),
     f"{PRODUCER}:20:10: error: `website`: `mailto:htx@example.vn?bcc=all@example.vn`: after mailto: write one "
     "e-mail address only (no spaces, `?`, `&` or `,`), e.g. mailto:htx@example.vn"),
    ("url-tel-spaces", lambda s: append(s, PRODUCER, 'website: "tel:0215 3825 123"\n'),
     f"{PRODUCER}:20:10: error: `website`: `tel:0215 3825 123`: after tel: write the phone number without spaces, "
     "e.g. tel:+842153825123"),
    ("url-hidden-host", lambda s: append(s, PRODUCER, "website: https://tinh-thu.gov.vn@evil.example/\n"),
     f"{PRODUCER}:20:10: error: `website`: `https://tinh-thu.gov.vn@evil.example/` has a user name or `@` before "
     "the host, which hides the real address; remove it"),
    ("url-no-host", lambda s: append(s, PRODUCER, "website: https:///etc/passwd\n"),
     f"{PRODUCER}:20:10: error: `website`: `https:///etc/passwd` has no valid host name after https://, e.g. "
     "https://example.gov.vn/page"),
    ("url-bidi", lambda s: append(s, PRODUCER, 'website: "https://example.org/\\u202egpj.exe"\n'),
     f"{PRODUCER}:20:10: error: `website` " + SINGLE_LINE),
    ("contact-phone", lambda s: append(s, PRODUCER, "contacts:\n  - type: phone\n    value: \"0215'><script>\"\n"
                                                    "    source: ghi-chu\n"),
     f"{PRODUCER}:22:12: error: `contacts[1].value`: `0215'><script>` is not a phone number (digits, spaces, +, -, "
     "., parentheses; 3 to 15 digits)"),
    ("contact-email", lambda s: append(s, PRODUCER, "contacts:\n  - type: email\n    value: htx@example.vn?cc=x@y.vn\n"
                                                    "    source: ghi-chu\n"),
     f"{PRODUCER}:22:12: error: `contacts[1].value`: `htx@example.vn?cc=x@y.vn` is not one e-mail address such as "
     "htx@example.vn"),
    # news headers: what Pelican would only log, or not notice
    ("news-title-bidi", lambda s: edit(s, NEWS, "Title: Hội chợ", "Title: Hội \u202echợ"),
     f"{NEWS}:1:12: error: " + BIDI),
    ("news-title-control", lambda s: edit(s, NEWS, "Title: Hội chợ", "Title: Hội\x07 chợ"),
     f"{NEWS}:1:11: error: " + CONTROL.format("U+0007")),
    ("news-title-zero-width", lambda s: edit(s, NEWS, "Title: Hội chợ", "Title: Hội\u200b chợ"),
     f"{NEWS}:1:8: error: `Title` " + SINGLE_LINE),
    ("news-title-missing", lambda s: edit(s, NEWS, "Title: Hội chợ thử nghiệm\n", ""),
     f"{NEWS}:1:1: error: missing required field `Title`"),
    ("news-title-empty", lambda s: edit(s, NEWS, "Title: Hội chợ thử nghiệm", "Title:"),
     f"{NEWS}:1:7: error: `Title` must not be empty"),
    ("news-date-missing", lambda s: edit(s, NEWS, "Date: 2026-10-01\n", ""),
     f"{NEWS}:1:1: error: missing required field `Date`"),
    ("news-date-impossible", lambda s: edit(s, NEWS, "Date: 2026-10-01", "Date: 2026-02-30"),
     f"{NEWS}:2:7: error: `Date`: 2026-02-30 is not a real date"),
    ("news-date-ambiguous", lambda s: edit(s, NEWS, "Date: 2026-10-01", "Date: 01/05/2024"),
     f"{NEWS}:2:7: error: `Date`: `01/05/2024` is not a date written YEAR-MONTH-DAY, e.g. 2021-12-16"),
    ("news-slug", lambda s: edit(s, NEWS, "Slug: hoi-cho", "Slug: ../../index"),
     f"{NEWS}:3:7: error: `Slug`: `../../index` is not a valid id (lowercase letters without accents, digits and "
     "hyphens, e.g. `muong-ang`)"),
    ("news-status", lambda s: edit(s, NEWS, "Slug: hoi-cho", "Slug: hoi-cho\nStatus: secret"),
     f"{NEWS}:4:9: error: `Status`: `secret` is not allowed; choose one of: published, draft, hidden"),
    ("news-utf16", lambda s: put(s, NEWS, (s / NEWS).read_text(encoding="utf-8").encode("utf-16")),
     f"{NEWS}:1:1: error: the file is saved as UTF-16 (Unicode); save it as UTF-8"),
    ("news-body-control", lambda s: append(s, NEWS, "\nMột đoạn\x0c có ký tự lạ.\n"),
     f"{NEWS}:11:9: error: " + CONTROL.format("U+000C")),
    # links that would publish files from outside the site
    ("link-attach-etc", lambda s: append(s, NEWS, "\n[x]({attach}../../../../../../../../../../etc/hostname)\n"),
     f"{NEWS}:11:5: error: a `{{attach}}` link copies the file into the site, so it may only point inside content/; "
     "`../../../../../../../../../../etc/hostname` is outside it"),
    ("link-static-encoded", lambda s: append(s, NEWS, "\n[x]({static}%2e%2e/%2e%2e/pelicanconf.py)\n"),
     f"{NEWS}:11:5: error: a `{{static}}` link copies the file into the site, so it may only point inside content/; "
     "`%2e%2e/%2e%2e/pelicanconf.py` is outside it"),
    ("link-old-syntax", lambda s: append(s, NEWS, '\n<a href="|attach|../../products/_province.yaml">x</a>\n'),
     f"{NEWS}:11:10: error: a `{{attach}}` link copies the file into the site, so it may only point inside content/; "
     "`../../products/_province.yaml` is outside it"),
    ("link-filename-outside", lambda s: append(s, NEWS, "\n[x]({filename}/../../../../../../../etc/passwd)\n"),
     f"{NEWS}:11:5: error: the `{{filename}}` link to `/../../../../../../../etc/passwd` leads outside the site's "
     "folder; link only to the site's own files"),
    ("link-attach-in-record", lambda s: edit(s, PRODUCT, "({filename}../../content/news/hoi-cho.md)",
                                             "({attach}../../pelicanconf.py)"),
     f"{PRODUCT}:14:42: error: a `{{attach}}` link copies the file into the site, so it may only point inside "
     "content/; `../../pelicanconf.py` is outside it"),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES])
def test_hostile_input_is_refused_with_its_place(site, change, expected):
    change(site)
    assert_refused(site, [expected])


def test_lone_carriage_returns_keep_line_numbers(site):
    """An old-Mac file (CR only) reads like any other, and its line numbers are the editor's."""
    text = (site / PRODUCT).read_text(encoding="utf-8").replace("stars: 4", "stars: 7")
    put(site, PRODUCT, text.replace("\n", "\r").encode())
    assert_refused(site, [f"{PRODUCT}:10:12: error: `certificates[2].stars`: 7 stars is not possible; only 3, 4 or "
                          "5 stars are certified"])


def test_every_problem_of_every_kind_is_reported_together(site):
    """Record, news header and link problems come in one run, in a stable order."""
    edit(site, NEWS, "Date: 2026-10-01", "Date: 2026-02-30")
    append(site, NEWS, "\n[x]({attach}../../pelicanconf.py)\n")
    edit(site, PRODUCT, "score: 75.5", "score: 1e999")
    assert_refused(site, [
        f"{NEWS}:2:7: error: `Date`: 2026-02-30 is not a real date",
        f"{NEWS}:11:5: error: a `{{attach}}` link copies the file into the site, so it may only point inside "
        "content/; `../../pelicanconf.py` is outside it",
        f"{PRODUCT}:12:12: error: " + NUMBER.format("1e999"),
    ])


def test_make_check_reports_news_headers_too(site):
    edit(site, NEWS, "Title: Hội chợ", "Title: Hội \u202echợ")
    result = run_cli(site, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{NEWS}:1:12: error: " + BIDI, "1 error(s)"]


def test_symlinks_out_of_content_and_theme_are_refused(site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("Title: Bí mật\nDate: 2026-10-02\n\nMật khẩu.\n", encoding="utf-8")
    os.symlink(secret, site / "content/news/bi-mat.md")
    os.symlink(tmp_path, site / "content/ngoai")
    theme = site / "theme"
    shutil.copytree(REPO / "theme", theme)
    os.symlink("/etc/hostname", theme / "static" / "hostname.css")
    append(site, "pelicanconf.py", "\nTHEME = 'theme'\n")
    assert_refused(site, [
        "content/news/bi-mat.md:1:1: error: `bi-mat.md` is a symbolic link leading outside the site's folder; it "
        "could publish a file from elsewhere, so it is not allowed",
        "content/ngoai:1:1: error: `ngoai` is a symbolic link leading outside the site's folder; it could publish a "
        "file from elsewhere, so it is not allowed",
        "theme/static/hostname.css:1:1: error: `hostname.css` is a symbolic link leading outside the theme's folder; "
        "it could publish a file from elsewhere, so it is not allowed",
    ])


def test_photo_with_too_many_bytes(site):
    from test_photos import phone_jpeg

    phone_jpeg(site / "products/tra-hoa-vang/anh.jpg")
    append(site, "pelicanconf.py", "\nOCOP_PHOTO_MAX_BYTES = 20_000\n")
    edit(site, PRODUCT, "trade:\n", "photos:\n  - file: anh.jpg\n    alt: Ảnh\ntrade:\n")
    size = round((site / "products/tra-hoa-vang/anh.jpg").stat().st_size / 1e6, 1)
    assert_refused(site, [f"{PRODUCT}:16:11: error: `photos[1].file`: `anh.jpg` is {size} MB, at most 0 MB; make "
                          "it smaller"])


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("OCOP_TODAY", "tomorrow", "error: `OCOP_TODAY`: `tomorrow` is not a date written YEAR-MONTH-DAY, e.g. 2021-12-16"),
    ("OCOP_TODAY", "2026-02-30", "error: `OCOP_TODAY`: 2026-02-30 is not a real date"),
    ("SOURCE_DATE_EPOCH", "yesterday", "error: `SOURCE_DATE_EPOCH`: `yesterday` is not a number of seconds since "
                                       "1970-01-01 (a Unix timestamp)"),
])
def test_bad_today_or_source_date_epoch_is_a_message(site, variable, value, expected):
    edit(site, "pelicanconf.py", 'OCOP_TODAY = "2026-11-29"', "")
    before = tree_digest(site / "output")
    for command in ("build", "check"):
        result = run_cli(site, command, env={variable: value, "OCOP_TODAY": value if variable == "OCOP_TODAY" else ""})
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        assert result.stderr.strip() == expected
    assert tree_digest(site / "output") == before


@pytest.mark.parametrize(("setup", "args", "expected"), [
    (None, ("-s", "nope.py", "build"), "nope.py:1:1: error: the settings file nope.py does not exist"),
    ("bad.py", ("-s", "bad.py", "build"),
     "bad.py:2:11: error: the settings file has an error: SyntaxError: '[' was never closed"),
    ("bad.py", ("-s", "bad.py", "check"),
     "bad.py:2:11: error: the settings file has an error: SyntaxError: '[' was never closed"),
    ("afile", ("build", "-o", "afile/output"), "error: `afile` is a file where a folder is needed (File exists): "
                                               "rename or remove it, or build into another folder with `-o`\n"
                                               "1 " + COUNT_LINE),
])
def test_broken_settings_or_output_folder_is_a_message(site, setup, args, expected):
    if setup == "bad.py":
        put(site, "bad.py", 'SITENAME = "x"\nPLUGINS = [\n')
    elif setup == "afile":
        put(site, "afile", "not a folder")
    before = tree_digest(site / "output")
    result = run_cli(site, *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip() == expected.format(site=site)
    assert tree_digest(site / "output") == before


MARKDOWN_PAYLOADS = [
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    "[x](vbscript:msgbox(1))",
    "[x](  javascript:alert(1))",
    "<img src=x onerror=alert(1)//",
    '<img src="x" onerror="alert(1)">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    '<form><button formaction="javascript:alert(1)">x</button></form>',
]


class _Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of each inline script, as a browser tokenizes them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[-1] = (self._script, self.scripts[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


_BAD_URL = re.compile(r"\s*(javascript|vbscript|data:(?!image/))", re.I)


def executable_parts(markup: str, allowed_tags=None) -> list[str]:
    """What in `markup` could run script: event handlers, script URLs, and scripts other than data or files."""
    parser = _Tags()
    parser.feed(markup)
    found = []
    for tag, attrs in parser.tags:
        if allowed_tags is not None and tag not in allowed_tags:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("formaction", "xlink:href") or (name == "style" and allowed_tags):
                found.append(f"{tag}[{name}]")
            elif name in ("href", "src", "action", "data") and _BAD_URL.match(value or ""):
                found.append(f"{tag}[{name}={value}]")
    for attrs, text in parser.scripts:
        if attrs.get("type") == "application/ld+json":
            json.loads(text)  # the data block was not broken out of
            if "<" in text:
                found.append("markup inside JSON-LD")
        elif "src" not in attrs or text.strip():
            found.append(f"inline script {text[:40]!r}")
    return found


@pytest.mark.parametrize("text", MARKDOWN_PAYLOADS)
def test_markdown_payloads_are_removed(text):
    assert executable_parts(MarkdownRenderer().render(text), ALLOWED_TAGS) == []


@pytest.mark.parametrize("text", ["![x](https://tracker.example/p.gif)", "![x](//tracker.example/p.gif)",
                                  '<img src=" HTTP://tracker.example/p.gif">', '<img src="/\\tracker.example/p">'])
def test_markdown_cannot_load_images_from_other_sites(text):
    """A tracking pixel would tell another site who reads the catalogue (and CSP img-src 'self' blocks it)."""
    html = MarkdownRenderer().render(text)
    assert "tracker" not in html and "<img" in html


EVIL = "</script><script>alert(1)</script><!--&<b onmouseover=alert(1)>"


def test_script_in_every_text_field_is_inert(site):
    """Every free-text field of every kind of record holds a payload; no page, feed or export runs it."""
    quoted = '"' + EVIL.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for relative, fields in {
        PRODUCT: ["name", "name_en"],
        HONEY: ["name", "commune"],
        PRODUCER: ["name"],
        "products/_province.yaml": ["name", "name_en", "office"],
        "products/_regions/huyen-a.yaml": ["name", "name_en"],
        "products/_decisions/qd-2025.yaml": ["issuer"],
        "products/_sources/ghi-chu.yaml": ["title", "note"],
    }.items():
        text = (site / relative).read_text(encoding="utf-8").splitlines()
        text = [f"{line.split(':')[0]}: {quoted}" if line.split(":")[0] in fields else line for line in text]
        put(site, relative, "\n".join(text) + "\n")
    append(site, PRODUCER, f"commune: {quoted}\naddress: {quoted}\ndescription: {quoted}\n"
                           f"alt_names:\n  - name: {quoted}\n    source: ghi-chu\n")
    append(site, "products/_regions/huyen-a.yaml", f"description: {quoted}\ndescription_en: {quoted}\n")
    edit(site, PRODUCT, "    score: 75.5", f"    score: 75.5\n    note: {quoted}\n    note_en: {quoted}")
    edit(site, PRODUCT, "description: |\n", f"description_en: {quoted}\ndescription: |\n  {EVIL}\n")
    edit(site, PRODUCT, "  storage: Nơi khô ráo, thoáng mát", f"  storage: {quoted}")
    edit(site, HONEY, "  - title: Bài báo hư cấu", f"  - title: {quoted}\n    publisher: {quoted}")
    put(site, "content/news/evil.md", f"Title: Tin {EVIL}\nDate: 2026-10-02\nSlug: evil\nSummary: {EVIL}\n\n"
                                      f"{EVIL} <a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>\n")
    result = run_cli(site, "build")
    assert result.returncode == 0, result.stderr
    checked = shown = 0
    for path in sorted((site / "output").rglob("*")):
        if "pagefind" in path.parts or path.suffix not in (".html", ".xml", ".json", ".csv"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            assert executable_parts(text) == [], path
            assert EVIL not in text, path
            shown += "&lt;/script&gt;&lt;script&gt;alert(1)" in text
        elif path.suffix == ".xml":
            for element in ET.fromstring(text).iter():
                if element.get("type") == "html":  # Atom content a reader renders as HTML
                    assert executable_parts(element.text or "", ALLOWED_TAGS | {"html", "body"}) == [], path
        elif path.suffix == ".json":
            json.loads(text)
        else:
            rows = list(csv.reader(io.StringIO(text)))
            assert len({len(row) for row in rows}) == 1, path  # no payload broke the columns
        checked += 1
    assert checked > 50 and shown > 30  # the payloads are on the pages, as text


def _big_photos(folder: Path, count: int) -> list[str]:
    names = []
    for index in range(count):
        image = Image.effect_noise((2400, 1800), 90).convert("RGB")
        name = f"anh-{index}.jpg"
        image.save(folder / name, "JPEG", quality=95)
        names.append(name)
    return names


def test_killed_build_leaves_output_and_next_build_cleans_up(site):
    """SIGKILL while photos are derived: output/ is byte-identical, and the next build removes the staging folder."""
    folder = site / "products/tra-hoa-vang"
    names = _big_photos(folder, 6)
    edit(site, PRODUCT, "trade:\n", "photos:\n" + "".join(f"  - file: {n}\n    alt: Ảnh {n}\n" for n in names)
         + "trade:\n")
    append(site, "pelicanconf.py", "\nOCOP_PHOTO_WORKERS = 1\n")
    before = tree_digest(site / "output")
    environ = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en"}
    process = subprocess.Popen([sys.executable, "-m", "ocop", "build"], cwd=site, env=environ,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cache = site / "cache" / "ocop-photos"
    deadline = time.monotonic() + 120
    try:
        while not list(cache.glob("*/*.tmp")):  # a photo is being derived
            assert process.poll() is None, "the build ended before any photo was derived"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        staging = [n for n in os.listdir(site) if n.startswith(".ocop-build-")]
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert staging and all((site / name).is_dir() for name in staging)  # the killed build's half-written site
    assert tree_digest(site / "output") == before
    result = run_cli(site, "build")
    assert result.returncode == 0, result.stderr
    assert [n for n in os.listdir(site) if n.startswith(".ocop-build-")] == []
    assert len(list((site / "output/anh/san-pham/tra-hoa-vang").glob("anh-*-social.*.jpg"))) == len(names)
