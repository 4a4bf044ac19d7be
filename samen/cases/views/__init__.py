"""The case consultation's pages, one module per sub-area: access, validate, act, respond."""
