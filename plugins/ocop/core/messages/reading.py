"""Reading a record: the file itself, its YAML, and hostile or damaged input."""

from .catalogue import message

message("file_unreadable", "không đọc được tệp: {reason}")
message("file_too_large", "tệp quá lớn ({size} byte, tối đa {limit})")
message("not_utf8", "tệp không phải văn bản UTF-8 (byte lạ ở vị trí {offset}); hãy lưu lại với mã hoá UTF-8")
message("yaml_syntax", "lỗi cú pháp YAML: {problem}")
message("yaml_unclosed_list", "danh sách mở bằng `[` chưa được đóng bằng `]`")
message("yaml_unclosed_group", "nhóm mở bằng `{{` chưa được đóng bằng `}}`")
message("yaml_unexpected_colon",
        "dấu `:` không đúng chỗ: nếu giá trị có dấu hai chấm, hãy đặt cả giá trị trong ngoặc kép;"
        " nếu không, hãy kiểm tra thụt lề của dòng này")
message("yaml_unclosed_quote", "thiếu dấu ngoặc đóng cho giá trị mở ở dòng {opened}")
message("yaml_indentation", "thụt lề hoặc dấu ngoặc ở đây không khớp với các dòng phía trên")
message("yaml_missing_colon", "thiếu dấu `:` giữa tên trường và giá trị")
message("yaml_tab", "hãy thụt lề bằng dấu cách, không dùng phím Tab")
message("yaml_bad_start", "giá trị không được bắt đầu bằng `{char}`; hãy đặt cả giá trị trong ngoặc kép")
message("empty_file", "tệp trống")
message("multiple_documents", "tệp chỉ được chứa một hồ sơ; hãy bỏ dòng `---` thứ hai")
message("root_not_mapping", "hồ sơ phải gồm các dòng `tên_trường: giá trị`")
message("duplicate_key", "trường `{key}` bị lặp lại (đã có ở dòng {first_line})")
message("alias_not_allowed", "không được dùng neo hay tham chiếu YAML (`&`, `*`); hãy viết đầy đủ giá trị")
message("tag_not_allowed", "không được dùng thẻ YAML `{tag}`")
message("key_not_text", "tên trường phải là chữ")
message("too_deep", "hồ sơ lồng nhau quá sâu")
message("ambiguous_bool",
        "`{value}` dễ hiểu nhầm thành {meaning}; nếu là chữ hãy viết \"{value}\" trong ngoặc kép,"
        " nếu là đúng/sai hãy viết true hoặc false")
message("leading_zero",
        "`{value}` có số 0 ở đầu nên dễ bị hiểu nhầm là số bát phân; nếu là mã hay số điện thoại"
        " hãy viết \"{value}\" trong ngoặc kép")
message("odd_number", "`{value}` không phải số thập phân thông thường; nếu là chữ hãy đặt trong ngoặc kép")

# hostile or damaged input (issue 7)
message("not_utf8_utf16", "tệp được lưu với mã hoá UTF-16 (Unicode); hãy lưu lại với mã hoá UTF-8")
message("control_character", "có ký tự điều khiển ẩn ({char}) ở đây; hãy xoá nó (thường do chép từ tệp PDF hoặc Word)")
message("line_separator",
        "có ký tự ngắt dòng ẩn ({char}) ở đây; hãy thay bằng dấu cách hoặc một lần xuống dòng bình thường")
message("bidi_character",
        "có ký tự đảo chiều văn bản ẩn ({char}) ở đây, khiến chữ hiển thị khác với nội dung thật; hãy xoá nó")
message("key_too_long",
        "tên trường quá dài (tối đa {limit} ký tự); hãy kiểm tra xem có thiếu dấu `:` hay xuống dòng không")
message("number_too_large", "số `{value}` quá lớn (tối đa {limit}); nếu là mã số hãy viết trong ngoặc kép")
