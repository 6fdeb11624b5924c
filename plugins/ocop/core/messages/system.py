"""System errors while building (core/system_errors.py): which file or folder, what happened, what to do."""

from .catalogue import message

message("os_no_space",
        "hết chỗ trống trên ổ đĩa khi ghi `{path}` ({reason}): hãy giải phóng dung lượng (xoá tệp không cần, "
        "hoặc `make clean` để xoá bộ nhớ đệm) rồi dựng lại")
message("os_permission",
        "không có quyền ghi `{path}` ({reason}): hãy cho người dựng trang quyền ghi vào thư mục đó, "
        "hoặc dựng vào thư mục khác với `-o`")
message("os_read_only",
        "`{path}` nằm trên ổ chỉ đọc ({reason}): hãy gắn lại ổ ở chế độ ghi được, hoặc dựng vào thư mục khác với `-o`")
message("os_busy",
        "`{path}` đang được dùng ({reason}): hãy đóng chương trình đang dùng nó rồi dựng lại")
message("os_name_too_long",
        "đường dẫn quá dài: `{path}` ({reason}): hãy đặt tên tệp hoặc thư mục ngắn hơn, "
        "hoặc dựng vào thư mục có đường dẫn ngắn hơn")
message("os_too_many_files",
        "quá nhiều tệp đang mở khi ghi `{path}` ({reason}): hãy nâng giới hạn (`ulimit -n 4096`) rồi dựng lại")
message("os_io",
        "ổ đĩa không đọc hoặc ghi được `{path}` ({reason}): ổ đĩa hay ổ mạng có thể đang hỏng; "
        "hãy kiểm tra rồi dựng lại")
message("os_not_a_folder",
        "`{path}` là một tệp, ở chỗ cần một thư mục ({reason}): hãy đổi tên hoặc xoá tệp đó, "
        "hoặc dựng vào thư mục khác với `-o`")
message("os_other", "lỗi hệ thống ở `{path}` ({reason}): hãy sửa nguyên nhân rồi dựng lại")
