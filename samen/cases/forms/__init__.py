"""Validation of what people type on the case pages; forms never save."""
