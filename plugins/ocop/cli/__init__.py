"""The commands (`python -m ocop …`): build, serve, check, report, new records, translations."""
