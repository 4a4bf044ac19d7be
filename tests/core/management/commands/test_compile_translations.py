"""The catalogues are compiled without GNU gettext, the shared one and each module's own, and
only those changed since their last compiling."""

import os
from io import StringIO

import polib
from django.core.management import call_command


def write_catalogue(path, msgid: str, msgstr: str) -> None:
    path.parent.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalogue.save(str(path))


def compile_now() -> str:
    out = StringIO()
    call_command("compile_translations", stdout=out)
    return out.getvalue().strip()


def test_the_shared_and_the_modules_catalogues_are_compiled_once_each(tmp_path, settings):
    shared = tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    module = tmp_path / "signals" / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    write_catalogue(shared, "Signal", "Signaal")
    write_catalogue(module, "Signal", "Signalement")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.BASE_DIR = tmp_path

    assert compile_now() == "2 translation catalogue(s) compiled."
    compiled = polib.mofile(str(module.with_suffix(".mo")))
    assert [(entry.msgid, entry.msgstr) for entry in compiled] == [("Signal", "Signalement")]
    assert polib.mofile(str(shared.with_suffix(".mo")))[0].msgstr == "Signaal"

    assert compile_now() == "0 translation catalogue(s) compiled."
    later = shared.with_suffix(".mo").stat().st_mtime + 10
    os.utime(shared, (later, later))
    assert compile_now() == "1 translation catalogue(s) compiled."
