"""Property-based fuzzing of the record reader: a clear error or a valid record, never an exception.

Hypothesis generates arbitrary bytes, arbitrary text (control, invisible and
bidirectional characters included), YAML-looking documents (flow and block
collections, anchors, tags, quotes, comments, document markers, odd numbers)
and mutations of the fixture's real records (lines dropped, duplicated, swapped
or re-indented, characters and YAML tokens inserted). Whatever comes in,
`load_record` and `load_catalogue` must return, and every problem must carry a
path, a line and a column from 1, and a message that renders in Vietnamese and
in English.

Runs are deterministic (`derandomize=True`, no example database) so that CI
sees the same examples every time; the whole module takes a few seconds.
"""

from __future__ import annotations

import datetime
import shutil
import string

import pytest
from conftest import FIXTURE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ocop.core.messages import render
from ocop.core.problems import Problems
from ocop.records.loader import load_catalogue
from ocop.records.schema_check import check_record
from ocop.records.yaml_loader import Record, load_record, parse_text

TODAY = datetime.date(2026, 11, 29)
FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_well_formed(problems: Problems, path: str | None = None) -> None:
    """Every problem has a place and a message in both languages."""
    for problem in problems.items:
        assert isinstance(problem.path, str) and problem.path
        if path is not None:
            assert problem.path == path
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert isinstance(problem.column, int) and problem.column >= 1, problem
        for lang in ("vi", "en"):
            text = problem.format(lang)
            assert text.startswith(f"{problem.path}:{problem.line}:{problem.column}: ")
            message = render(problem.code, dict(problem.params), lang)
            assert message.strip() and "\n" not in message, (problem, message)  # one line per problem


def assert_loaded(record: Record | None, problems: Problems, path: str) -> None:
    """A record with plain data and known positions, or None with at least one error."""
    assert_well_formed(problems, path)
    if record is None:
        assert problems.errors, "no record and no error"
        return
    assert isinstance(record.data, dict)
    for keys, (line, column) in record.positions.items():
        assert line >= 1 and column >= 1, keys
    # The schema check must cope with whatever the loader lets through.
    check_record("product", record, problems)
    assert_well_formed(problems, path)


# Characters editors' files really contain, and the ones an attacker would try.
ODD_CHARACTERS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\xa0\xad\u200b\u200d\u200e\u2028\u2029\u202a\u202e\u2066\u2069"
    "\ufeff\ufffd\uffff\U0001f375áàảãạăằẳẵặâầẩẫậđĐéèẻẽẹêềểễệ"
)
YAML_PUNCTUATION = ":-?[]{},#&*!|>'\"%@`\t\n\r "
PLAIN = string.ascii_letters + string.digits + " " + "áàảãạăâđéêíóôơúưý"
# Any text: odd characters as likely as letters. YAML-looking text: mostly letters, so that the parser
# goes deep; the odd characters come in through SCALARS, TOKENS and the `insert` mutation.
text_alphabet = st.sampled_from(PLAIN + YAML_PUNCTUATION + ODD_CHARACTERS)
plain_alphabet = st.sampled_from(PLAIN * 4 + YAML_PUNCTUATION)


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes(raw):
    problems = Problems()
    assert_loaded(load_record("r.yaml", problems, raw), problems, "r.yaml")


@FUZZ
@given(text=st.text(text_alphabet, max_size=400))
def test_any_text(text):
    problems = Problems()
    assert_loaded(parse_text("r.yaml", text, problems), problems, "r.yaml")


SCALARS = st.one_of(
    st.sampled_from([
        "", "~", "null", "true", "False", "no", "Yes", "on", "off", "y", "0", "-0", "007", "0x1F", "0o17", "1_000",
        "12:30", "1e999", "-1e999", ".inf", ".nan", "1e5", ".5", "3.0", "9" * 30, "2024-02-30", "01/05/2024",
        "2021-12-16", "javascript:alert(1)", "https://example.org/a b", "mailto:a@b.vn?bcc=c@d.vn", "tel:0215 38",
        "<script>alert(1)</script>", "{filename}../../../../etc/passwd", "@x", "`x`", "%x", "!x", "&a x", "*a",
        "!!python/object:os.system", "!include x", "|", ">-", "'", '"', "'unterminated", '"x\\0y"', '"\\u202e"',
        "k" * 1200, "x" * 400, "a\x00b", "a\u202eb", "a\u2028b", "\ufeffx", "x\x85y",
    ]),
    st.text(plain_alphabet, max_size=30),
)
KEYS = st.one_of(
    st.sampled_from(["name", "region", "certificates", "stars", "decision", "group", "sources", "description",
                     "photos", "file", "alt", "trade", "gtin13", "<<", "? a", "1", "null", "true", "[a]", "{b: c}",
                     '"q"', "'s'", "&a k", "*a", "!!str k", "k" * 1100]),
    st.text(plain_alphabet, min_size=1, max_size=12),
)


def flow(children):
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(KEYS, children), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
    )


FLOW_VALUES = st.recursive(SCALARS, flow, max_leaves=12)


@st.composite
def yamlish(draw, depth=0):
    """A block document: `key: value` and `- item` lines at drifting indentation, with YAML's odd corners."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 2, 4, 3]))
        indent += draw(st.sampled_from(["", "", "", "", "", "", "", "\t"]))
        kind = draw(st.sampled_from(["pair", "pair", "item", "nested", "comment", "marker", "block"]))
        if kind == "pair":
            lines.append(f"{indent}{draw(KEYS)}: {draw(FLOW_VALUES)}")
        elif kind == "item":
            lines.append(f"{indent}- {draw(FLOW_VALUES)}")
        elif kind == "nested" and depth < 3:
            lines.append(f"{indent}{draw(KEYS)}:")
            lines += ["  " + line for line in draw(yamlish(depth + 1)).splitlines()]
        elif kind == "comment":
            lines.append(f"{indent}# {draw(st.text(plain_alphabet, max_size=20))}")
        elif kind == "marker":
            lines.append(draw(st.sampled_from(["---", "...", "%YAML 1.1", "%TAG ! tag:x,2000:", "--- !x"])))
        else:
            lines.append(f"{indent}{draw(KEYS)}: {draw(st.sampled_from(['|', '>', '|-', '>+']))}")
            count = draw(st.integers(0, 3))
            lines += [indent + "  " + draw(st.text(plain_alphabet, max_size=20)) for _ in range(count)]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n", "\r"]))


@FUZZ
@given(text=yamlish())
def test_yaml_looking_documents(text):
    problems = Problems()
    assert_loaded(parse_text("r.yaml", text, problems), problems, "r.yaml")


# Mutations of the fictional province's real records ------------------------------------------

RECORDS = [
    "tra-hoa-vang/product.yaml", "mat-ong-rung/product.yaml", "_producers/htx-hoa-vang.yaml",
    "_decisions/qd-2025.yaml", "_regions/huyen-a.yaml", "_province.yaml", "_sources/ghi-chu.yaml",
]
TOKENS = st.sampled_from([
    ":", "- ", "  ", "\t", "#", "&a ", "*a", "!!str ", "[", "]", "{", "}", ",", "'", '"', "|", ">", "? ", "---\n",
    "no", "0755", "1e999", "9" * 25, "~", "\x00", "\u202e", "\u2028", "\r", "\n", "\ufeff", "<script>", "{attach}../",
])


@st.composite
def mutated(draw, text: str):
    """`text` after a few random edits of the kinds a hurried or hostile editor makes."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [""]
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "indent", "insert", "token", "replace_value"]))
        line = lines[index]
        if action == "drop":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], line
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 6)) + line.lstrip(" ")
        elif action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.text(text_alphabet, min_size=1, max_size=3)) + line[at:]
        elif action == "token":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(TOKENS) + line[at:]
        elif action == "replace_value" and ":" in line:
            lines[index] = line.split(":", 1)[0] + ": " + draw(FLOW_VALUES)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "products"
    shutil.copytree(FIXTURE / "products", root)
    return root


@FUZZ
@given(data=st.data())
def test_mutated_records_give_a_catalogue_or_clear_errors(data_folder, data):
    relative = data.draw(st.sampled_from(RECORDS))
    original = (FIXTURE / "products" / relative).read_text(encoding="utf-8")
    text = data.draw(mutated(original))
    path = data_folder / relative
    path.write_text(text, encoding="utf-8", newline="")
    try:
        catalogue = load_catalogue(str(data_folder), TODAY)
    finally:
        path.write_text(original, encoding="utf-8")
    assert_well_formed(catalogue.problems)
    if not catalogue.problems.errors:  # then every record made it into the catalogue
        assert set(catalogue.products) == {"tra-hoa-vang", "mat-ong-rung"}
        assert catalogue.province is not None



NEWS = (FIXTURE / "content/news/hoi-cho.md").read_text(encoding="utf-8")
LINK_TOKENS = st.sampled_from(["{attach}", "{static}", "{filename}", "|attach|", "../", "%2e%2e/", "/etc/passwd",
                               "&#46;&#46;/", "(", ")", "[x](", "Title:", "Date:", "Slug:", "Status:", "\n\n", "    "])


@FUZZ
@given(data=st.data())
def test_news_articles_give_clear_errors(tmp_path_factory, data):
    """News headers and links, mutated: check_article and check_links report, never raise."""
    from ocop.records.links import check_links
    from ocop.records.news import check_article

    text = data.draw(mutated(NEWS))
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.one_of(LINK_TOKENS, st.text(text_alphabet, max_size=5))) + text[at:]
    folder = tmp_path_factory.getbasetemp() / "fuzz-news" / "content" / "news"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "x.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    problems = Problems()
    read = check_article(str(path), problems)
    if read is not None:
        check_links(str(path), read, str(folder.parent), problems)
    assert_well_formed(problems, str(path))
