"""Pagefind through its Python API, for comparison with today's HTML indexing (ocop.output.search_index).

    python bench/pagefind_api.py extract SITE RECORDS.jsonl   # once, not timed as indexing
    python bench/pagefind_api.py index RECORDS.jsonl BUNDLE    # what the benchmark times

`extract` reads the pages of a built site that carry `data-pagefind-body` and
keeps what Pagefind would index of each: its URL, language, searchable text
(the body's text without `data-pagefind-ignore`, script, style, svg, form,
noscript and template elements), meta, filters and sort keys. A real build
would have this at hand from the records; here it is taken from the HTML so
both ways index the same pages.

`index` feeds those records to Pagefind with `PagefindIndex.add_custom_record`
(the `pagefind` package starts the `pagefind_bin` binary as a service and waits
for it, so its memory counts in this process's peak RSS), one index per
language as today's way does, written into one bundle folder whose
`pagefind-entry.json` files are merged the same way, and Pagefind's ready-made
UI files are removed as today. What custom records cannot carry:
`data-pagefind-weight` (the product name's weight 10 on h1) and the anchors
(sub-results) Pagefind takes from headings with an id.

The `pagefind` package (1.5.2) as shipped reads one response from the service
every 0.1 s (`PagefindService._wait_for_responses` sleeps before each read),
so a record costs 0.1 s however quickly the binary answers: 20,000 records
would take over half an hour. By default the service is used with that sleep
removed (`_Prompt`, the same loop reading as soon as a response arrives);
`index --as-shipped` uses the package unchanged.
"""

from __future__ import annotations

import asyncio
import base64
import glob
import html.parser
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins"))

from ocop.output.search_index import _UNUSED, ENTRY, indexed_pages, merge_entries  # noqa: E402

SKIPPED = {"script", "style", "svg", "form", "noscript", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _pairs(spec: str, attrs: dict) -> list[tuple[str, str]]:
    """`title[data-title], kind:Sản phẩm` -> [(title, value of data-title), (kind, "Sản phẩm")]."""
    found = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if "[" in part and part.endswith("]"):
            key, attr = part[:-1].split("[", 1)
            if attrs.get(attr) is not None:
                found.append((key.strip(), attrs[attr]))
        elif ":" in part:
            key, value = part.split(":", 1)
            found.append((key.strip(), value.strip()))
    return found


class _Searchable(html.parser.HTMLParser):
    """The text, meta, filters and sort keys Pagefind takes from one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside the body, ignored)
        self.text: list[str] = []
        self.meta: dict[str, str] = {}
        self.filters: dict[str, list[str]] = {}
        self.sort: dict[str, str] = {}
        self.language = "unknown"

    def handle_starttag(self, tag, attrs):
        """Track the body and the ignored subtrees; collect meta, filters and sort keys."""
        attrs = dict(attrs)
        inside, ignored = self.stack[-1][1:] if self.stack else (False, False)
        if tag == "html" and attrs.get("lang"):
            self.language = attrs["lang"].lower()
        inside = inside or "data-pagefind-body" in attrs
        ignored = ignored or "data-pagefind-ignore" in attrs or tag in SKIPPED
        if inside:
            for key, value in _pairs(attrs.get("data-pagefind-meta") or "", attrs):
                self.meta[key] = value
            for key, value in _pairs(attrs.get("data-pagefind-filter") or "", attrs):
                self.filters.setdefault(key, []).append(value)
            for key, value in _pairs(attrs.get("data-pagefind-sort") or "", attrs):
                self.sort[key] = value
        if tag not in VOID:
            self.stack.append((tag, inside, ignored))

    def handle_endtag(self, tag):
        """Close the innermost open element of that name."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        """Keep the body's text outside ignored elements."""
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.text.append(data)


def page_url(path: str) -> str:
    """`san-pham/x/index.html` -> `/san-pham/x/`, as Pagefind names a page."""
    return "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)


def extract(site: str, records: str) -> int:
    """Write one JSON line per indexed page of `site`; returns how many."""
    count = 0
    with open(records, "w", encoding="utf-8") as out:
        for _language, paths in sorted(indexed_pages(site).items()):
            for path in paths:
                parser = _Searchable()
                with open(os.path.join(site, path), encoding="utf-8") as handle:
                    parser.feed(handle.read())
                parser.close()
                content = " ".join(" ".join(parser.text).split())
                out.write(json.dumps({"url": page_url(path), "language": parser.language, "content": content,
                                      "meta": parser.meta, "filters": parser.filters, "sort": parser.sort},
                                     ensure_ascii=False) + "\n")
                count += 1
    return count


def _service_class(as_shipped: bool):
    """The package's PagefindService, or the same with responses read as soon as they arrive."""
    from pagefind.service import PagefindService

    if as_shipped:
        return PagefindService

    class _Prompt(PagefindService):
        async def _wait_for_responses(self) -> None:
            while True:  # as the package's loop, without `await asyncio.sleep(0.1)` before each read
                output = await self._backend.stdout.readuntil(b",")
                response = json.loads(base64.b64decode(output[:-1]))
                future = self._responses.get(response.get("message_id")) if response else None
                if future is None or future.done():
                    continue
                payload = response["payload"]
                if payload["type"] == "Error":
                    future.set_exception(Exception(payload["message"], payload.get("original_message")))
                else:
                    future.set_result(payload)

    return _Prompt


async def _index_language(records: list[dict], bundle: str, as_shipped: bool, batch: int = 200) -> tuple[dict, int]:
    """One language's records into `bundle`, `batch` requests in flight; (its entry file, words indexed)."""
    service = await _service_class(as_shipped)().launch()
    try:
        index = await service.create_index({})
        words = 0
        for start in range(0, len(records), batch):
            results = await asyncio.gather(*(
                index.add_custom_record(url=r["url"], content=r["content"], language=r["language"],
                                        meta=r["meta"] or None, filters=r["filters"] or None, sort=r["sort"] or None)
                for r in records[start:start + batch]))
            words += sum(result.get("page_word_count", 0) for result in results)
        await index.write_files(output_path=bundle)
    finally:
        await service.close()
    with open(os.path.join(bundle, ENTRY), encoding="utf-8") as handle:
        return json.load(handle), words


def index(records: str, bundle: str, as_shipped: bool = False) -> dict[str, int]:
    """Index the records, one Pagefind index per language, into one bundle; pages per language."""
    by_language: dict[str, list[dict]] = {}
    with open(records, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            by_language.setdefault(record["language"], []).append(record)
    bundle = os.path.abspath(bundle)
    entries, words = [], 0
    for language in sorted(by_language):
        entry, count = asyncio.run(_index_language(by_language[language], bundle, as_shipped))
        entries.append(entry)
        words += count
    merged = merge_entries(entries)
    with open(os.path.join(bundle, ENTRY), "w", encoding="utf-8") as handle:
        json.dump(merged, handle, ensure_ascii=False, separators=(",", ":"))
    for pattern in _UNUSED:
        for name in glob.glob(os.path.join(bundle, pattern)):
            os.remove(name)
    print(f"{sum(len(r) for r in by_language.values())} records, {words} words", file=sys.stderr)
    return {language: data.get("page_count", 0) for language, data in merged["languages"].items()}


def main(argv: list[str]) -> int:
    """Command line: `extract SITE RECORDS` or `index RECORDS BUNDLE [--as-shipped]`."""
    as_shipped = "--as-shipped" in argv
    command, source, target = [a for a in argv if a != "--as-shipped"]
    if command == "extract":
        print(extract(source, target))
    elif command == "index":
        for language, count in index(source, target, as_shipped).items():
            print(f"{language}: {count} pages")
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
