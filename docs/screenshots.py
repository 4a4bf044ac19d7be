"""Regenerate the screenshots in docs/images/ from the demo city.

Run from the project root (any Python; the script moves itself into the project's .venv):

    python3 docs/screenshots.py            # demo seed 2026
    python3 docs/screenshots.py --seed 7   # if the demo was seeded with another seed

What it does:

1. If the demo database (data/samen.sqlite3) is missing, it prepares it with
   `samen demo --no-serve`.
2. It works on a temporary copy of that database (migrated to the current code), so the
   sign-ins, the reads and the password change written to the audit trail, the two-factor
   devices made for two demo accounts, the acknowledged confidentiality rules and the ended
   mediation duty never end up in your own demo.
3. It gives the demo data-protection officer (dpo@samen.test) and the demo prevention
   official (preventie@samen.test), who sits at the case consultation's table, an
   authenticator app with a secret only this script knows: both must use two-factor
   authentication. It picks the demo records to show: one of the demo frontline worker's
   mediations, a relationship in Borgerhout, a case with meetings, assessments and a support
   plan, and the meeting that discussed it.
4. It serves the copy with `samen runserver` on a free local port, drives Chromium
   (/usr/bin/chromium) through the pages in Dutch (nl-BE), saves PNGs in docs/images/ and
   stops the server. The demo district coordinator also coordinates mediation in Borgerhout,
   which shows them the parties of its mediations; for the last screenshot the script ends
   that duty in the copy, to show a mediation page as an ordinary district coordinator sees
   it: without the parties.

Needs Debian's chromium package and Playwright for Python in .venv
(`python3 dev.py test` installs it).

The parts live in docs/shots/: demo.py (the copy and the records shown), browser.py (the
server, Chromium and the Shooter), pages.py (the pages shown, one scene per module and
account). A new screenshot is a line in a scene of pages.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots.browser import HOST, IMAGES, free_port, start_server
from shots.demo import PROJECT_DIR, copy_database, demo_database, prepare_copy
from shots.pages import Demo, take_screenshots

VENV_DIR = PROJECT_DIR / ".venv"
VENV_PYTHON = VENV_DIR / "bin" / "python"


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV_DIR.resolve()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026, help="the demo's seed (2026)")
    args = parser.parse_args()
    if not in_venv():
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *sys.argv[1:]])  # noqa: S606

    source = demo_database()
    with tempfile.TemporaryDirectory(prefix="samen-screenshots-") as tmp:
        copy = Path(tmp) / "samen.sqlite3"
        copy_database(source, copy)
        os.environ.pop("DATABASE_URL", None)
        os.environ.update(
            SAMEN_DEBUG="1",
            SAMEN_SQLITE_PATH=str(copy),
            DJANGO_SETTINGS_MODULE="samen.settings",
        )
        sys.path.insert(0, str(PROJECT_DIR))
        password, secrets, paths = prepare_copy(args.seed)

        port = free_port()
        server = start_server(port, Path(tmp) / "server.log")
        try:
            print(f"Screenshots of http://{HOST}:{port}/ in {IMAGES.relative_to(PROJECT_DIR)}:")
            saved = take_screenshots(f"http://{HOST}:{port}", Demo(password, secrets, paths))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print(f"{len(saved)} screenshots written.")


if __name__ == "__main__":
    main()
