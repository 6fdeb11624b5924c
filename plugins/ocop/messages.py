"""Message catalogue for editors: every problem in plain Vietnamese and in English."""

from __future__ import annotations

import os

# code -> (Vietnamese, English). Templates use str.format with the problem's params.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "error_count": (
        "{count} lỗi: chưa dựng trang, thư mục output/ giữ nguyên.",
        "{count} error(s): the site was not built and output/ is unchanged.",
    ),
    "did_you_mean": (" (có phải `{suggestion}`?)", " (did you mean `{suggestion}`?)"),
    # reading files
    "file_unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file_too_large": (
        "tệp quá lớn ({size} byte, tối đa {limit})",
        "the file is too large ({size} bytes, at most {limit})",
    ),
    "not_utf8": (
        "tệp không phải văn bản UTF-8 (byte lạ ở vị trí {offset}); hãy lưu lại với mã hoá UTF-8",
        "the file is not UTF-8 text (unexpected byte at offset {offset}); save it as UTF-8",
    ),
    "yaml_syntax": ("lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}"),
    "yaml_unclosed_list": (
        "danh sách mở bằng `[` chưa được đóng bằng `]`",
        "a list opened with `[` is not closed with `]`",
    ),
    "yaml_unclosed_group": (
        "nhóm mở bằng `{{` chưa được đóng bằng `}}`",
        "a group opened with `{{` is not closed with `}}`",
    ),
    "yaml_unexpected_colon": (
        "dấu `:` không đúng chỗ: nếu giá trị có dấu hai chấm, hãy đặt cả giá trị trong ngoặc kép;"
        " nếu không, hãy kiểm tra thụt lề của dòng này",
        "unexpected `:`: if the value contains a colon, put the whole value in quotes;"
        " otherwise check this line's indentation",
    ),
    "yaml_unclosed_quote": (
        "thiếu dấu ngoặc đóng cho giá trị mở ở dòng {opened}",
        "the quotes opened at line {opened} are never closed",
    ),
    "yaml_indentation": (
        "thụt lề hoặc dấu ngoặc ở đây không khớp với các dòng phía trên",
        "the indentation or quoting here does not match the lines above",
    ),
    "yaml_missing_colon": (
        "thiếu dấu `:` giữa tên trường và giá trị",
        "a `:` is missing between the field name and its value",
    ),
    "yaml_tab": (
        "hãy thụt lề bằng dấu cách, không dùng phím Tab",
        "indent with spaces, not tabs",
    ),
    "yaml_bad_start": (
        "giá trị không được bắt đầu bằng `{char}`; hãy đặt cả giá trị trong ngoặc kép",
        "a value cannot start with `{char}`; put the whole value in quotes",
    ),
    "empty_file": ("tệp trống", "the file is empty"),
    "multiple_documents": (
        "tệp chỉ được chứa một hồ sơ; hãy bỏ dòng `---` thứ hai",
        "a file holds one record; remove the second `---`",
    ),
    "root_not_mapping": (
        "hồ sơ phải gồm các dòng `tên_trường: giá trị`",
        "a record must be made of `field: value` lines",
    ),
    "duplicate_key": (
        "trường `{key}` bị lặp lại (đã có ở dòng {first_line})",
        "field `{key}` appears twice (first at line {first_line})",
    ),
    "alias_not_allowed": (
        "không được dùng neo hay tham chiếu YAML (`&`, `*`); hãy viết đầy đủ giá trị",
        "YAML anchors and aliases (`&`, `*`) are not allowed; write the value out",
    ),
    "tag_not_allowed": (
        "không được dùng thẻ YAML `{tag}`",
        "YAML tags such as `{tag}` are not allowed",
    ),
    "key_not_text": ("tên trường phải là chữ", "field names must be text"),
    "too_deep": ("hồ sơ lồng nhau quá sâu", "the record is nested too deeply"),
    "ambiguous_bool": (
        "`{value}` dễ hiểu nhầm thành {meaning}; nếu là chữ hãy viết \"{value}\" trong ngoặc kép,"
        " nếu là đúng/sai hãy viết true hoặc false",
        "`{value}` can be read as {meaning}; write \"{value}\" in quotes for text,"
        " or true or false for a yes/no value",
    ),
    "leading_zero": (
        "`{value}` có số 0 ở đầu nên dễ bị hiểu nhầm là số bát phân; nếu là mã hay số điện thoại"
        " hãy viết \"{value}\" trong ngoặc kép",
        "`{value}` starts with 0 and can be read as an octal number; write \"{value}\" in quotes"
        " if it is a code or a phone number",
    ),
    "odd_number": (
        "`{value}` không phải số thập phân thông thường; nếu là chữ hãy đặt trong ngoặc kép",
        "`{value}` is not a plain decimal number; quote it if it is text",
    ),
    # schema
    "missing_field": ("thiếu trường bắt buộc `{field}`", "missing required field `{field}`"),
    "unknown_field": (
        "trường `{field}` không có trong mẫu hồ sơ",
        "`{field}` is not a field of this kind of record",
    ),
    "wrong_type": ("`{field}` phải là {expected}", "`{field}` must be {expected}"),
    "type_string": ("chữ", "text"),
    "type_integer": ("số nguyên", "a whole number"),
    "type_number": ("số", "a number"),
    "type_array": ("danh sách (các dòng bắt đầu bằng `- `)", "a list (lines starting with `- `)"),
    "type_object": ("nhóm trường `tên: giá trị`", "a group of `field: value` lines"),
    "type_boolean": ("true hoặc false", "true or false"),
    "type_null": ("để trống", "empty"),
    "not_in_enum": (
        "`{field}`: `{value}` không hợp lệ; chọn một trong: {allowed}",
        "`{field}`: `{value}` is not allowed; choose one of: {allowed}",
    ),
    "too_small": ("`{field}` phải từ {limit} trở lên", "`{field}` must be at least {limit}"),
    "too_large": ("`{field}` không được quá {limit}", "`{field}` must be at most {limit}"),
    "stars_range": (
        "`{field}`: {value} sao không hợp lệ; chỉ sản phẩm 3, 4 hoặc 5 sao được chứng nhận OCOP",
        "`{field}`: {value} stars is not possible; only 3, 4 or 5 stars are certified",
    ),
    "too_long": (
        "`{field}` dài {length} ký tự, tối đa {limit}",
        "`{field}` is {length} characters long, at most {limit}",
    ),
    "empty_value": ("`{field}` không được để trống", "`{field}` must not be empty"),
    "list_too_short": ("`{field}` cần ít nhất {limit} mục", "`{field}` needs at least {limit} item(s)"),
    "list_too_long": ("`{field}` có tối đa {limit} mục", "`{field}` has at most {limit} items"),
    "id_format": (
        "`{field}`: `{value}` không phải mã hợp lệ (chỉ chữ thường không dấu, số và dấu gạch ngang,"
        " ví dụ `muong-ang`)",
        "`{field}`: `{value}` is not a valid id (lowercase letters without accents, digits and"
        " hyphens, e.g. `muong-ang`)",
    ),
    "single_line_text": (
        "`{field}` chứa xuống dòng, ký tự điều khiển hoặc ký tự ẩn (khoảng trắng rộng 0,"
        " đảo chiều văn bản); hãy gõ lại trên một dòng",
        "`{field}` contains a line break, a control character or an invisible character"
        " (zero-width, bidirectional override); type it again on one line",
    ),
    "markdown_text": (
        "`{field}` chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản ẩn",
        "`{field}` contains a control character or a hidden bidirectional override",
    ),
    "date_format": (
        "`{field}`: `{value}` không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-16",
        "`{field}`: `{value}` is not a date written YEAR-MONTH-DAY, e.g. 2021-12-16",
    ),
    "date_invalid": ("`{field}`: ngày {value} không tồn tại", "`{field}`: {value} is not a real date"),
    "url_format": (
        "`{field}`: `{value}` phải bắt đầu bằng https://, http://, mailto: hoặc tel:",
        "`{field}`: `{value}` must start with https://, http://, mailto: or tel:",
    ),
    "source_ref": (
        "`{field}`: nguồn phải là mã một tệp trong _sources/, hoặc gồm `title` (và `url`)",
        "`{field}`: a source is the id of a file in _sources/, or a `title` (and `url`)",
    ),
    "decision_number": (
        "`{field}`: `{value}` không đúng dạng số quyết định, ví dụ 4261/QĐ-UBND",
        "`{field}`: `{value}` is not a decision number such as 4261/QĐ-UBND",
    ),
    "invalid_value": ("`{field}`: giá trị không hợp lệ", "`{field}`: invalid value"),
    # files and folders
    "bad_folder_name": (
        "tên thư mục `{name}` không phải mã hợp lệ; hãy đổi tên thành `{suggestion}`",
        "folder name `{name}` is not a valid id; rename it to `{suggestion}`",
    ),
    "bad_file_name": (
        "tên tệp `{name}` không phải mã hợp lệ; hãy đổi tên thành `{suggestion}.yaml`",
        "file name `{name}` is not a valid id; rename it to `{suggestion}.yaml`",
    ),
    "duplicate_id": (
        "`{name}` trùng mã `{value}` với {other}",
        "`{name}` has the same id `{value}` as {other}",
    ),
    "missing_record_file": (
        "thư mục sản phẩm thiếu tệp {expected}",
        "the product folder has no {expected}",
    ),
    "unexpected_file": (
        "tệp `{name}` không được dùng; hồ sơ sản phẩm phải có tên {expected}",
        "`{name}` is not used; a product record must be named {expected}",
    ),
    "unknown_folder": (
        "thư mục `{name}` không phải loại hồ sơ đã biết ({known})",
        "`{name}` is not a known kind of record folder ({known})",
    ),
    "missing_province": (
        "thiếu tệp thông tin tỉnh {expected}",
        "the province file {expected} is missing",
    ),
    "unsafe_path": (
        "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu; không được dùng",
        "`{name}` is a symbolic link leaving the data folder; it is not used",
    ),
    # cross-record checks
    "unknown_ref": (
        "`{field}`: không có {kind} `{value}` (cần tệp {expected}){hint}",
        "`{field}`: there is no {kind} `{value}` (expected the file {expected}){hint}",
    ),
    "kind_region": ("địa bàn", "region"),
    "kind_producer": ("chủ thể", "producer"),
    "kind_decision": ("quyết định", "decision"),
    "kind_source": ("nguồn", "source"),
    "kind_product": ("sản phẩm", "product"),
    "group_not_in_regime": (
        "`{field}`: nhóm `{value}` không thuộc bộ tiêu chí {regime} của quyết định `{decision}`;"
        " các nhóm hợp lệ: {allowed}",
        "`{field}`: group `{value}` does not exist under {regime}, the regime of decision"
        " `{decision}`; valid groups: {allowed}",
    ),
    "stars_not_for_level": (
        "`{field}`: quyết định `{decision}` ({level}, {regime}) không công nhận {value} sao;"
        " cấp này chỉ công nhận {allowed} sao",
        "`{field}`: decision `{decision}` ({level}, {regime}) cannot award {value} stars;"
        " that level awards {allowed} stars",
    ),
    "signed_missing": (
        "quyết định cần `signed` (ngày ký) hoặc `signed_between` (khoảng thời gian ký)",
        "a decision needs `signed` (signing date) or `signed_between` (the interval it was signed in)",
    ),
    "signed_both": (
        "chỉ ghi một trong hai trường `signed` hoặc `signed_between`",
        "give either `signed` or `signed_between`, not both",
    ),
    "interval_reversed": (
        "`{field}`: ngày bắt đầu {start} sau ngày kết thúc {end}",
        "`{field}`: the start {start} is after the end {end}",
    ),
    "expires_before_signed": (
        "`{field}`: ngày hết hiệu lực {value} trước ngày ký {signed}",
        "`{field}`: expiry {value} is before the signing date {signed}",
    ),
    "revoked_before_signed": (
        "`{field}`: ngày thu hồi {value} trước ngày ký {signed}",
        "`{field}`: revocation {value} is before the signing date {signed}",
    ),
    "broken_link": (
        "liên kết tới `{target}` không dẫn tới tệp nào; hãy kiểm tra đường dẫn",
        "the link to `{target}` does not lead to any file; check the path",
    ),
    "news_metadata": (
        "`{field}`: {detail}",
        "`{field}`: {detail}",
    ),
}

LANGS = ("vi", "en")


def render(code: str, params: dict, lang: str = "vi") -> str:
    """Fill the template of `code` in `lang`; a `suggestion` param adds a hint."""
    index = 1 if lang == "en" else 0
    template = MESSAGES[code][index]
    params = dict(params)
    hint = ""
    if params.get("suggestion") and "{suggestion}" not in template:
        hint = MESSAGES["did_you_mean"][index].format(suggestion=params["suggestion"])
    params.setdefault("hint", "")
    if "{hint}" in template:
        params["hint"] = hint
        hint = ""
    for key, value in list(params.items()):
        # Codes passed as values (kind_*, type_*) are translated too.
        if isinstance(value, str) and value in MESSAGES and key in ("kind", "expected"):
            params[key] = MESSAGES[value][index]
    return template.format(**params) + hint


def message_lang(settings: dict | None = None, environ: dict | None = None) -> str:
    """The editors' language: OCOP_MESSAGES_LANG setting, else OCOP_LANG/LANG, else Vietnamese."""
    environ = os.environ if environ is None else environ
    if settings and settings.get("OCOP_MESSAGES_LANG"):
        return settings["OCOP_MESSAGES_LANG"]
    for name in ("OCOP_LANG", "LANG"):
        value = environ.get(name, "")
        if value.lower().startswith("en"):
            return "en"
        if value.lower().startswith("vi"):
            return "vi"
    return "vi"
