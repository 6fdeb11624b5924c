"""Photos listed under `photos:` and the files in a record's folder."""

from .catalogue import message

message("photo_backslash", "`{field}`: `{file}` dùng dấu `\\`; hãy dùng dấu `/` trong đường dẫn ảnh")
message("photo_absolute", "`{field}`: `{file}` là đường dẫn tuyệt đối; hãy ghi tên tệp ảnh nằm trong thư mục của hồ sơ")
message("photo_parent", "`{field}`: `{file}` trỏ ra ngoài thư mục của hồ sơ (`..`); hãy chép ảnh vào thư mục này")
message("photo_encoded", "`{field}`: `{file}` chứa mã `%`; hãy ghi đúng tên tệp như trong thư mục")
message("photo_outside",
        "`{field}`: `{file}` là liên kết trỏ ra ngoài thư mục của hồ sơ; hãy chép chính tệp ảnh vào đây")
message("photo_missing", "`{field}`: không có tệp ảnh `{file}` trong thư mục của hồ sơ")
message("photo_file_too_big", "`{field}`: tệp ảnh `{file}` nặng {size} MB, tối đa {limit} MB; hãy thu nhỏ ảnh")
message("photo_svg", "`{field}`: không nhận ảnh SVG `{file}` (có thể chứa mã chạy được); hãy xuất sang JPEG hoặc PNG")
message("photo_unsupported", "`{field}`: `{file}` là ảnh {format}, chưa dùng được; hãy chuyển sang JPEG, PNG hoặc WebP")
message("photo_not_image", "`{field}`: `{file}` không phải tệp ảnh, hoặc đã hỏng")
message("photo_truncated", "`{field}`: tệp ảnh `{file}` bị cắt cụt hoặc hỏng; hãy chép lại từ máy chụp")
message("photo_too_many_pixels",
        "`{field}`: ảnh `{file}` quá lớn (hơn {limit} triệu điểm ảnh); hãy thu nhỏ trước khi đưa lên")
message("photo_unlisted", "ảnh `{file}` có trong thư mục nhưng chưa được khai báo trong `photos`")
