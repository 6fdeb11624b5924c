"""What a rendered page wrote: Pelican's writer's set of files, which also tells the files of the last page.

The pages are rendered by forked processes (workers.py); each reports the files
of each page it rendered, for the manifest of the incremental build (page_cache.py).
"""

from __future__ import annotations


class WrittenFiles(set):
    """Pelican's writer's set of written files, which also lists the files added since `since()` was called.

    The files of one page were found by copying the whole set before the page
    and subtracting it after: a copy of every file written so far, per page,
    which grew with the square of the catalogue (4 ms a page at 50,000 products).
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.recent: list[str] = []

    def add(self, name: str) -> None:
        """Add a file name and remember it as recent."""
        super().add(name)
        self.recent.append(name)

    def since(self) -> list[str]:
        """The files added since the last call, and start afresh."""
        recent, self.recent = self.recent, []
        return recent
