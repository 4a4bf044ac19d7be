"""The signals module's pages, one file per sub-area: filing (the form), lists, triage (a
signal's page and what is done on it), exports and imports. The JSON API is in `api/`."""
