"""The JSON API at /api/: tokens, signals and categories (see docs/api.md)."""
