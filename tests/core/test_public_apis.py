"""Samen writes through Django's, psycopg's and auditlog's public APIs only."""

import re
from pathlib import Path

import samen

# Private cursors, compiler internals, and signals sent by hand to build records auditlog
# would write: each broke, or could break, at the next upgrade.
PRIVATE = re.compile(r"_prepare_cursor|InsertQuery|SQLInsertCompiler|get_compiler\(|pre_save\.send")


def test_no_module_reaches_into_private_database_apis():
    root = Path(samen.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PRIVATE.search(line)
    ]
    assert found == []
