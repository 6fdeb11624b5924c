"""Content and pages: Pelican content objects, the generator, lists, structured data, exports."""
