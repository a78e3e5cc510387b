"""The command line under hostile and unlucky input (issue 26): names that are not UTF-8 or too long,
a photo renamed during its edit, captions checked before any model loads, batches that go on."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from test_cli import _run

from p2p_studio.core.recipe import read_recipe

FAST = ("--steps", "2", "--inversion", "ddim", "--no-cache")


def _edit(capsys, tiny_dir: Path, photo: Path | str, out: Path, *extra: str) -> tuple[int, str, str]:
    return _run(capsys, "edit", str(photo), "--caption", "a cat", "--edit", "a dog", "--model", str(tiny_dir),
                *FAST, "--out", str(out), *extra)


def _early(args: list[str | bytes]) -> tuple[list[str], str]:
    """Run ``main(args)`` in a fresh interpreter; its exit code, whether torch was imported, stderr."""
    code = ("import sys, os; from p2p_studio.cli import main; "
            "rc = main(sys.argv[1:]); print(rc, 'torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=120)
    return done.stdout.decode().split(), done.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(("extra", "message"), [
    (["--edit", "   "], "the edited caption is empty"),
    (["--edit", "a (blue:1e30) circle"], "re-weighting factor 1e30 in '(blue:1e30)' is out of range"),
    (["--edit", "a (blue:nan) circle"], "cannot read the re-weighting"),
    (["--edit", "a blue circle", "--blend", "horse"], "blend word 'horse' is in neither caption"),
    (["--edit", "A red circle."], "p2p-studio: error: the edited caption is the same as the caption — change a word"),
    (["--edit", "a blue circle", "--edit", "a (red:1) circle"], "the edited caption is the same as the caption"),
    (["--edit", "a blue circle", "--subtract", "sky"], "subtract word 'sky' is in neither caption"),
    (["--edit", "a blue circle", "--cross-word", "red=0.2"], "cross-attention word 'red' is not in the edited"),
    (["--edit", "a blue circle", "--model", ""], "--model is empty"),
    (["--edit", "a blue circle", "--caption", "a \udce9 circle"], "contains a byte that is not UTF-8 text (0xe9"),
])
def test_captions_words_and_the_model_are_checked_before_torch_loads(tmp_path, extra, message) -> None:
    photo = tmp_path / "p.png"
    Image.new("RGB", (32, 32)).save(photo)
    args = ["edit", str(photo), "--caption", "a red circle", "--model", str(tmp_path / "never-read"), *extra]
    result, err = _early([os.fsencode(a) for a in args])  # a surrogate goes back to its raw byte
    assert result == ["2", "False"], err
    assert err.count("\n") == 1 and message in err, err


def test_a_caption_too_long_for_the_text_encoder_fails_before_the_unet_loads(tiny_dir, cat_file, capsys,
                                                                             monkeypatch) -> None:
    import p2p_studio.engine as engine

    def never(*_args, **_kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(engine, "load_choice", never)
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--edit", " ".join(["dog"] * 40),
                        "--model", str(tiny_dir))
    assert code == 2 and err.count("\n") == 1 and "the caption is too long" in err


def test_a_photo_renamed_or_replaced_during_its_edit_keeps_the_result_and_its_identity(
        tiny_dir, cat_file, tmp_path, capsys, monkeypatch) -> None:
    from p2p_studio.engine import Editor

    photo = tmp_path / "cat.jpg"
    shutil.copy(cat_file, photo)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    real_edit = Editor.edit

    def edit_then_rename(self, *args, **kwargs):
        run = real_edit(self, *args, **kwargs)
        photo.rename(tmp_path / "renamed.jpg")
        return run

    monkeypatch.setattr(Editor, "edit", edit_then_rename)
    code, out, err = _edit(capsys, tiny_dir, photo, tmp_path / "out", "--json")
    assert code == 0, err
    recipe = read_recipe(json.loads(out)["outputs"]["edits"][0]["image"])
    assert recipe.photo_sha256 == digest and recipe.photo_name == "cat.jpg"

    shutil.copy(cat_file, photo)

    def edit_then_replace(self, *args, **kwargs):
        run = real_edit(self, *args, **kwargs)
        Image.new("RGB", (64, 64), (0, 0, 255)).save(photo, format="JPEG")
        return run

    monkeypatch.setattr(Editor, "edit", edit_then_replace)
    code, out, err = _edit(capsys, tiny_dir, photo, tmp_path / "out", "--json")
    assert code == 0, err
    assert read_recipe(json.loads(out)["outputs"]["edits"][0]["image"]).photo_sha256 == digest


def test_names_that_are_not_utf8_are_written_and_reported_escaped(tiny_dir, cat_photo, tmp_path, capsys) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.png"
    cat_photo.crop((0, 0, 200, 160)).save(raw.decode("utf-8", "surrogateescape"), format="PNG")
    cat_photo.crop((10, 10, 210, 170)).save(folder / "z.png")
    out = tmp_path / "out"
    code, stdout, err = _edit(capsys, tiny_dir, folder, out, "--json")
    assert code == 0, err
    stdout.encode("utf-8")  # a surrogate here was the UnicodeEncodeError that lost the batch
    batch = json.loads(stdout)["batch"]
    assert [Path(r["photo"]).name for r in batch["results"]] == ["caf\\xe9.png", "z.png"]
    written = os.fsdecode(os.fsencode(out) + b"/caf\xe9-edit1.png")
    assert Path(written).is_file() and read_recipe(Path(written)).photo_name == "caf\\xe9.png"
    assert json.loads(Path(batch["summary_file"]).read_text())["edited"] == 2
    code, stdout, err = _edit(capsys, tiny_dir, raw.decode("utf-8", "surrogateescape"), out)
    assert code == 0, err
    assert "caf\\xe9-2-edit1.png" in stdout


def test_a_long_photo_name_still_gets_its_results(tiny_dir, cat_photo, tmp_path, capsys) -> None:
    """232 bytes of name (76 CJK characters): every output fits; 253 bytes: the photo's part of the
    names is shortened, the labels stay."""
    for stem in ("猫" * 76, "猫" * 83):
        photo = tmp_path / f"{stem}.png"
        cat_photo.crop((0, 0, 160, 120)).save(photo)
        assert len(os.fsencode(photo.name)) in (232, 253)
        code, stdout, err = _edit(capsys, tiny_dir, photo, tmp_path / "out", "--json", "--maps")
        assert code == 0, err
        outputs = json.loads(stdout)["outputs"]
        names = [Path(outputs["reconstruction"]).name, Path(outputs["edits"][0]["image"]).name,
                 Path(outputs["edits"][0]["mask"]).name] + [Path(m["image"]).name for m in outputs["edits"][0]["maps"]]
        assert all(len(os.fsencode(n)) <= 255 for n in names)
        assert names[1] == f"{stem}-edit1.png" if len(stem) == 76 else names[1].endswith("…-edit1.png")
        assert names[0].endswith("-reconstruction.png") and names[2].endswith("-edit1-mask.png")


def test_a_batch_goes_on_after_any_failure(tiny_dir, cat_photo, tmp_path, capsys, monkeypatch) -> None:
    from p2p_studio.engine import Editor

    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("a.png", "b.png", "c.png"):
        cat_photo.crop((0, 0, 160, 120)).save(folder / name)
    real_prepare = Editor.prepare
    calls = []

    def prepare(self, image):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a bug nobody foresaw")
        return real_prepare(self, image)

    monkeypatch.setattr(Editor, "prepare", prepare)
    code, stdout, _ = _edit(capsys, tiny_dir, folder, tmp_path / "out", "--json")
    assert code == 1
    batch = json.loads(stdout)["batch"]
    assert [Path(r["photo"]).name for r in batch["results"]] == ["a.png", "c.png"]
    assert batch["failed"] == [{"photo": str(folder / "b.png"),
                                "error": "unexpected error (RuntimeError: a bug nobody foresaw)"}]
    assert Path(batch["summary_file"]).is_file()


def test_an_unexpected_error_is_one_line_with_exit_1(tiny_dir, cat_file, tmp_path, capsys, monkeypatch) -> None:
    from p2p_studio.engine import Editor

    monkeypatch.setattr(Editor, "prepare", lambda self, image: 1 / 0)
    code, _, err = _edit(capsys, tiny_dir, cat_file, tmp_path / "out")
    assert code == 1
    assert err.splitlines()[-1] == "p2p-studio: error: unexpected error (ZeroDivisionError: division by zero)"
    assert "Traceback" not in err


def test_a_shared_cache_folder_keeps_other_programs_files(tiny_dir, cat_file, tmp_path, capsys) -> None:
    cache = tmp_path / "shared"
    cache.mkdir()
    theirs = cache / ".holiday.mkv.part"
    theirs.write_bytes(b"half a film")
    os.utime(theirs, (0, 0))  # old: the clean-up took every hidden *.part older than an hour
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model",
                        str(tiny_dir), "--steps", "2", "--inversion", "ddim", "--cache-dir", str(cache),
                        "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert theirs.read_bytes() == b"half a film"
