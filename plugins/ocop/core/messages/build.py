"""Building and checking the site: the summary lines, settings, writing output/."""

from .catalogue import message

message("error", "lỗi")
message("warning", "cảnh báo")
message("error_count", "{count} lỗi: chưa dựng trang, thư mục output/ giữ nguyên.")
message("update_interrupted",
        "không chép xong trang mới vào output/ (mỗi tệp trong đó đều trọn vẹn, có tệp cũ có tệp mới): {cause}")
message("did_you_mean", " (có phải `{suggestion}`?)")
message("settings_missing", "không có tệp cấu hình {path}")
message("settings_error", "tệp cấu hình có lỗi: {detail}")
message("search_kept", "xem trước: chỉ mục tìm kiếm giữ như lần dựng trước (`make html` dựng lại chỉ mục)")
message("bad_epoch", "`SOURCE_DATE_EPOCH`: `{value}` không phải số giây tính từ 1970-01-01 (dấu thời gian Unix)")
message("cms_missing",
        "chưa có biểu mẫu /admin/: chưa cài Decap CMS; chạy `npm ci` rồi dựng lại "
        "(phần còn lại của trang vẫn được dựng)")
