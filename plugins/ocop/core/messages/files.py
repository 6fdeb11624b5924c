"""Files and folders: names, the expected layout, symbolic links."""

from .catalogue import message

message("bad_folder_name", "tên thư mục `{name}` không phải mã hợp lệ; hãy đổi tên thành `{suggestion}`")
message("bad_file_name", "tên tệp `{name}` không phải mã hợp lệ; hãy đổi tên thành `{suggestion}.yaml`")
message("duplicate_id", "`{name}` trùng mã `{value}` với {other}")
message("missing_record_file", "thư mục sản phẩm thiếu tệp {expected}")
message("unexpected_file", "tệp `{name}` không được dùng; hồ sơ sản phẩm phải có tên {expected}")
message("unknown_folder", "thư mục `{name}` không phải loại hồ sơ đã biết ({known})")
message("missing_province", "thiếu tệp thông tin tỉnh {expected}")
message("unsafe_path", "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu; không được dùng")
message("unsafe_content_path",
        "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục của trang; nó có thể đăng tệp ở nơi khác lên trang,"
        " nên không được phép")
message("unsafe_theme_path",
        "`{name}` là liên kết tượng trưng trỏ ra ngoài thư mục giao diện (theme); nó có thể đăng tệp ở nơi khác"
        " lên trang, nên không được phép")
