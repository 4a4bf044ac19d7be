"""Where the policy module keeps its files: outside the web root, in a folder per kind of
record, under a random name with only a known extension; their SHA-256 read in chunks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from samen.policy.files import policy_files, sha256_of, stored_name
from samen.policy.models import Evaluation, Strategy

pytestmark = pytest.mark.django_db


def test_files_are_kept_outside_the_web_root_under_a_random_name(world):
    strategy = world.strategy
    upload = ContentFile(b"%PDF-1.7 synthetic", name="../../Actieplan geheim.PDF")
    strategy.document.save(upload.name, upload, save=True)
    stored = Path(strategy.document.path)
    root = Path(settings.SAMEN_POLICY_MEDIA_ROOT).resolve()
    assert stored.is_file() and root in stored.parents
    assert "geheim" not in stored.name and stored.suffix == ".pdf"
    assert stored.parent.name == "strategy"
    for served in (settings.STATIC_ROOT, getattr(settings, "MEDIA_ROOT", "")):
        if served:
            assert Path(served).resolve() not in stored.parents
    with pytest.raises(NotImplementedError):
        strategy.document.url  # noqa: B018 - no address: only a view hands a file out


def test_stored_names_keep_only_known_extensions():
    strategy = Strategy()
    assert stored_name(strategy, "plan.odt").endswith(".odt")
    assert "." not in stored_name(strategy, "plan.exe").split("/")[1]
    assert stored_name(strategy, "a.pdf") != stored_name(strategy, "a.pdf")


def test_the_default_folder_is_in_the_data_folder_not_the_static_files():
    from samen import settings as product

    assert Path(product.SAMEN_POLICY_MEDIA_ROOT) == Path(product.DATA_DIR) / "policy-files"
    assert policy_files.location == str(Path(settings.SAMEN_POLICY_MEDIA_ROOT).resolve())


def test_sha256_of_reads_the_whole_file():
    digest = sha256_of(ContentFile(b"abc"))
    assert digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_a_stored_name_has_a_folder_per_record_and_a_lower_case_extension():
    folder, name = stored_name(Evaluation(), "Rapport.ODT").split("/")
    assert folder == "evaluation" and name.endswith(".odt")
    assert len(name.removesuffix(".odt")) == 32  # a random hex name, nothing of the original


def test_the_hash_covers_more_than_one_chunk_and_leaves_the_file_at_its_start():
    content = b"0123456789" * 20_000  # past the 64 KiB chunk
    file = ContentFile(content)
    file.read(10)
    assert sha256_of(file) == hashlib.sha256(content).hexdigest()
    assert file.tell() == 0


def test_the_folder_follows_the_setting_and_files_have_no_address(settings, tmp_path):
    settings.SAMEN_POLICY_MEDIA_ROOT = tmp_path / "elders"
    assert policy_files.location == str((tmp_path / "elders").resolve())
    assert policy_files.base_url is None
    with pytest.raises(NotImplementedError):
        policy_files.url("strategy/abc.pdf")
