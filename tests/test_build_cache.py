"""The caches kept between builds: what they keep, and that a damaged or outdated one only costs time."""

import pytest
from ocop.core.fingerprints import digest, stable_repr
from ocop.output.build_cache import Store


def test_a_store_keeps_what_a_build_used_and_nothing_else(tmp_path):
    path = str(tmp_path / "cache.pickle")
    first = Store(path)
    first.put("a", 1)
    first.put("b", 2)
    first.save()
    second = Store(path)
    assert second.get("a") == 1 and second.hits == 1
    second.save()  # "b" was not used: dropped
    assert Store(path).get("b") is None


def test_what_a_build_put_in_a_store_it_can_get_back(tmp_path):
    """Texts rendered by workers before the content objects are made are put, then got, in one build."""
    store = Store(str(tmp_path / "cache.pickle"))
    store.put("a", "<p>A</p>")
    assert store.get("a") == "<p>A</p>" and store.hits == 0


def test_a_store_that_keeps_unused_entries_adds_to_them(tmp_path):
    path = str(tmp_path / "fragments.pickle")
    first = Store(path, keep_unused=True)
    first.put("a", "<li>A</li>")
    first.save()
    second = Store(path, keep_unused=True)
    second.put("b", "<li>B</li>")
    second.save()
    third = Store(path, keep_unused=True)
    assert (third.get("a"), third.get("b")) == ("<li>A</li>", "<li>B</li>")


def test_another_tag_starts_from_nothing(tmp_path):
    path = str(tmp_path / "cache.pickle")
    store = Store(path, tag="2026-11-29")
    store.put("a", 1)
    store.save()
    assert Store(path, tag="2026-11-30").get("a") is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x04K\x01.", b"\x80\x04\x95"])
def test_a_damaged_cache_is_ignored(tmp_path, content):
    path = tmp_path / "cache.pickle"
    path.write_bytes(content)
    store = Store(str(path))
    assert store.get("a") is None
    store.put("a", 1)
    store.save()
    assert Store(str(path)).get("a") == 1


@pytest.mark.parametrize(("left", "right"), [
    (("ab", "c"), ("a", "bc")),
    (("a",), ("a", "")),
    ((b"x",), ("y",)),
])
def test_digests_of_different_parts_differ(left, right):
    assert digest(*left) != digest(*right)


def test_stable_repr_has_no_memory_addresses_and_sorts_mappings():
    def function():
        pass

    assert stable_repr({"b": [function], "a": {2, 1}}) == stable_repr({"a": {1, 2}, "b": [function]})
    assert "0x" not in stable_repr({"f": function, "o": object()})


def test_a_cold_build_renders_each_markdown_text_once(tiny_site, monkeypatch):
    from conftest import build
    from ocop.site import sanitise

    rendered = []
    real = sanitise.MarkdownRenderer.render
    monkeypatch.setattr(sanitise.MarkdownRenderer, "render",
                        lambda self, text: rendered.append(text) or real(self, text))
    build(tiny_site, OCOP_SEARCH_INDEX=False, OCOP_RENDER_WORKERS=1)
    assert rendered and len(rendered) == len(set(rendered))
    rendered.clear()
    build(tiny_site, OCOP_SEARCH_INDEX=False, OCOP_RENDER_WORKERS=1)
    assert rendered == [], "the next build takes every text from the cache"
