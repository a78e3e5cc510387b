"""The headless command line, end to end on the tiny model."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from p2p_studio.cli import main
from p2p_studio.core.recipe import read_recipe
from p2p_studio.core.results import Fidelity, psnr
from p2p_studio.core.settings import Detail, MaskKind, Method


def _run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse rejects a value
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_edit_writes_pngs_with_recipes_and_never_touches_the_input(tiny_dir, cat_file, tmp_path, capsys) -> None:
    photo = tmp_path / "cat.jpg"
    shutil.copy(cat_file, photo)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    (tmp_path / "cat-edit1.png").write_bytes(b"existing user file")
    code, out, err = _run(
        capsys, "edit", str(photo), "--caption", "a cat sitting on a bench", "--edit", "a dog sitting on a bench",
        "--model", str(tiny_dir), "--steps", "3", "--inversion", "negative-prompt", "--threshold", "0.8",
        "--out", str(tmp_path), "--cache-dir", str(tmp_path / "cache"), "--device", "cpu", "--json",
    )
    assert code == 0, err
    report = json.loads(out)
    assert hashlib.sha256(photo.read_bytes()).hexdigest() == digest
    assert (tmp_path / "cat-edit1.png").read_bytes() == b"existing user file"
    edit = report["outputs"]["edits"][0]
    assert edit["image"].endswith("cat-2-edit1.png")  # a run number keeps this run's files together
    with Image.open(edit["image"]) as img, Image.open(photo) as original:
        assert img.size == original.size
        assert img.info["parameters"].startswith("a dog sitting on a bench\nNegative prompt: \nSteps: 3")
    recipe = read_recipe(edit["image"])
    assert recipe is not None and recipe.settings.method is Method.NEGATIVE_PROMPT and recipe.photo_sha256 == digest
    assert recipe.caption == "a cat sitting on a bench" and recipe.edit == "a dog sitting on a bench"
    assert recipe.plan is not None and recipe.plan["kind"] == "swap"
    assert set(report["timings"]) >= {"load", "inversion", "edit", "decode", "total"}
    assert "Editing 3/3" in err and "ETA" in err
    assert not list(tmp_path.glob("*.part"))

    code, out, _ = _run(capsys, "edit", str(photo), "--caption", "a cat sitting on a bench", "--edit",
                        "a dog sitting on a bench", "--model", str(tiny_dir), "--steps", "3", "--inversion",
                        "negative-prompt", "--out", str(tmp_path), "--cache-dir", str(tmp_path / "cache"), "--json")
    again = json.loads(out)
    assert again["inversion_cached"] is True and again["outputs"]["edits"][0]["image"].endswith("cat-3-edit1.png")
    assert again["outputs"]["reconstruction"] == report["outputs"]["reconstruction"]  # the same pixels: not again
    assert report["outputs"]["reconstruction"].endswith("cat-2-reconstruction.png")


def test_explain_prints_the_plan(tiny_dir, cat_file, capsys) -> None:
    code, out, _ = _run(capsys, "edit", str(cat_file), "--caption", "a cat on a bench", "--edit",
                        "a tigerish on a bench", "--model", str(tiny_dir), "--cross-word", "tigerish=0.3",
                        "--steps", "10", "--explain")
    assert code == 0
    assert "kind: swap" in out and "tigerish[1/2] ← cat" in out and "tigerish[2/2] ← cat" in out
    assert "blend words: source ['cat'], edited ['tigerish']" in out
    windows = "cross-attention replaced for steps 0–7 of 10; tigerish: 0–2, self-attention 0–3, blend from step 2"
    assert f"steps: {windows}" in out
    assert ("windows are fractions of the 10 steps, rounded down: cross-attention 0.8 → 8 of 10 (int(f·(T+1))), "
            "self-attention 0.4 → 4 of 10 (int(f·T)), blend start 0.2 → step 2 (int(f·T))") in out


def test_explain_says_which_window_a_few_steps_empty(tiny_dir, cat_file, capsys) -> None:
    code, out, _ = _run(capsys, "edit", str(cat_file), "--caption", "a cat on a bench", "--edit",
                        "a dog on a bench", "--model", str(tiny_dir), "--steps", "4", "--self", "0.2", "--explain")
    assert code == 0
    assert "self-attention 0.2 → 0 of 4 (int(f·T))" in out
    assert "at 4 steps the self-attention window covers no step\n" in out


def test_explain_and_recipes_say_how_detail_is_handled(tiny_dir, cat_file, tmp_path, capsys) -> None:
    # the tiny model works at 128 px: the 451 px cat is 3.5x that
    base = ("edit", str(cat_file), "--caption", "a cat on a bench", "--edit", "a dog on a bench", "--model",
            str(tiny_dir), "--steps", "2", "--inversion", "direct")
    code, out, _ = _run(capsys, *base, "--explain")
    assert code == 0 and out.rstrip().endswith(
        "detail: the edited region is redrawn at 128 px when its mask is small (the photo is 3.5× the "
        "model's size; 40% of the steps again)")
    code, out, _ = _run(capsys, *base, "--detail", "whole", "--explain")
    assert out.rstrip().endswith("detail: whole photo at the model's 128 px, scaled up 3.5×")
    code, _, err = _run(capsys, *base, "--detail", "crop")
    assert code == 2 and "invalid choice: 'crop'" in err
    code, out, err = _run(capsys, *base, "--detail", "whole", "--out", str(tmp_path), "--json")
    assert code == 0, err
    report = json.loads(out)
    recipe = read_recipe(Path(report["outputs"]["edits"][0]["image"]))
    assert recipe is not None and recipe.settings.detail is Detail.WHOLE and "region" not in report


def test_generate(tiny_dir, tmp_path, capsys) -> None:
    code, out, err = _run(capsys, "generate", "--caption", "a red circle", "--edit", "a blue circle", "--seed", "3",
                          "--model", str(tiny_dir), "--steps", "2", "--out", str(tmp_path), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["outputs"]["edits"][0]["image"].endswith("seed3-edit1.png")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--edit", "a dog", "--blend", "horse"], "blend word 'horse' is in neither caption"),
        (["--edit", "   "], "the edited caption is empty"),
        (["--edit", " ".join(["dog"] * 40)], "the caption is too long"),
        (["--edit", "a (dog:x)"], "re-weighting"),
    ],
)
def test_bad_input_exits_2_with_one_line(tiny_dir, cat_file, capsys, args, message) -> None:
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--model", str(tiny_dir), *args)
    assert code == 2
    assert err.count("\n") == 1 and message in err


def test_bad_photo_and_model(tiny_dir, tmp_path, capsys) -> None:
    bogus = tmp_path / "x.png"
    bogus.write_text("hello")
    code, _, err = _run(capsys, "edit", str(bogus), "--caption", "a", "--edit", "b", "--model", str(tiny_dir))
    assert code == 2 and "not an image" in err
    code, _, err = _run(capsys, "edit", str(bogus), "--caption", "a", "--edit", "b", "--model",
                        str(tmp_path / "none"))
    assert code == 2


def test_maps_writes_each_words_heat_map(tiny_dir, cat_file, tmp_path, capsys) -> None:
    code, out, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat on a bench", "--edit",
                          "a dog on a bench", "--model", str(tiny_dir), "--steps", "2", "--inversion", "ddim",
                          "--out", str(tmp_path), "--no-cache", "--maps", "--json")
    assert code == 0, err
    maps = json.loads(out)["outputs"]["edits"][0]["maps"]
    source, edited = ["a", "cat", "on", "a", "bench"], ["a", "dog", "on", "a", "bench"]
    assert [(m["caption"], m["word"]) for m in maps] == [("source", w) for w in source] + [("edit", w) for w in edited]
    with Image.open(cat_file) as photo:
        size = photo.size
    for caption in ("source", "edit"):
        shares = [m["share"] for m in maps if m["caption"] == caption]
        assert max(shares) == 1.0 and all(0 < s <= 1 for s in shares)  # relative to the strongest word
    for m in maps:
        with Image.open(m["image"]) as img:
            # each map is scaled to its own peak (bilinear upsampling softens a one-cell peak a little)
            assert img.size == size and img.mode == "L" and img.getextrema()[1] > 200, m


@pytest.mark.parametrize(("extra", "message"), [
    (["--seed", str(2**70)], "Seed (--seed) must be in [0, 1.84467e+19)"),
    (["--edit", "a (blue:1e30) dog"], "re-weighting factor 1e30 in '(blue:1e30)' is out of range"),
    (["--caption", "a " * 5000], "the caption is too long: 10,000 characters (at most 2,000)"),
])
def test_out_of_bounds_values_exit_2_before_any_work(tiny_dir, cat_file, capsys, extra, message) -> None:
    args = ["edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model", str(tiny_dir), "--steps", "2"]
    code, _, err = _run(capsys, *args, *extra)
    assert code == 2 and message in err and "Traceback" not in err


@pytest.mark.parametrize(("extra", "message"), [
    (["--edit", "a dog", "--sweep", "cross=0.2,0.8"], "a sweep varies one edited caption; 2 --edit"),
    (["--sweep", "guidance=1,2"], "cannot sweep 'guidance'"),
    (["--sweep", "weight=1,2"], "a weight sweep needs (word:factor) markup"),
    (["--sweep", "cross=0.2", "--sweep-batch", "0"], "--sweep-batch must be at least 1"),
])
def test_bad_sweeps_exit_2_before_any_work(tiny_dir, cat_file, capsys, extra, message) -> None:
    args = ["edit", str(cat_file), "--caption", "a cat", "--edit", "a cow", "--model", str(tiny_dir), "--steps", "2"]
    code, _, err = _run(capsys, *args, *extra)
    assert code == 2 and err.count("\n") == 1 and message in err


def test_a_sweep_writes_every_cell_with_its_recipe_and_a_contact_sheet(tiny_dir, cat_file, tmp_path,
                                                                       capsys) -> None:
    from p2p_studio.core.settings import EditSettings
    from p2p_studio.core.sweep import SweepGrid, sheet_layout

    code, out, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat on a bench", "--edit",
                          "a (dog:2) on a bench", "--model", str(tiny_dir), "--steps", "2", "--inversion", "ddim",
                          "--out", str(tmp_path), "--no-cache", "--sweep", "cross=0.2,0.8", "--sweep", "weight=1,3",
                          "--sweep-batch", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == [f"cell cross={c} weight={w}: {tmp_path}/cat-sweep-cross{c}-weight{w}.png"
                         for w in (1, 3) for c in (0.2, 0.8)]
    assert lines[4] == f"sweep sheet: {tmp_path}/cat-sweep-sheet.png"
    assert "Editing 4/4" in err  # two batched runs of two steps
    for cross in (0.2, 0.8):
        for weight in (1, 3):
            recipe = read_recipe(tmp_path / f"cat-sweep-cross{cross}-weight{weight}.png")
            assert recipe is not None and recipe.settings == EditSettings(steps=2, method=Method.DDIM, cross=cross)
            assert recipe.edit == f"a (dog:{weight}) on a bench" and recipe.caption == "a cat on a bench"
    grid = SweepGrid.parse(["cross=0.2,0.8", "weight=1,3"])
    with Image.open(cat_file) as photo, Image.open(tmp_path / "cat-sweep-sheet.png") as sheet:
        assert sheet.size == sheet_layout(grid, photo.size).size


def test_unwritable_output_fails_before_loading_the_model(tiny_dir, cat_file, tmp_path, capsys, monkeypatch) -> None:
    import p2p_studio.engine as engine

    def no_load(*_args: object, **_kw: object) -> None:
        raise AssertionError("the model must not be loaded for an unwritable output folder")

    monkeypatch.setattr(engine, "load_choice", no_load)
    (tmp_path / "out").write_text("a file, not a folder")
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model",
                        str(tiny_dir), "--out", str(tmp_path / "out"))
    assert code == 2 and err.strip() == f"p2p-studio: error: output folder {tmp_path / 'out'} is a file, not a folder"
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model",
                        str(tiny_dir), "--cache-dir", str(tmp_path / "out" / "cache"))
    assert code == 2 and "cannot write to inversion cache folder" in err


def test_a_full_disk_while_writing_results_is_one_line(tiny_dir, cat_file, tmp_path, capsys, monkeypatch) -> None:
    import errno

    from p2p_studio.core import recipe

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.png"))

    monkeypatch.setattr(recipe, "write_new", full)
    code, _, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model",
                        str(tiny_dir), "--steps", "2", "--inversion", "ddim", "--out", str(tmp_path), "--no-cache")
    assert code == 1 and err.strip().endswith(
        f"p2p-studio: error: could not write the results: the disk is full ({tmp_path / 'x.png'})")


def test_json_reports_the_reconstruction_psnr_of_the_written_files(tiny, tiny_dir, cat_photo, tmp_path,
                                                                   capsys) -> None:
    side = tiny.native_size
    photo = tmp_path / "cat.png"
    cat_photo.resize((side, side)).save(photo)  # the model's working size: files and engine compare alike
    code, out, err = _run(capsys, "edit", str(photo), "--caption", "a cat", "--edit", "a dog", "--model",
                          str(tiny_dir), "--steps", "3", "--inversion", "ddim", "--out", str(tmp_path / "out"),
                          "--no-cache", "--json")
    assert code == 0, err
    report = json.loads(out)
    with Image.open(report["outputs"]["reconstruction"]) as rec, Image.open(photo) as original:
        expected = psnr(np.asarray(rec.convert("RGB")), np.asarray(original.convert("RGB")))
    quality = report["inversion"]
    assert quality["psnr_db"] == round(expected, 2) and quality["method"] == "ddim"
    assert quality["verdict"] == Fidelity(Method.DDIM, expected).verdict
    for extra in ([], ["--mask", "reference"]):
        code, out, err = _run(capsys, "edit", str(photo), "--caption", "a cat", "--edit", "a dog", "--model",
                              str(tiny_dir), "--steps", "3", "--inversion", "ddim", "--out", str(tmp_path / "out"),
                              "--no-cache", *extra)
        assert code == 0, err
        assert f"inversion: ddim {expected:.1f} dB reconstruction PSNR" in err
        lines = dict(line.split(": ", 1) for line in out.splitlines())
        assert list(lines) == ["edit", "mask", "reconstruction"]  # every file written, labelled
        assert all(Path(path).is_file() for path in lines.values())
        if not extra:  # the same run again: the same reconstruction, written once per photo and inversion
            assert lines["reconstruction"] == report["outputs"]["reconstruction"]
    assert read_recipe(lines["edit"]).settings.mask is MaskKind.REFERENCE
    # the reference mask runs the source branch's self-attention fused, not materialised: other float
    # rounding, a reconstruction a few pixels apart, so a file of its own
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cat-2-edit1-mask.png", "cat-2-edit1.png", "cat-3-edit1-mask.png", "cat-3-edit1.png",
        "cat-3-reconstruction.png", "cat-edit1-mask.png", "cat-edit1.png", "cat-reconstruction.png"]


def test_bad_arguments_fail_before_torch_is_imported(tmp_path) -> None:
    code = ("import sys; from p2p_studio.cli import main; "
            "rc = main(['edit', sys.argv[1], '--caption', 'a', '--edit', 'b']); print(rc, 'torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.png")], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.split() == ["2", "False"] and "file not found" in done.stderr


def test_the_demo_model_says_once_what_it_is_for(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("P2P_STUDIO_MODEL", raising=False)
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "red-circle.png"
    code, _, err = _run(capsys, "edit", str(sample), "--caption", "a red circle", "--edit", "a blue circle",
                          "--steps", "2", "--inversion", "ddim", "--no-cache", "--out", str(tmp_path))
    assert code == 0, err
    notes = [line for line in err.splitlines() if "demo model" in line]
    assert len(notes) == 1 and "--model stable-diffusion-v1-5/stable-diffusion-v1-5" in notes[0]


def test_a_batch_edits_every_photo_and_a_bad_one_does_not_stop_the_rest(tiny_dir, cat_photo, tmp_path,
                                                                       capsys) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    for name, box in (("a.jpg", (0, 0, 300, 240)), ("c.png", (100, 40, 451, 300))):
        cat_photo.crop(box).save(folder / name)
    (folder / "b.jpg").write_text("not a photo")  # fails on its own
    (folder / "notes.txt").write_text("not a photo suffix: not taken")
    out = tmp_path / "out"
    out.mkdir()
    (out / "batch-summary.json").write_text("an earlier summary")  # never overwritten
    code, stdout, err = _run(capsys, "edit", str(folder), "--caption", "a cat", "--edit", "a dog", "--model",
                             str(tiny_dir), "--steps", "2", "--inversion", "ddim", "--no-cache", "--out", str(out),
                             "--json")
    assert code == 1, err  # one photo skipped
    batch = json.loads(stdout)["batch"]
    assert [Path(r["photo"]).name for r in batch["results"]] == ["a.jpg", "c.png"]
    assert [(Path(f["photo"]).name, "not an image" in f["error"]) for f in batch["failed"]] == [("b.jpg", True)]
    assert "photo 1/3: a.jpg" in err and "photo 3/3: c.png, batch ETA" in err and "b.jpg skipped" in err
    shown = f"$ p2p-studio edit {folder} --caption 'a cat' --edit 'a dog' ...\n{err}"
    _terminal_screenshot(shown.replace(str(tmp_path), "/tmp"), "9-batch-progress.png")
    for result in batch["results"]:
        with Image.open(result["outputs"]["edits"][0]["image"]) as img, Image.open(result["photo"]) as photo:
            assert img.size == photo.size
    assert (out / "batch-summary.json").read_text() == "an earlier summary"
    summary = json.loads(Path(batch["summary_file"]).read_text())
    assert Path(batch["summary_file"]).name == "batch-summary-2.json" and summary["edited"] == 2
    assert summary["failed"] == batch["failed"]
    code, stdout, err = _run(capsys, "edit", str(folder / "*.png"), "--caption", "a cat", "--edit", "a dog",
                             "--model", str(tiny_dir), "--steps", "2", "--inversion", "ddim", "--no-cache",
                             "--out", str(out))
    assert code == 0, err
    assert stdout.splitlines()[0] == f"photo: {folder / 'c.png'}" and "c-2-edit1.png" in stdout  # never over a file
    code, _, err = _run(capsys, "edit", str(tmp_path / "empty*.png"), "--caption", "a", "--edit", "b",
                        "--model", str(tiny_dir))
    assert code == 2 and "no file matches this pattern" in err


def _terminal_screenshot(text: str, name: str) -> None:
    """Render a command's output as a terminal shows it (test-output/screenshots, for a person)."""
    from PIL import ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSansMono.ttf", 14)
    except OSError:
        font = ImageFont.load_default(14)
    lines = text.splitlines()
    width = max(int(font.getlength(line)) for line in lines) + 20
    image = Image.new("RGB", (width, 18 * len(lines) + 20), (30, 30, 30))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((10, 10 + 18 * i), line, fill=(220, 220, 220), font=font)
    folder = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    image.save(folder / name)


def test_an_sdxl_model_edits_from_the_command_line(tiny_sdxl_dir, cat_file, tmp_path, capsys) -> None:
    code, out, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat sitting on a bench", "--edit",
                          "a dog sitting on a bench", "--model", str(tiny_sdxl_dir), "--steps", "2", "--inversion",
                          "direct", "--out", str(tmp_path), "--no-cache", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["model_kind"] == "sdxl" and report["plans"][0]["kind"] == "swap"
    image = report["outputs"]["edits"][0]["image"]
    recipe = read_recipe(image)
    assert recipe is not None and recipe.model_kind == "sdxl"
    with Image.open(image) as img, Image.open(cat_file) as photo:
        assert img.size == photo.size


def test_a_misspelt_word_is_warned_about_once_and_the_command_goes_on(tiny_dir, cat_file, capsys) -> None:
    code, out, err = _run(capsys, "edit", str(cat_file), "--caption", "a cat on a bnech", "--edit",
                          "a tigre on a bnech", "--model", str(tiny_dir), "--steps", "4", "--explain")
    assert code == 0 and "kind: swap" in out
    assert [line for line in err.splitlines() if "warning" in line] == [
        "p2p-studio: warning: 'bnech' is not a word the text encoder knows; did you mean 'bench'?",
        "p2p-studio: warning: 'tigre' is not a word the text encoder knows; did you mean 'tiger'?",
    ]


def test_a_region_redraw_is_noted_and_keeps_every_pixel_outside_the_mask(tmp_path, capsys) -> None:
    from p2p_studio.demo.world import HELD_OUT_SEED, render, scene_from_seed

    scene = scene_from_seed(HELD_OUT_SEED + 7001)  # a small blue triangle on the left: 8x the demo's 64 px
    photo = tmp_path / "scene.png"
    Image.fromarray(render(scene, 512)).save(photo)
    code, out, err = _run(capsys, "edit", str(photo), "--caption", scene.caption(), "--edit",
                          scene.with_shape(shape="circle").caption(), "--model", "demo", "--steps", "10",
                          "--inversion", "direct", "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    report = json.loads(out)
    left, top, right, bottom = report["region"]["box"]
    assert 0 <= left < right <= 512 and 0 <= top < bottom <= 512 and report["region"]["gain"] >= 1.5
    assert (f"p2p-studio: note: detail: edited region {right - left}×{bottom - top} px at ({left}, {top}), "
            f"{report['region']['gain']:.1f}× the detail of the whole photo") in err
    entry = report["outputs"]["edits"][0]
    edited, alpha = np.asarray(Image.open(entry["image"]).convert("RGB")), np.asarray(Image.open(entry["mask"]))
    original = np.asarray(Image.open(photo).convert("RGB"))
    assert np.array_equal(edited[alpha == 0], original[alpha == 0]) and (alpha == 0).any()
    outside = np.ones(alpha.shape, bool)
    outside[top:bottom, left:right] = False
    assert not alpha[outside].any() and not np.array_equal(edited, original)
    recipe = read_recipe(Path(entry["image"]))
    assert recipe is not None and recipe.settings.detail is Detail.AUTO
