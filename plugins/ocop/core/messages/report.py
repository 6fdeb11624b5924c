"""`make report`: the housekeeping report's titles, columns and notes."""

from .catalogue import message

message("report_title", "Báo cáo rà soát danh mục OCOP {province}")
message("report_intro",
        "Ngày lập: {today}. Hiệu lực chứng nhận được tính theo ngày này (đặt ngày khác bằng"
        " `OCOP_TODAY=NĂM-THÁNG-NGÀY make report`). Hướng dẫn đọc báo cáo: docs/huong-dan-bien-tap.md.")
message("report_has_errors", "{count} lỗi: hãy sửa các lỗi trên (xem `make check`) rồi lập lại báo cáo.")
message("report_written", "Đã ghi báo cáo vào {path}")
message("report_expiry_title", "1. Chứng nhận đã hết hoặc sắp hết hiệu lực (trong {days} ngày)")
message("report_expiry_none", "Không có chứng nhận nào đã hết hoặc sắp hết hiệu lực.")
message("report_state_expired", "đã hết hiệu lực {days} ngày")
message("report_state_expired_interval", "đã hết hiệu lực ít nhất {days} ngày")
message("report_state_unknown", "có thể đã hết hiệu lực (chậm nhất còn {days} ngày)")
message("report_state_expiring", "còn {days} ngày")
message("report_state_expiring_interval", "còn từ {earliest} đến {latest} ngày")
message("report_count_possible", "{certain} (+{possible} có thể)")
message("report_col_product", "Sản phẩm")
message("report_col_region", "Địa bàn")
message("report_col_stars", "Sao")
message("report_col_decision", "Quyết định")
message("report_col_expiry", "Hết hiệu lực")
message("report_col_state", "Tình trạng")
message("report_col_missing", "Còn thiếu")
message("report_col_products", "Số sản phẩm")
message("report_col_valid", "Còn hiệu lực")
message("report_col_not_valid", "Hết hoặc có thể hết hiệu lực")
message("report_col_new_products", "Mới chứng nhận năm {year}")
message("report_col_upgraded_3_to_4", "Nâng từ 3 lên 4 sao năm {year}")
message("report_col_target", "Mục tiêu")
message("report_col_year", "Năm")
message("report_col_value", "Chỉ tiêu")
message("report_col_recorded", "Theo danh mục")
message("report_col_source", "Nguồn")
message("report_missing_title", "2. Hồ sơ còn thiếu thông tin chính")
message("report_missing_none", "Mọi sản phẩm đều đủ thông tin chính.")
message("report_missing_producer", "chưa có chủ thể")
message("report_missing_name_en", "chưa có tên tiếng Anh")
message("report_missing_photo", "chưa có ảnh")
message("report_missing_verified", "đối chiếu nguồn lần cuối ngày {date}")
message("report_missing_number", "chưa có số quyết định")
message("report_missing_signed", "chỉ biết ngày ký trong khoảng {span}")
message("report_district_title", "3. Sản phẩm theo địa bàn")
message("report_region_until", "(đến {date})")
message("report_total", "Toàn tỉnh")
message("report_district_note_stars", "Số sao theo lần công nhận gần nhất.")
message("report_district_note_possible",
        "\"+N có thể\": các chứng nhận chỉ biết ngày ký trong một khoảng thời gian vắt qua năm đó.")
message("report_district_note_targets",
        "Nguồn không giao chỉ tiêu cho từng địa bàn, nên bảng này không có cột chỉ tiêu; chỉ tiêu chung của"
        " tỉnh ở mục 4.")
message("report_targets_title", "4. So với mục tiêu của tỉnh")
message("report_targets_none",
        "Chưa khai báo mục tiêu: thêm `OCOP_TARGETS` vào pelicanconf.py (xem hướng dẫn biên tập).")
message("report_not_measured", "không tính được từ danh mục")
message("report_targets_note",
        "Chỉ tiêu là chỉ tiêu chung của toàn tỉnh, như nguồn ghi. Cột \"Theo danh mục\" chỉ đếm các sản phẩm"
        " đã được ghi vào danh mục này, nên có thể thấp hơn thực tế khi còn sản phẩm chưa được nhập.")
