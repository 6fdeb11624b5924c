"""Message catalogue for editors: every problem in plain Vietnamese and in English."""

from __future__ import annotations

import os
import re

# code -> (Vietnamese, English). Templates use str.format with the problem's params.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "error_count": (
        "{count} lỗi: chưa dựng trang, thư mục output/ giữ nguyên.",
        "{count} error(s): the site was not built and output/ is unchanged.",
    ),
    "update_interrupted": (
        "không chép xong trang mới vào output/ ({reason}): mỗi tệp trong đó đều trọn vẹn, có tệp cũ có tệp mới; "
        "sửa nguyên nhân rồi dựng lại để hoàn tất",
        "the new pages were not all moved into output/ ({reason}): every file there is whole, some from the "
        "last build and some new; fix the cause and build again to finish",
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
    # hostile or damaged input (issue 7)
    "not_utf8_utf16": (
        "tệp được lưu với mã hoá UTF-16 (Unicode); hãy lưu lại với mã hoá UTF-8",
        "the file is saved as UTF-16 (Unicode); save it as UTF-8",
    ),
    "control_character": (
        "có ký tự điều khiển ẩn ({char}) ở đây; hãy xoá nó (thường do chép từ tệp PDF hoặc Word)",
        "there is an invisible control character ({char}) here; delete it (it often comes from copying"
        " out of a PDF or a word processor)",
    ),
    "line_separator": (
        "có ký tự ngắt dòng ẩn ({char}) ở đây; hãy thay bằng dấu cách hoặc một lần xuống dòng bình thường",
        "there is an invisible line separator ({char}) here; replace it with a space or an ordinary line break",
    ),
    "bidi_character": (
        "có ký tự đảo chiều văn bản ẩn ({char}) ở đây, khiến chữ hiển thị khác với nội dung thật; hãy xoá nó",
        "there is a hidden bidirectional-text control ({char}) here, which makes text display differently"
        " from what it says; delete it",
    ),
    "key_too_long": (
        "tên trường quá dài (tối đa {limit} ký tự); hãy kiểm tra xem có thiếu dấu `:` hay xuống dòng không",
        "the field name is too long (at most {limit} characters); check for a missing `:` or line break",
    ),
    "number_too_large": (
        "số `{value}` quá lớn (tối đa {limit}); nếu là mã số hãy viết trong ngoặc kép",
        "the number `{value}` is too large (at most {limit}); write it in quotes if it is a code",
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
    "url_mailto": (
        "`{field}`: `{value}`: sau mailto: chỉ ghi một địa chỉ thư điện tử (không dấu cách, `?`, `&` hay `,`),"
        " ví dụ mailto:htx@example.vn",
        "`{field}`: `{value}`: after mailto: write one e-mail address only (no spaces, `?`, `&` or `,`),"
        " e.g. mailto:htx@example.vn",
    ),
    "url_tel": (
        "`{field}`: `{value}`: sau tel: ghi số điện thoại liền, không dấu cách, ví dụ tel:+842153825123",
        "`{field}`: `{value}`: after tel: write the phone number without spaces, e.g. tel:+842153825123",
    ),
    "url_host": (
        "`{field}`: `{value}` không có tên miền hợp lệ sau https://, ví dụ https://example.gov.vn/trang",
        "`{field}`: `{value}` has no valid host name after https://, e.g. https://example.gov.vn/page",
    ),
    "url_userinfo": (
        "`{field}`: `{value}` có tên người dùng hoặc dấu `@` trước tên miền, che giấu địa chỉ thật; hãy bỏ phần đó",
        "`{field}`: `{value}` has a user name or `@` before the host, which hides the real address; remove it",
    ),
    "contact_phone": (
        "`{field}`: `{value}` không phải số điện thoại (chữ số, dấu cách, +, -, ., ngoặc; từ 3 đến 15 chữ số)",
        "`{field}`: `{value}` is not a phone number (digits, spaces, +, -, ., parentheses; 3 to 15 digits)",
    ),
    "contact_email": (
        "`{field}`: `{value}` không phải một địa chỉ thư điện tử, ví dụ htx@example.vn",
        "`{field}`: `{value}` is not one e-mail address such as htx@example.vn",
    ),
    "source_ref": (
        "`{field}`: nguồn phải là mã một tệp trong _sources/, hoặc gồm `title` (và `url`)",
        "`{field}`: a source is the id of a file in _sources/, or a `title` (and `url`)",
    ),
    "decision_number": (
        "`{field}`: `{value}` không đúng dạng số quyết định, ví dụ 4261/QĐ-UBND",
        "`{field}`: `{value}` is not a decision number such as 4261/QĐ-UBND",
    ),
    # programme figures (products/_figures.yaml)
    "partial_date": (
        "`{field}`: `{value}` không phải năm (2024), tháng (2023-02) hay ngày (2021-12-31)",
        "`{field}`: `{value}` is not a year (2024), a month (2023-02) or a day (2021-12-31)",
    ),
    "figures_duplicate": (
        "`{field}`: `{value}` đã có ở dòng {first_line}; mỗi năm hoặc mã chỉ ghi một lần",
        "`{field}`: `{value}` already appears at line {first_line}; give each year or id once",
    ),
    "figures_stars_sum": (
        "`{field}`: tổng số sản phẩm theo hạng sao ({sum}) lớn hơn tổng số ({total})",
        "`{field}`: the products by star level add up to {sum}, more than the total {total}",
    ),
    "figures_range_reversed": (
        "`{field}`: đầu trên {high} nhỏ hơn `value` {low}",
        "`{field}`: the high end {high} is below `value` {low}",
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
    "unsafe_content_path": (
        "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục của trang; nó có thể đăng tệp ở nơi khác lên trang,"
        " nên không được phép",
        "`{name}` is a symbolic link leading outside the site's folder; it could publish a file from elsewhere,"
        " so it is not allowed",
    ),
    "unsafe_theme_path": (
        "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục giao diện (theme); nó có thể đăng tệp ở nơi khác"
        " lên trang, nên không được phép",
        "`{name}` is a symbolic link leading outside the theme's folder; it could publish a file from elsewhere,"
        " so it is not allowed",
    ),
    "settings_missing": (
        "không có tệp cấu hình {path}",
        "the settings file {path} does not exist",
    ),
    "settings_error": (
        "tệp cấu hình có lỗi: {detail}",
        "the settings file has an error: {detail}",
    ),
    "output_unwritable": (
        "không ghi được trang vào {path}: {reason}",
        "cannot write the site into {path}: {reason}",
    ),
    "search_kept": (
        "xem trước: chỉ mục tìm kiếm giữ như lần dựng trước (`make html` dựng lại chỉ mục)",
        "preview: the search index is kept from the last build (`make html` rebuilds it)",
    ),
    "bad_epoch": (
        "`SOURCE_DATE_EPOCH`: `{value}` không phải số giây tính từ 1970-01-01 (dấu thời gian Unix)",
        "`SOURCE_DATE_EPOCH`: `{value}` is not a number of seconds since 1970-01-01 (a Unix timestamp)",
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
    "link_outside_project": (
        "liên kết `{{{link}}}` tới `{target}` trỏ ra ngoài thư mục của trang; chỉ được liên kết tới tệp của trang",
        "the `{{{link}}}` link to `{target}` leads outside the site's folder; link only to the site's own files",
    ),
    "link_outside_content": (
        "liên kết `{{{link}}}` chép tệp vào trang nên chỉ được trỏ tới tệp trong thư mục {folder}/;"
        " `{target}` nằm ngoài thư mục đó",
        "a `{{{link}}}` link copies the file into the site, so it may only point inside {folder}/;"
        " `{target}` is outside it",
    ),
    "photo_backslash": (
        "`{field}`: `{file}` dùng dấu `\\`; hãy dùng dấu `/` trong đường dẫn ảnh",
        "`{field}`: `{file}` uses `\\`; use `/` in photo paths",
    ),
    "photo_absolute": (
        "`{field}`: `{file}` là đường dẫn tuyệt đối; hãy ghi tên tệp ảnh nằm trong thư mục của hồ sơ",
        "`{field}`: `{file}` is an absolute path; give the name of a photo in the record's folder",
    ),
    "photo_parent": (
        "`{field}`: `{file}` trỏ ra ngoài thư mục của hồ sơ (`..`); hãy chép ảnh vào thư mục này",
        "`{field}`: `{file}` leaves the record's folder (`..`); copy the photo into this folder",
    ),
    "photo_encoded": (
        "`{field}`: `{file}` chứa mã `%`; hãy ghi đúng tên tệp như trong thư mục",
        "`{field}`: `{file}` contains `%` escapes; write the file name as it is in the folder",
    ),
    "photo_outside": (
        "`{field}`: `{file}` là liên kết trỏ ra ngoài thư mục của hồ sơ; hãy chép chính tệp ảnh vào đây",
        "`{field}`: `{file}` is a link leaving the record's folder; copy the photo itself here",
    ),
    "photo_missing": (
        "`{field}`: không có tệp ảnh `{file}` trong thư mục của hồ sơ",
        "`{field}`: there is no photo `{file}` in the record's folder",
    ),
    "photo_file_too_big": (
        "`{field}`: tệp ảnh `{file}` nặng {size} MB, tối đa {limit} MB; hãy thu nhỏ ảnh",
        "`{field}`: `{file}` is {size} MB, at most {limit} MB; make it smaller",
    ),
    "photo_svg": (
        "`{field}`: không nhận ảnh SVG `{file}` (có thể chứa mã chạy được); hãy xuất sang JPEG hoặc PNG",
        "`{field}`: SVG images such as `{file}` are refused (they can carry scripts); export it as JPEG or PNG",
    ),
    "photo_unsupported": (
        "`{field}`: `{file}` là ảnh {format}, chưa dùng được; hãy chuyển sang JPEG, PNG hoặc WebP",
        "`{field}`: `{file}` is a {format} image, which is not supported; convert it to JPEG, PNG or WebP",
    ),
    "photo_not_image": (
        "`{field}`: `{file}` không phải tệp ảnh, hoặc đã hỏng",
        "`{field}`: `{file}` is not an image, or it is damaged",
    ),
    "photo_truncated": (
        "`{field}`: tệp ảnh `{file}` bị cắt cụt hoặc hỏng; hãy chép lại từ máy chụp",
        "`{field}`: `{file}` is truncated or damaged; copy it again from the camera",
    ),
    "photo_too_many_pixels": (
        "`{field}`: ảnh `{file}` quá lớn (hơn {limit} triệu điểm ảnh); hãy thu nhỏ trước khi đưa lên",
        "`{field}`: `{file}` has too many pixels (over {limit} megapixels); resize it first",
    ),
    "photo_unlisted": (
        "ảnh `{file}` có trong thư mục nhưng chưa được khai báo trong `photos`",
        "`{file}` is in the folder but not listed under `photos`",
    ),
    "gtin_format": (
        "`{field}`: mã GTIN-13 phải gồm đúng 13 chữ số, hãy viết trong ngoặc kép, ví dụ \"8930000000001\"",
        "`{field}`: a GTIN-13 is exactly 13 digits, written in quotes, e.g. \"8930000000001\"",
    ),
    "gtin_check_digit": (
        "`{field}`: mã GTIN-13 `{value}` sai số kiểm tra (chữ số cuối phải là {expected}); hãy xem lại mã vạch",
        "`{field}`: GTIN-13 `{value}` has a wrong check digit (the last digit should be {expected}); "
        "check the barcode",
    ),
    "country_code": (
        "`{field}`: `{value}` không phải mã quốc gia 2 chữ cái in hoa, ví dụ CN, JP, US",
        "`{field}`: `{value}` is not a two-letter country code such as CN, JP, US",
    ),
    "news_metadata": (
        "`{field}`: {detail}",
        "`{field}`: {detail}",
    ),
    # housekeeping warnings (`make check`, builds): nothing is wrong, but something needs doing
    "warn_expiring": (
        "chứng nhận {stars} sao (quyết định `{decision}`) hết hiệu lực ngày {expiry}, chỉ còn {days} ngày;"
        " hãy nhắc chủ thể chuẩn bị hồ sơ đánh giá lại",
        "the {stars}-star certificate (decision `{decision}`) expires on {expiry}, in {days} days;"
        " remind the producer to prepare the re-assessment",
    ),
    "warn_expiring_interval": (
        "chứng nhận {stars} sao (quyết định `{decision}`) hết hiệu lực trong khoảng {start} đến {end}"
        " (chưa biết ngày ký chính xác), có thể sắp hoặc đã hết; hãy tìm ngày ký và nhắc chủ thể đánh giá lại",
        "the {stars}-star certificate (decision `{decision}`) expires between {start} and {end}"
        " (the exact signing date is unknown), soon or already; find the signing date and remind the"
        " producer to renew",
    ),
    "warn_no_photo": (
        "sản phẩm chưa có ảnh: hãy chép ảnh thật của sản phẩm (tệp .jpg, .png hoặc .webp) vào thư mục"
        " `{folder}` và khai báo ở `photos:` kèm mô tả `alt`",
        "the product has no photo: copy a real photo of it (a .jpg, .png or .webp file) into the folder"
        " `{folder}` and list it under `photos:` with its `alt` text",
    ),
    "warn_no_name_en": (
        "chưa có tên tiếng Anh: thêm dòng `name_en: ...` để người mua nước ngoài đọc được",
        "no English name: add a `name_en: ...` line so that foreign buyers can read it",
    ),
    "warn_no_sources": (
        "hồ sơ chưa ghi nguồn: thêm `sources:` với mã tài liệu trong products/_sources/",
        "the record cites no source: add `sources:` with the id of a document in products/_sources/",
    ),
    "warn_not_verified": (
        "chưa ghi ngày đối chiếu với nguồn: thêm dòng `last_verified: NĂM-THÁNG-NGÀY`",
        "no verification date: add a `last_verified: YEAR-MONTH-DAY` line",
    ),
    "warn_stale": (
        "hồ sơ được đối chiếu với nguồn lần cuối ngày {date}, đã {days} ngày; hãy kiểm tra lại rồi cập nhật"
        " `last_verified`",
        "the record was last checked against its sources on {date}, {days} days ago; check it again and"
        " update `last_verified`",
    ),
    "warn_news_empty": (
        "bài tin chưa có nội dung: hãy viết nội dung dưới các dòng tiêu đề (sau một dòng trống)",
        "the news article has no text: write it below the header lines (after an empty line)",
    ),
    "check_warnings": ("; {count} cảnh báo.", "; {count} warning(s)."),
    # `make report`
    "report_title": ("Báo cáo rà soát danh mục OCOP {province}", "OCOP catalogue housekeeping report: {province}"),
    "report_intro": (
        "Ngày lập: {today}. Hiệu lực chứng nhận được tính theo ngày này (đặt ngày khác bằng"
        " `OCOP_TODAY=NĂM-THÁNG-NGÀY make report`). Hướng dẫn đọc báo cáo: docs/huong-dan-bien-tap.md.",
        "Date: {today}. Certificate validity is judged on this date (choose another with"
        " `OCOP_TODAY=YYYY-MM-DD make report`). How to read this report: docs/editors-guide.md.",
    ),
    "report_has_errors": (
        "{count} lỗi: hãy sửa các lỗi trên (xem `make check`) rồi lập lại báo cáo.",
        "{count} error(s): fix the problems above (see `make check`), then run the report again.",
    ),
    "report_written": ("Đã ghi báo cáo vào {path}", "Report written to {path}"),
    "report_expiry_title": (
        "1. Chứng nhận đã hết hoặc sắp hết hiệu lực (trong {days} ngày)",
        "1. Certificates expired or expiring within {days} days",
    ),
    "report_expiry_none": (
        "Không có chứng nhận nào đã hết hoặc sắp hết hiệu lực.",
        "No certificate has expired or expires soon.",
    ),
    "report_state_expired": ("đã hết hiệu lực {days} ngày", "expired {days} days ago"),
    "report_state_expired_interval": ("đã hết hiệu lực ít nhất {days} ngày", "expired at least {days} days ago"),
    "report_state_unknown": (
        "có thể đã hết hiệu lực (chậm nhất còn {days} ngày)",
        "possibly expired (at most {days} days left)",
    ),
    "report_state_expiring": ("còn {days} ngày", "{days} days left"),
    "report_state_expiring_interval": (
        "còn từ {earliest} đến {latest} ngày",
        "{earliest} to {latest} days left",
    ),
    "report_count_possible": ("{certain} (+{possible} có thể)", "{certain} (+{possible} possible)"),
    "report_col_product": ("Sản phẩm", "Product"),
    "report_col_region": ("Địa bàn", "District"),
    "report_col_stars": ("Sao", "Stars"),
    "report_col_decision": ("Quyết định", "Decision"),
    "report_col_expiry": ("Hết hiệu lực", "Expiry"),
    "report_col_state": ("Tình trạng", "Status"),
    "report_col_missing": ("Còn thiếu", "Missing"),
    "report_col_products": ("Số sản phẩm", "Products"),
    "report_col_valid": ("Còn hiệu lực", "Valid"),
    "report_col_not_valid": ("Hết hoặc có thể hết hiệu lực", "Expired or possibly expired"),
    "report_col_new_products": ("Mới chứng nhận năm {year}", "Newly certified in {year}"),
    "report_col_upgraded_3_to_4": ("Nâng từ 3 lên 4 sao năm {year}", "Upgraded 3 to 4 stars in {year}"),
    "report_col_target": ("Mục tiêu", "Target"),
    "report_col_year": ("Năm", "Year"),
    "report_col_value": ("Chỉ tiêu", "Target value"),
    "report_col_recorded": ("Theo danh mục", "In the catalogue"),
    "report_col_source": ("Nguồn", "Source"),
    "report_missing_title": ("2. Hồ sơ còn thiếu thông tin chính", "2. Records missing key facts"),
    "report_missing_none": ("Mọi sản phẩm đều đủ thông tin chính.", "Every product has its key facts."),
    "report_missing_producer": ("chưa có chủ thể", "no producer"),
    "report_missing_name_en": ("chưa có tên tiếng Anh", "no English name"),
    "report_missing_photo": ("chưa có ảnh", "no photo"),
    "report_missing_verified": ("đối chiếu nguồn lần cuối ngày {date}", "last verified on {date}"),
    "report_missing_number": ("chưa có số quyết định", "no decision number"),
    "report_missing_signed": ("chỉ biết ngày ký trong khoảng {span}", "signing date known only as {span}"),
    "report_district_title": ("3. Sản phẩm theo địa bàn", "3. Products per district"),
    "report_region_until": ("(đến {date})", "(until {date})"),
    "report_total": ("Toàn tỉnh", "Province"),
    "report_district_note_stars": (
        "Số sao theo lần công nhận gần nhất.",
        "Stars are those of the latest recognition.",
    ),
    "report_district_note_possible": (
        "\"+N có thể\": các chứng nhận chỉ biết ngày ký trong một khoảng thời gian vắt qua năm đó.",
        "\"+N possible\": certificates whose signing date is only known as an interval overlapping that year.",
    ),
    "report_district_note_targets": (
        "Nguồn không giao chỉ tiêu cho từng địa bàn, nên bảng này không có cột chỉ tiêu; chỉ tiêu chung của"
        " tỉnh ở mục 4.",
        "The sources set no targets per district, so this table has none; the province-wide targets are in"
        " section 4.",
    ),
    "report_targets_title": ("4. So với mục tiêu của tỉnh", "4. Against the province's targets"),
    "report_targets_none": (
        "Chưa khai báo mục tiêu: thêm `OCOP_TARGETS` vào pelicanconf.py (xem hướng dẫn biên tập).",
        "No targets set: add `OCOP_TARGETS` to pelicanconf.py (see the editor's guide).",
    ),
    "report_not_measured": ("không tính được từ danh mục", "not measurable from the catalogue"),
    "report_targets_note": (
        "Chỉ tiêu là chỉ tiêu chung của toàn tỉnh, như nguồn ghi. Cột \"Theo danh mục\" chỉ đếm các sản phẩm"
        " đã được ghi vào danh mục này, nên có thể thấp hơn thực tế khi còn sản phẩm chưa được nhập.",
        "Targets are province-wide, as the source gives them. \"In the catalogue\" counts only the products"
        " recorded in this catalogue, so it can be lower than reality while products are still missing.",
    ),
    # `make new-product`, `make new-producer`, `make new-news`
    "sc_created": ("Đã tạo {path}", "Created {path}"),
    "sc_next_title": ("Việc cần làm tiếp:", "What to do next:"),
    "sc_exists": (
        "đã có {what} ở {path}; không ghi đè. Hãy sửa tệp đó, hoặc chọn mã khác bằng SLUG=... (--slug)",
        "{path} already exists ({what}); nothing was overwritten. Edit that file, or choose another id"
        " with SLUG=... (--slug)",
    ),
    "sc_kind_news": ("bài tin", "news article"),
    "sc_slug_taken": (
        "bài tin {path} đã dùng Slug `{slug}`; hãy chọn Slug khác bằng SLUG=... (--slug)",
        "the news article {path} already uses Slug `{slug}`; choose another with SLUG=... (--slug)",
    ),
    "sc_no_slug": (
        "`{field}` không tạo được mã (cần có chữ hoặc số); hãy đặt mã bằng SLUG=... (--slug)",
        "no id can be made from `{field}` (it needs letters or digits); give one with SLUG=... (--slug)",
    ),
    "sc_no_name": ("chưa có tên: không tạo hồ sơ nào.", "no name given: nothing was created."),
    "sc_no_title": ("chưa có tiêu đề: không tạo bài tin nào.", "no title given: nothing was created."),
    "sc_required_answer": ("Câu này bắt buộc, hãy nhập câu trả lời.", "This one is required; please answer it."),
    "sc_many_choices": (
        "({count} lựa chọn; gõ mã, hoặc một phần tên để tìm)",
        "({count} choices; type an id, or part of a name to search)",
    ),
    "sc_several_matches": (
        "có nhiều lựa chọn khớp: {matches}; hãy gõ rõ hơn",
        "several choices match: {matches}; type more of it",
    ),
    "sc_until": (" (đến {date})", " (until {date})"),
    "sc_slug_is": ("Mã (tên thư mục, tệp): {slug}", "Id (folder or file name): {slug}"),
    "sc_intro_product": (
        "Tạo hồ sơ sản phẩm OCOP mới. Chỉ nhập thông tin có trong nguồn; câu nào chưa biết thì bỏ trống"
        " (nhấn Enter) để điền sau. Ctrl+C để dừng.",
        "A new OCOP product record. Enter only facts a source states; leave a question empty (press Enter)"
        " to fill it in later. Ctrl+C stops.",
    ),
    "sc_intro_producer": (
        "Tạo hồ sơ chủ thể mới (hợp tác xã, doanh nghiệp, hộ kinh doanh…). Chỉ nhập thông tin có trong"
        " nguồn; bỏ trống câu chưa biết. Ctrl+C để dừng.",
        "A new producer record (cooperative, company, household business…). Enter only facts a source"
        " states; leave unknown ones empty. Ctrl+C stops.",
    ),
    "sc_intro_news": (
        "Tạo bài tin mới. Bỏ trống câu chưa biết. Ctrl+C để dừng.",
        "A new news article. Leave unknown answers empty. Ctrl+C stops.",
    ),
    "sc_p_name": (
        "Tên sản phẩm (như quyết định hoặc báo cáo ghi)",
        "Product name (as the decision or report writes it)",
    ),
    "sc_p_producer_name": ("Tên chủ thể (như nguồn ghi)", "Producer name (as the source writes it)"),
    "sc_p_name_en": ("Tên tiếng Anh (nếu có)", "English name (if known)"),
    "sc_q_region": ("Địa bàn: chọn một mã dưới đây (tệp trong products/_regions/).",
                    "District: choose one of these ids (files in products/_regions/)."),
    "sc_p_region": ("Địa bàn", "District"),
    "sc_p_commune": ("Xã, phường, thị trấn (như nguồn ghi, nếu có)", "Commune (as the source gives it, if known)"),
    "sc_q_producer": (
        "Chủ thể sản xuất: chọn một mã dưới đây; bỏ trống nếu nguồn không nêu. Chủ thể chưa có thì tạo trước"
        " bằng `make new-producer`.",
        "Producer: choose one of these ids; leave empty if no source names it. Create a missing one first"
        " with `make new-producer`.",
    ),
    "sc_p_producer": ("Chủ thể", "Producer"),
    "sc_q_decision": ("Quyết định công nhận: chọn một mã dưới đây (tệp trong products/_decisions/).",
                      "Recognition decision: choose one of these ids (files in products/_decisions/)."),
    "sc_p_decision": ("Quyết định", "Decision"),
    "sc_p_stars": ("Số sao ({allowed})", "Stars ({allowed})"),
    "sc_q_group": ("Nhóm sản phẩm theo bộ tiêu chí của quyết định:", "Product group under the decision's criteria:"),
    "sc_p_group": ("Nhóm", "Group"),
    "sc_q_legal_form": ("Loại hình:", "Legal form:"),
    "sc_p_legal_form": ("Loại hình", "Legal form"),
    "sc_q_sources": (
        "Nguồn chứng minh các thông tin trên: chọn mã trong products/_sources/, mỗi lần một mã; bỏ trống để"
        " kết thúc.",
        "Sources for these facts: ids in products/_sources/, one at a time; leave empty to finish.",
    ),
    "sc_p_source": ("Nguồn", "Source"),
    "sc_p_verified": ("Ngày đối chiếu với nguồn (NĂM-THÁNG-NGÀY)", "Date checked against the sources (YYYY-MM-DD)"),
    "sc_p_title": ("Tiêu đề", "Title"),
    "sc_p_date": ("Ngày đăng (NĂM-THÁNG-NGÀY)", "Date (YYYY-MM-DD)"),
    "sc_p_news_products": ("Mã các sản phẩm được nhắc tới, cách nhau bằng dấu phẩy",
                           "Ids of the products it is about, separated by commas"),
    "sc_p_news_producers": ("Mã các chủ thể được nhắc tới, cách nhau bằng dấu phẩy",
                            "Ids of the producers it is about, separated by commas"),
    "sc_p_news_sources": ("Mã các nguồn, cách nhau bằng dấu phẩy", "Ids of its sources, separated by commas"),
    "sc_p_summary": ("Tóm tắt một câu", "One-sentence summary"),
    "sc_source_id": ("mã nguồn trong products/_sources/", "source id in products/_sources/"),
    "sc_region_id": ("mã địa bàn trong products/_regions/", "region id in products/_regions/"),
    "sc_producer_id": ("mã chủ thể trong products/_producers/", "producer id in products/_producers/"),
    "sc_placeholder_decision": ("mã quyết định trong products/_decisions/", "decision id in products/_decisions/"),
    "sc_placeholder_stars": ("3, 4 hoặc 5", "3, 4 or 5"),
    "sc_placeholder_group": ("nhóm sản phẩm, ví dụ thuc_pham", "product group, e.g. thuc_pham"),
    "sc_yaml_intro": (
        "# Dòng bắt đầu bằng # là ghi chú. Khi nguồn ghi rõ thông tin, bỏ dấu # đầu dòng và điền vào.",
        "# Lines starting with # are notes. When a source states the fact, remove the # and fill it in.",
    ),
    "sc_yaml_guide": (
        "# Hướng dẫn: docs/huong-dan-bien-tap.md. Kiểm tra bằng lệnh: make check",
        "# Guide: docs/editors-guide.md. Check with: make check",
    ),
    "sc_c_required": ("bắt buộc", "required"),
    "sc_c_name_en": ("tên tiếng Anh", "English name"),
    "sc_c_alt_names": ("cách viết khác trong nguồn, mỗi cách kèm nguồn", "other spellings, each with its source"),
    "sc_c_region": ("mã trong products/_regions/", "an id in products/_regions/"),
    "sc_c_commune": ("xã, phường, thị trấn như nguồn ghi", "the commune as the source gives it"),
    "sc_c_producer": ("chỉ ghi khi nguồn nêu chủ thể", "only when a source names the producer"),
    "sc_c_certificates": (
        "mỗi lần công nhận một mục; gia hạn thì thêm mục mới",
        "one item per recognition; a renewal is a new item",
    ),
    "sc_c_certificates_required": (
        "bắt buộc: mỗi lần công nhận một mục",
        "required: one item per recognition",
    ),
    "sc_c_score": ("điểm trên 100, nếu nguồn ghi", "score out of 100, if a source gives it"),
    "sc_c_expires": ("chỉ khi khác ngày ký + 36 tháng", "only when it differs from signing + 36 months"),
    "sc_c_description": ("giới thiệu (Markdown), theo nguồn", "description (Markdown), from the sources"),
    "sc_c_description_en": ("giới thiệu bằng tiếng Anh", "description in English"),
    "sc_c_sources": ("nguồn chứng minh thông tin trên", "the sources for these facts"),
    "sc_c_sources_required": (
        "BẮT BUỘC: `make check` báo lỗi đến khi có nguồn",
        "REQUIRED: `make check` fails until a source is given",
    ),
    "sc_c_verified": ("ngày đối chiếu với nguồn", "date checked against the sources"),
    "sc_c_verified_required": ("BẮT BUỘC: ngày đối chiếu với nguồn", "REQUIRED: date checked against the sources"),
    "sc_c_photos": (
        "ảnh thật, cùng thư mục với hồ sơ; ảnh đầu là ảnh đại diện",
        "real photos, in the record's folder; the first is the cover",
    ),
    "sc_c_photos_in": ("ảnh thật, trong thư mục {folder}", "real photos, in the folder {folder}"),
    "sc_placeholder_alt": ("mô tả ảnh bằng tiếng Việt, bắt buộc", "what the photo shows, in Vietnamese (required)"),
    "sc_placeholder_credit": ("người chụp hoặc đơn vị giữ bản quyền", "photographer or rights holder"),
    "sc_c_address": ("địa chỉ công khai như nguồn ghi", "public address, as a source gives it"),
    "sc_c_website": ("trang web chính thức", "official website"),
    "sc_c_contacts": (
        "chỉ liên hệ công khai do nguồn công bố, mỗi mục kèm nguồn",
        "public contacts only, as published by a source, each with it",
    ),
    "sc_news_body": (
        "Viết nội dung tin ở đây, bằng Markdown, rồi xoá khối ghi chú này.\n"
        "Chỉ viết điều nguồn nêu; trích nguồn ở dòng Sources phía trên.\n"
        "Cách liên kết tới trang sản phẩm: xem docs/huong-dan-bien-tap.md, mục \"Viết tin\".",
        "Write the article here, in Markdown, then delete this note.\n"
        "State only what the sources say; cite them on the Sources line above.\n"
        "How to link to a product page: see docs/editors-guide.md, \"Writing news\".",
    ),
    "sc_next_open": (
        "Mở {path} và đọc lại các thông tin đã điền.",
        "Open {path} and read what was filled in.",
    ),
    "sc_next_required": (
        "Điền các trường bắt buộc còn thiếu: {fields} (bỏ dấu # đầu dòng).",
        "Fill in the missing required fields: {fields} (remove the # at the start of the line).",
    ),
    "sc_next_sources": (
        "Ghi nguồn ở `sources:` (bắt buộc): mã một tệp trong products/_sources/ (tạo tệp mới nếu tài liệu"
        " chưa có), rồi `last_verified:` là ngày bạn đối chiếu. Đến lúc đó `make check` vẫn báo lỗi thiếu"
        " `sources` — đó là đúng.",
        "Add the sources under `sources:` (required): the id of a file in products/_sources/ (create one if"
        " the document is not there yet), and `last_verified:` with the date you checked. Until then"
        " `make check` reports the missing `sources`, as it should.",
    ),
    "sc_next_verified": (
        "`last_verified` ghi {date}, ngày bạn đối chiếu với nguồn; sửa nếu không đúng.",
        "`last_verified` says {date}, the day you checked the sources; correct it if that is wrong.",
    ),
    "sc_next_optional_product": (
        "Khi nguồn có: điền `name_en`, `commune`, `description`, `description_en`, điểm (`score`)…"
        " Thông tin không có nguồn thì để nguyên dòng ghi chú.",
        "When a source gives them: `name_en`, `commune`, `description`, `description_en`, the `score`…"
        " Leave the notes as they are for facts no source gives.",
    ),
    "sc_next_optional_producer": (
        "Khi nguồn có: điền `name_en`, `commune`, `address`, `website`, `contacts` (chỉ liên hệ công khai),"
        " `description`. Thông tin không có nguồn thì để nguyên dòng ghi chú.",
        "When a source gives them: `name_en`, `commune`, `address`, `website`, `contacts` (public ones only),"
        " `description`. Leave the notes as they are for facts no source gives.",
    ),
    "sc_next_photos": (
        "Ảnh: chép ảnh thật của sản phẩm (do chủ thể chụp hoặc cho phép dùng, không dùng ảnh mạng) vào"
        " thư mục {folder}/ và khai báo ở `photos:` kèm mô tả `alt` bằng tiếng Việt; xem yêu cầu về ảnh"
        " trong hướng dẫn.",
        "Photos: copy real photos of the product (taken or licensed by the producer, no stock photos) into"
        " {folder}/ and list them under `photos:` with Vietnamese `alt` text; see the photo requirements in"
        " the guide.",
    ),
    "sc_next_news_body": (
        "Viết nội dung tin thay cho khối ghi chú <!-- ... -->.",
        "Write the article in place of the <!-- ... --> note.",
    ),
    "sc_next_news_summary": (
        "Thêm dòng `Summary: ...` (một câu tóm tắt) dưới dòng Sources, nếu muốn.",
        "Add a `Summary: ...` line (one sentence) below the Sources line, if you like.",
    ),
    "sc_next_news_date": (
        "`Date` ghi {date}; sửa thành ngày đăng tin nếu khác.",
        "`Date` says {date}; change it to the publication date if different.",
    ),
    "sc_next_check": (
        "Chạy `make check`: phải không còn lỗi (cảnh báo thì nên xử lý khi có thể).",
        "Run `make check`: no error may remain (deal with warnings when you can).",
    ),
    "sc_next_serve": (
        "Xem trước: `make serve`, rồi mở {url}",
        "Preview: `make serve`, then open {url}",
    ),
    "sc_next_commit": (
        "Gửi lên: tạo nhánh mới, commit {path} và mở pull request (xem hướng dẫn).",
        "Send it: create a branch, commit {path} and open a pull request (see the guide).",
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
        elif isinstance(value, str):
            params[key] = visible(value)
    return template.format(**params) + hint


# Line breaks, control characters and invisible format characters (zero-width, bidirectional
# controls) in a value quoted by a message: shown as escapes, so that every problem stays on one
# line and reads in the order it is stored.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                        "\ufeff\ufff9-\ufffb]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with every invisible or line-breaking character written as an escape (`\\n`, `\\u202e`)."""
    return _INVISIBLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


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
