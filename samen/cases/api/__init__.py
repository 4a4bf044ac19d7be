"""The case consultation's JSON API at /api/cases/ (two-factor tokens only)."""
