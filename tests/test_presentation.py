"""Pure display helpers of issue #21: producers' names and order, print slugs, the build log's photo line."""

import logging
from types import SimpleNamespace

import pytest
from conftest import TODAY
from ocop.core.settings import DEFAULTS, print_slug
from ocop.records.housekeeping import log_warnings
from ocop.site.view import display_name, producer_order, producer_state


@pytest.mark.parametrize(("sourced", "shown"), [
    ("HTX nông nghiệp CCO", "Hợp tác xã Nông nghiệp CCO"),
    ("HTX Hồng Phước", "Hợp tác xã Hồng Phước"),
    ("htx  Na Sang", "Hợp tác xã Na Sang"),
    ("Hợp tác xã nuôi ong rừng Chà Nưa", "Hợp tác xã Nuôi ong rừng Chà Nưa"),
    ("Hợp tác xã Dệt thổ cẩm Pa Thơm", "Hợp tác xã Dệt thổ cẩm Pa Thơm"),
    ("HTX M’Then", "Hợp tác xã M’Then"),
    ("Công ty Cổ phần Đầu tư phát triển Mắc ca", "Công ty cổ phần Đầu tư phát triển Mắc ca"),
    ("Công ty cổ phần cà phê Hồng Kỳ Quốc Tế", "Công ty cổ phần Cà phê Hồng Kỳ Quốc Tế"),
    ("Cty CP Thảo dược", "Công ty cổ phần Thảo dược"),
    ("CTCP Chè Tủa Chùa", "Công ty cổ phần Chè Tủa Chùa"),
    ("Công ty trách nhiệm hữu hạn Hương Linh", "Công ty TNHH Hương Linh"),
    ("Công ty TNHH Hương Linh", "Công ty TNHH Hương Linh"),
    ("THT chè Shan", "Tổ hợp tác Chè Shan"),
    ("Hộ kinh doanh Lương Quý Tuấn", "Hộ kinh doanh Lương Quý Tuấn"),
    ("Cơ sở Lò Thị Duyên", "Cơ sở Lò Thị Duyên"),
    ("HTXDV Tổng hợp", "HTXDV Tổng hợp"),  # not the word HTX: left as it is
])
def test_display_name_spells_the_legal_form_one_way(sourced, shown):
    assert display_name(sourced) == shown
    assert display_name(shown) == shown  # idempotent


def producer(name, *certified):
    """A producer with products that are (True) or are not (False) valid today."""
    products = [SimpleNamespace(certified=c) for c in certified]
    item = SimpleNamespace(title=name, products=products, valid_count=sum(certified))
    item.state = producer_state(item)
    return item


def test_producers_with_valid_products_come_first():
    producers = [producer("An", False), producer("Bình"), producer("Cường", True, False), producer("Dũng", True, True),
                 producer("Em", False, False)]
    assert [p.state for p in producers] == ["lapsed", "none", "valid", "valid", "lapsed"]
    assert [p.title for p in sorted(producers, key=producer_order)] == ["Dũng", "Cường", "An", "Em", "Bình"]


def test_print_slugs_are_in_the_pages_language():
    settings = {"OCOP_PRINT_SLUGS": DEFAULTS["OCOP_PRINT_SLUGS"], "DEFAULT_LANG": "vi"}
    assert print_slug(settings, "vi", "group", "do-uong") == "nhom-do-uong"
    assert print_slug(settings, "en", "group", "do-uong") == "group-do-uong"
    assert print_slug(settings, "en", "region", "muong-ang") == "district-muong-ang"
    assert (print_slug(settings, "vi", "all"), print_slug(settings, "en", "all")) == ("tat-ca", "all")
    assert print_slug(settings, "fr", "region", "a") == "dia-ban-a"  # a language without its own: the default's


class Lines(logging.Handler):
    """The messages logged to it."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_a_build_logs_one_line_for_the_products_without_a_photo(tiny_site):
    from ocop.records.loader import load_catalogue

    catalogue = load_catalogue(str(tiny_site / "products"), TODAY)
    # A plain Logger, not one from getLogger: once Pelican is imported that gives a LimitLogger, whose
    # filter drops a message logged before anywhere in the process (by another test's build, say).
    logger, handler = logging.Logger("test-housekeeping"), Lines()
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        log_warnings(catalogue, {"PATH": str(tiny_site / "content"), "OCOP_MESSAGES_LANG": "en"}, logger)
    finally:
        logger.removeHandler(handler)
    lines = handler.lines
    assert "warning: products without a photo yet: 2 (`make check` lists each one)" in lines
    assert not any("has no photo" in line for line in lines)
