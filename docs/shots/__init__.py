"""The parts of docs/screenshots.py: the demo copy, the browser, the pages per module."""
