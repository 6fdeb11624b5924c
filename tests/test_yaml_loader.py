"""The YAML reader: data only, every surprise an error with its line and column."""

import pytest
from ocop.core.problems import Problems
from ocop.records.yaml_loader import load_record, parse_text


def messages(text: str, lang: str = "en") -> list[str]:
    problems = Problems()
    parse_text("r.yaml", text, problems)
    return [p.format(lang) for p in problems.sorted()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no\n", 'r.yaml:1:4: error: `no` can be read as false; write "no" in quotes for text, '
                    "or true or false for a yes/no value"),
        ("a: Yes\n", 'r.yaml:1:4: error: `Yes` can be read as true; write "Yes" in quotes for text, '
                     "or true or false for a yes/no value"),
        ("a: off\n", 'r.yaml:1:4: error: `off` can be read as false; write "off" in quotes for text, '
                     "or true or false for a yes/no value"),
        ("a: 0755\n", 'r.yaml:1:4: error: `0755` starts with 0 and can be read as an octal number; '
                      'write "0755" in quotes if it is a code or a phone number'),
        ("a: 0x1F\n", "r.yaml:1:4: error: `0x1F` is not a plain decimal number; quote it if it is text"),
        ("a: 1_000\n", "r.yaml:1:4: error: `1_000` is not a plain decimal number; quote it if it is text"),
        ("a: 12:30\n", "r.yaml:1:4: error: `12:30` is not a plain decimal number; quote it if it is text"),
        ("a: 1\nb: 2\na: 3\n", "r.yaml:3:1: error: field `a` appears twice (first at line 1)"),
        ("a: &x [1]\nb: *x\n", "r.yaml:1:4: error: YAML anchors and aliases (`&`, `*`) are not allowed; "
                               "write the value out"),
        ("a: !!python/object:os.system x\n",
         "r.yaml:1:4: error: YAML tags such as `!!python/object:os.system` are not allowed"),
        ("a: !include other.yaml\n", "r.yaml:1:4: error: YAML tags such as `!include` are not allowed"),
        ("a: 1\n---\nb: 2\n", "r.yaml:3:1: error: a file holds one record; remove the second `---`"),
        ("- a\n- b\n", "r.yaml:1:1: error: a record must be made of `field: value` lines"),
        ("just text\n", "r.yaml:1:1: error: a record must be made of `field: value` lines"),
        ("", "r.yaml:1:1: error: the file is empty"),
        ("# only a comment\n", "r.yaml:1:1: error: the file is empty"),
        ("a: [1, 2\n", "r.yaml:2:1: error: a list opened with `[` is not closed with `]`"),
        ("a: {x: 1\n", "r.yaml:2:1: error: a group opened with `{` is not closed with `}`"),
        ("a: b: c\n", "r.yaml:1:5: error: unexpected `:`: if the value contains a colon, put the whole value "
                      "in quotes; otherwise check this line's indentation"),
        ('a: "abc\nb: 1\n', "r.yaml:3:1: error: the quotes opened at line 1 are never closed"),
        ("a: 1\n- b\n", "r.yaml:2:1: error: the indentation or quoting here does not match the lines above"),
        ("a:\n\t- b\n", "r.yaml:2:1: error: indent with spaces, not tabs"),
        ("a: @x\n", "r.yaml:1:4: error: a value cannot start with `@`; put the whole value in quotes"),
        ("a: |\n b\nc d\n", "r.yaml:4:1: error: a `:` is missing between the field name and its value"),
        ("? [a]\n: 1\n", "r.yaml:1:3: error: field names must be text"),
    ],
)
def test_yaml_errors_name_file_line_and_column(text, expected):
    assert messages(text) == [expected]


def test_messages_are_vietnamese_by_default():
    assert messages("a: no\n", "vi") == [
        'r.yaml:1:4: lỗi: `no` dễ hiểu nhầm thành false; nếu là chữ hãy viết "no" trong ngoặc kép, '
        "nếu là đúng/sai hãy viết true hoặc false"
    ]


def test_all_problems_of_a_file_are_reported_together():
    found = messages("a: no\nb: 012\nc: 1\nc: 2\n")
    assert [m.split(": error")[0] for m in found] == ["r.yaml:1:4", "r.yaml:2:4", "r.yaml:4:1"]


def test_billion_laughs_is_refused_without_expanding():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    problems = Problems()
    assert parse_text("r.yaml", bomb, problems) is None
    assert "anchors and aliases" in problems.sorted()[0].message("en")


def test_plain_scalars_follow_yaml_1_2():
    problems = Problems()
    record = parse_text(
        "r.yaml",
        "t: true\nf: False\nn: null\ne:\ni: 42\nx: -1.5\nd: 2021-12-16\ns: 'no'\nq: \"0755\"\nw: hello world\n",
        problems,
    )
    assert not problems.items
    assert record.data == {
        "t": True, "f": False, "n": None, "e": None, "i": 42, "x": -1.5,
        "d": "2021-12-16", "s": "no", "q": "0755", "w": "hello world",
    }


def test_positions_of_values_and_keys():
    problems = Problems()
    record = parse_text("r.yaml", "name: A\ncertificates:\n  - decision: d\n    stars: 3\n", problems)
    assert record.where("certificates", 0, "stars") == (4, 12)
    assert record.key_where("certificates", 0, "stars") == (4, 5)
    assert record.where("missing", "deeper") == (1, 1)


def test_text_is_normalised_to_nfc_and_bom_is_tolerated(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes("\ufeffname: Cá\u0301\n".encode())  # decomposed acute accent
    problems = Problems()
    record = load_record(str(path), problems)
    assert not problems.items
    assert record.data["name"] == "Cá\u0301".replace("a\u0301", "á") or record.data["name"] == "Cá́"
    import unicodedata

    assert unicodedata.is_normalized("NFC", record.data["name"])


def test_invalid_utf8_names_line_and_column(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"name: ok\ntitle: caf\xe9\n")
    problems = Problems()
    assert load_record(str(path), problems) is None
    assert problems.sorted()[0].format("en") == (
        f"{path}:2:11: error: the file is not UTF-8 text (unexpected byte at offset 19); save it as UTF-8"
    )


def test_huge_files_are_refused(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("a: " + "x" * 1_000_001, encoding="utf-8")
    problems = Problems()
    assert load_record(str(path), problems) is None
    assert problems.sorted()[0].message("en") == "the file is too large (1000004 bytes, at most 1000000)"
