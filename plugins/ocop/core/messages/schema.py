"""The schema: missing, unknown and malformed fields, and the programme figures' rules."""

from .catalogue import message

message("missing_field", "thiếu trường bắt buộc `{field}`")
message("unknown_field", "trường `{field}` không có trong mẫu hồ sơ")
message("wrong_type", "`{field}` phải là {expected}")
message("type_string", "chữ")
message("type_integer", "số nguyên")
message("type_number", "số")
message("type_array", "danh sách (các dòng bắt đầu bằng `- `)")
message("type_object", "nhóm trường `tên: giá trị`")
message("type_boolean", "true hoặc false")
message("type_null", "để trống")
message("not_in_enum", "`{field}`: `{value}` không hợp lệ; chọn một trong: {allowed}")
message("too_small", "`{field}` phải từ {limit} trở lên")
message("too_large", "`{field}` không được quá {limit}")
message("stars_range", "`{field}`: {value} sao không hợp lệ; chỉ sản phẩm 3, 4 hoặc 5 sao được chứng nhận OCOP")
message("too_long", "`{field}` dài {length} ký tự, tối đa {limit}")
message("empty_value", "`{field}` không được để trống")
message("list_too_short", "`{field}` cần ít nhất {limit} mục")
message("list_too_long", "`{field}` có tối đa {limit} mục")
message("id_format",
        "`{field}`: `{value}` không phải mã hợp lệ (chỉ chữ thường không dấu, số và dấu gạch ngang,"
        " ví dụ `muong-ang`)")
message("single_line_text",
        "`{field}` chứa xuống dòng, ký tự điều khiển hoặc ký tự ẩn (khoảng trắng rộng 0,"
        " đảo chiều văn bản); hãy gõ lại trên một dòng")
message("markdown_text", "`{field}` chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản ẩn")
message("date_format", "`{field}`: `{value}` không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-16")
message("date_invalid", "`{field}`: ngày {value} không tồn tại")
message("url_format", "`{field}`: `{value}` phải bắt đầu bằng https://, http://, mailto: hoặc tel:")
message("url_mailto",
        "`{field}`: `{value}`: sau mailto: chỉ ghi một địa chỉ thư điện tử (không dấu cách, `?`, `&` hay `,`),"
        " ví dụ mailto:htx@example.vn")
message("url_tel", "`{field}`: `{value}`: sau tel: ghi số điện thoại liền, không dấu cách, ví dụ tel:+842153825123")
message("url_host", "`{field}`: `{value}` không có tên miền hợp lệ sau https://, ví dụ https://example.gov.vn/trang")
message("url_userinfo",
        "`{field}`: `{value}` có tên người dùng hoặc dấu `@` trước tên miền, che giấu địa chỉ thật; hãy bỏ phần đó")
message("contact_phone",
        "`{field}`: `{value}` không phải số điện thoại (chữ số, dấu cách, +, -, ., ngoặc; từ 3 đến 15 chữ số)")
message("contact_email", "`{field}`: `{value}` không phải một địa chỉ thư điện tử, ví dụ htx@example.vn")
message("source_ref", "`{field}`: nguồn phải là mã một tệp trong _sources/, hoặc gồm `title` (và `url`)")
message("decision_number", "`{field}`: `{value}` không đúng dạng số quyết định, ví dụ 4261/QĐ-UBND")

# programme figures (products/_figures.yaml)
message("partial_date", "`{field}`: `{value}` không phải năm (2024), tháng (2023-02) hay ngày (2021-12-31)")
message("figures_duplicate", "`{field}`: `{value}` đã có ở dòng {first_line}; mỗi năm hoặc mã chỉ ghi một lần")
message("figures_stars_sum", "`{field}`: tổng số sản phẩm theo hạng sao ({sum}) lớn hơn tổng số ({total})")
message("figures_range_reversed", "`{field}`: đầu trên {high} nhỏ hơn `value` {low}")
message("invalid_value", "`{field}`: giá trị không hợp lệ")
message("gtin_format",
        "`{field}`: mã GTIN-13 phải gồm đúng 13 chữ số, hãy viết trong ngoặc kép, ví dụ \"8930000000001\"")
message("gtin_check_digit",
        "`{field}`: mã GTIN-13 `{value}` sai số kiểm tra (chữ số cuối phải là {expected}); hãy xem lại mã vạch")
message("country_code", "`{field}`: `{value}` không phải mã quốc gia 2 chữ cái in hoa, ví dụ CN, JP, US")
