"""Housekeeping warnings (`make check`, builds): nothing is wrong, but something needs doing."""

from .catalogue import message

message("warn_expiring",
        "chứng nhận {stars} sao (quyết định `{decision}`) hết hiệu lực ngày {expiry}, chỉ còn {days} ngày;"
        " hãy nhắc chủ thể chuẩn bị hồ sơ đánh giá lại")
message("warn_expiring_interval",
        "chứng nhận {stars} sao (quyết định `{decision}`) hết hiệu lực trong khoảng {start} đến {end}"
        " (chưa biết ngày ký chính xác), có thể sắp hoặc đã hết; hãy tìm ngày ký và nhắc chủ thể đánh giá lại")
message("warn_no_photo",
        "sản phẩm chưa có ảnh: hãy chép ảnh thật của sản phẩm (tệp .jpg, .png hoặc .webp) vào thư mục"
        " `{folder}` và khai báo ở `photos:` kèm mô tả `alt`")
message("build_no_photo_summary", "sản phẩm chưa có ảnh: {count} (`make check` liệt kê từng sản phẩm)")
message("warn_no_name_en", "chưa có tên tiếng Anh: thêm dòng `name_en: ...` để người mua nước ngoài đọc được")
message("warn_no_sources", "hồ sơ chưa ghi nguồn: thêm `sources:` với mã tài liệu trong products/_sources/")
message("warn_not_verified", "chưa ghi ngày đối chiếu với nguồn: thêm dòng `last_verified: NĂM-THÁNG-NGÀY`")
message("warn_stale",
        "hồ sơ được đối chiếu với nguồn lần cuối ngày {date}, đã {days} ngày; hãy kiểm tra lại rồi cập nhật"
        " `last_verified`")
message("warn_news_empty", "bài tin chưa có nội dung: hãy viết nội dung dưới các dòng tiêu đề (sau một dòng trống)")
message("check_warnings", "; {count} cảnh báo.")
