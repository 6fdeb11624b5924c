"""News articles and pages: their metadata and the links they contain."""

from .catalogue import message

message("broken_link", "liên kết tới `{target}` không dẫn tới tệp nào; hãy kiểm tra đường dẫn")
message("link_outside_project",
        "liên kết `{{{link}}}` tới `{target}` trỏ ra ngoài thư mục của trang; chỉ được liên kết tới tệp của trang")
message("link_outside_content",
        "liên kết `{{{link}}}` chép tệp vào trang nên chỉ được trỏ tới tệp trong thư mục {folder}/;"
        " `{target}` nằm ngoài thư mục đó")
message("news_metadata", "`{field}`: {detail}")
