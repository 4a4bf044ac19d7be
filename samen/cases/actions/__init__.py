"""Every write to the case consultation, one module per sub-area, each a named action."""
