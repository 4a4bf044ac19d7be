"""How values that must not, or need not, stand in the audit trail are written there."""

import hashlib

REDACTED = "[redacted]"


def redact(value: str) -> str:
    """Replace a sensitive value entirely; the trail says that it changed, never what to."""
    return REDACTED


def fingerprint(value: str) -> str:
    """Summarise a large value (a boundary) by its length and a short hash."""
    if value in ("", "None"):
        return value
    digest = hashlib.sha256(value.encode()).hexdigest()[:12]
    return f"sha256:{digest} ({len(value)} chars)"
