"""Checks across records: references to other records, decisions and their dates."""

from .catalogue import message

message("unknown_ref", "`{field}`: không có {kind} `{value}` (cần tệp {expected}){hint}")
message("kind_region", "địa bàn")
message("kind_producer", "chủ thể")
message("kind_decision", "quyết định")
message("kind_source", "nguồn")
message("kind_product", "sản phẩm")
message("group_not_in_regime",
        "`{field}`: nhóm `{value}` không thuộc bộ tiêu chí {regime} của quyết định `{decision}`;"
        " các nhóm hợp lệ: {allowed}")
message("stars_not_for_level",
        "`{field}`: quyết định `{decision}` ({level}, {regime}) không công nhận {value} sao;"
        " cấp này chỉ công nhận {allowed} sao")
message("signed_missing", "quyết định cần `signed` (ngày ký) hoặc `signed_between` (khoảng thời gian ký)")
message("signed_both", "chỉ ghi một trong hai trường `signed` hoặc `signed_between`")
message("interval_reversed", "`{field}`: ngày bắt đầu {start} sau ngày kết thúc {end}")
message("expires_before_signed", "`{field}`: ngày hết hiệu lực {value} trước ngày ký {signed}")
message("revoked_before_signed", "`{field}`: ngày thu hồi {value} trước ngày ký {signed}")
