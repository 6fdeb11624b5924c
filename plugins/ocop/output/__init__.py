"""Files out: the page cache, the output tree, photos, QR codes, the search index, headers."""
