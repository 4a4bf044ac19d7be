"""How values are written in the trail (samen/audit/redaction.py)."""

from samen.audit.redaction import REDACTED, fingerprint, redact


def test_a_sensitive_value_is_replaced_entirely():
    assert redact("s3cret") == REDACTED
    assert redact("") == REDACTED


def test_a_large_value_is_summarised_by_hash_and_length():
    summary = fingerprint('{"type": "Polygon"}')
    assert summary.startswith("sha256:")
    assert summary.endswith("(19 chars)")
    assert fingerprint('{"type": "Polygon"}') == summary
    assert fingerprint('{"type": "Point"}') != summary


def test_empty_values_stay_as_they_are():
    assert fingerprint("") == ""
    assert fingerprint("None") == "None"
