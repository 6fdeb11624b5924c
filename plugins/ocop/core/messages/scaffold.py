"""`make new-product`, `make new-producer`, `make new-news`: questions, comments and next steps."""

from .catalogue import message

message("sc_created", "Đã tạo {path}")
message("sc_next_title", "Việc cần làm tiếp:")
message("sc_exists", "đã có {what} ở {path}; không ghi đè. Hãy sửa tệp đó, hoặc chọn mã khác bằng SLUG=... (--slug)")
message("sc_kind_news", "bài tin")
message("sc_slug_taken", "bài tin {path} đã dùng Slug `{slug}`; hãy chọn Slug khác bằng SLUG=... (--slug)")
message("sc_no_slug", "`{field}` không tạo được mã (cần có chữ hoặc số); hãy đặt mã bằng SLUG=... (--slug)")
message("sc_no_name", "chưa có tên: không tạo hồ sơ nào.")
message("sc_no_title", "chưa có tiêu đề: không tạo bài tin nào.")
message("sc_required_answer", "Câu này bắt buộc, hãy nhập câu trả lời.")
message("sc_many_choices", "({count} lựa chọn; gõ mã, hoặc một phần tên để tìm)")
message("sc_several_matches", "có nhiều lựa chọn khớp: {matches}; hãy gõ rõ hơn")
message("sc_until", " (đến {date})")
message("sc_slug_is", "Mã (tên thư mục, tệp): {slug}")
message("sc_intro_product",
        "Tạo hồ sơ sản phẩm OCOP mới. Chỉ nhập thông tin có trong nguồn; câu nào chưa biết thì bỏ trống"
        " (nhấn Enter) để điền sau. Ctrl+C để dừng.")
message("sc_intro_producer",
        "Tạo hồ sơ chủ thể mới (hợp tác xã, doanh nghiệp, hộ kinh doanh…). Chỉ nhập thông tin có trong"
        " nguồn; bỏ trống câu chưa biết. Ctrl+C để dừng.")
message("sc_intro_news", "Tạo bài tin mới. Bỏ trống câu chưa biết. Ctrl+C để dừng.")
message("sc_p_name", "Tên sản phẩm (như quyết định hoặc báo cáo ghi)")
message("sc_p_producer_name", "Tên chủ thể (như nguồn ghi)")
message("sc_p_name_en", "Tên tiếng Anh (nếu có)")
message("sc_q_region", "Địa bàn: chọn một mã dưới đây (tệp trong products/_regions/).")
message("sc_p_region", "Địa bàn")
message("sc_p_commune", "Xã, phường, thị trấn (như nguồn ghi, nếu có)")
message("sc_q_producer",
        "Chủ thể sản xuất: chọn một mã dưới đây; bỏ trống nếu nguồn không nêu. Chủ thể chưa có thì tạo trước"
        " bằng `make new-producer`.")
message("sc_p_producer", "Chủ thể")
message("sc_q_decision", "Quyết định công nhận: chọn một mã dưới đây (tệp trong products/_decisions/).")
message("sc_p_decision", "Quyết định")
message("sc_p_stars", "Số sao ({allowed})")
message("sc_q_group", "Nhóm sản phẩm theo bộ tiêu chí của quyết định:")
message("sc_p_group", "Nhóm")
message("sc_q_legal_form", "Loại hình:")
message("sc_p_legal_form", "Loại hình")
message("sc_q_sources",
        "Nguồn chứng minh các thông tin trên: chọn mã trong products/_sources/, mỗi lần một mã; bỏ trống để"
        " kết thúc.")
message("sc_p_source", "Nguồn")
message("sc_p_verified", "Ngày đối chiếu với nguồn (NĂM-THÁNG-NGÀY)")
message("sc_p_title", "Tiêu đề")
message("sc_p_date", "Ngày đăng (NĂM-THÁNG-NGÀY)")
message("sc_p_news_products", "Mã các sản phẩm được nhắc tới, cách nhau bằng dấu phẩy")
message("sc_p_news_producers", "Mã các chủ thể được nhắc tới, cách nhau bằng dấu phẩy")
message("sc_p_news_sources", "Mã các nguồn, cách nhau bằng dấu phẩy")
message("sc_p_summary", "Tóm tắt một câu")
message("sc_source_id", "mã nguồn trong products/_sources/")
message("sc_region_id", "mã địa bàn trong products/_regions/")
message("sc_producer_id", "mã chủ thể trong products/_producers/")
message("sc_placeholder_decision", "mã quyết định trong products/_decisions/")
message("sc_placeholder_stars", "3, 4 hoặc 5")
message("sc_placeholder_group", "nhóm sản phẩm, ví dụ thuc_pham")
message("sc_yaml_intro", "# Dòng bắt đầu bằng # là ghi chú. Khi nguồn ghi rõ thông tin, bỏ dấu # đầu dòng và điền vào.")
message("sc_yaml_guide", "# Hướng dẫn: docs/huong-dan-bien-tap.md. Kiểm tra bằng lệnh: make check")
message("sc_c_required", "bắt buộc")
message("sc_c_name_en", "tên tiếng Anh")
message("sc_c_alt_names", "cách viết khác trong nguồn, mỗi cách kèm nguồn")
message("sc_c_region", "mã trong products/_regions/")
message("sc_c_commune", "xã, phường, thị trấn như nguồn ghi")
message("sc_c_producer", "chỉ ghi khi nguồn nêu chủ thể")
message("sc_c_certificates", "mỗi lần công nhận một mục; gia hạn thì thêm mục mới")
message("sc_c_certificates_required", "bắt buộc: mỗi lần công nhận một mục")
message("sc_c_score", "điểm trên 100, nếu nguồn ghi")
message("sc_c_expires", "chỉ khi khác ngày ký + 36 tháng")
message("sc_c_description", "giới thiệu (Markdown), theo nguồn")
message("sc_c_description_en", "giới thiệu bằng tiếng Anh")
message("sc_c_sources", "nguồn chứng minh thông tin trên")
message("sc_c_sources_required", "BẮT BUỘC: `make check` báo lỗi đến khi có nguồn")
message("sc_c_verified", "ngày đối chiếu với nguồn")
message("sc_c_verified_required", "BẮT BUỘC: ngày đối chiếu với nguồn")
message("sc_c_photos", "ảnh thật, cùng thư mục với hồ sơ; ảnh đầu là ảnh đại diện")
message("sc_c_photos_in", "ảnh thật, trong thư mục {folder}")
message("sc_placeholder_alt", "mô tả ảnh bằng tiếng Việt, bắt buộc")
message("sc_placeholder_credit", "người chụp hoặc đơn vị giữ bản quyền")
message("sc_c_address", "địa chỉ công khai như nguồn ghi")
message("sc_c_website", "trang web chính thức")
message("sc_c_contacts", "chỉ liên hệ công khai do nguồn công bố, mỗi mục kèm nguồn")
message("sc_news_body",
        "Viết nội dung tin ở đây, bằng Markdown, rồi xoá khối ghi chú này.\n"
        "Chỉ viết điều nguồn nêu; trích nguồn ở dòng Sources phía trên.\n"
        "Cách liên kết tới trang sản phẩm: xem docs/huong-dan-bien-tap.md, mục \"Viết tin\".")
message("sc_next_open", "Mở {path} và đọc lại các thông tin đã điền.")
message("sc_next_required", "Điền các trường bắt buộc còn thiếu: {fields} (bỏ dấu # đầu dòng).")
message("sc_next_sources",
        "Ghi nguồn ở `sources:` (bắt buộc): mã một tệp trong products/_sources/ (tạo tệp mới nếu tài liệu"
        " chưa có), rồi `last_verified:` là ngày bạn đối chiếu. Đến lúc đó `make check` vẫn báo lỗi thiếu"
        " `sources` — đó là đúng.")
message("sc_next_verified", "`last_verified` ghi {date}, ngày bạn đối chiếu với nguồn; sửa nếu không đúng.")
message("sc_next_optional_product",
        "Khi nguồn có: điền `name_en`, `commune`, `description`, `description_en`, điểm (`score`)…"
        " Thông tin không có nguồn thì để nguyên dòng ghi chú.")
message("sc_next_optional_producer",
        "Khi nguồn có: điền `name_en`, `commune`, `address`, `website`, `contacts` (chỉ liên hệ công khai),"
        " `description`. Thông tin không có nguồn thì để nguyên dòng ghi chú.")
message("sc_next_photos",
        "Ảnh: chép ảnh thật của sản phẩm (do chủ thể chụp hoặc cho phép dùng, không dùng ảnh mạng) vào"
        " thư mục {folder}/ và khai báo ở `photos:` kèm mô tả `alt` bằng tiếng Việt; xem yêu cầu về ảnh"
        " trong hướng dẫn.")
message("sc_next_news_body", "Viết nội dung tin thay cho khối ghi chú <!-- ... -->.")
message("sc_next_news_summary", "Thêm dòng `Summary: ...` (một câu tóm tắt) dưới dòng Sources, nếu muốn.")
message("sc_next_news_date", "`Date` ghi {date}; sửa thành ngày đăng tin nếu khác.")
message("sc_next_check", "Chạy `make check`: phải không còn lỗi (cảnh báo thì nên xử lý khi có thể).")
message("sc_next_serve", "Xem trước: `make serve`, rồi mở {url}")
message("sc_next_commit", "Gửi lên: tạo nhánh mới, commit {path} và mở pull request (xem hướng dẫn).")
