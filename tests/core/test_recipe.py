"""One Recipe: written by the CLI, the app and the self-test, read back by all of them."""

from __future__ import annotations

import json

import pytest
from PIL import Image, PngImagePlugin

from p2p_studio.core.errors import InputError
from p2p_studio.core.recipe import RECIPE_KEY, RECIPE_VERSION, Recipe, read_recipe, save_png
from p2p_studio.core.settings import Detail, EditSettings, MaskKind, Method


def _png_with(path, text: str) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text(RECIPE_KEY, text)
    Image.new("RGB", (8, 8)).save(path, pnginfo=info)


def test_a_recipe_survives_the_png_round_trip(tmp_path) -> None:
    recipe = Recipe("a cat", "a (tiger:1.2)", EditSettings(steps=20, method=Method.DIRECT, seed=2**63),
                    model="demo", model_hash="0123456789abcdef", model_kind="sdxl", photo_name="cat.jpg",
                    photo_sha256="ab" * 32,
                    plan={"kind": "swap+reweight"}, app_version="9.9")
    path = save_png(tmp_path, "r", Image.new("RGB", (40, 30)), recipe)
    assert path == tmp_path / "r.png"
    assert read_recipe(path) == recipe
    with Image.open(path) as img:
        assert img.info["parameters"] == (
            "a (tiger:1.2)\nNegative prompt: \nSteps: 20, Sampler: DDIM, CFG scale: 7.5, Seed: 9223372036854775808, "
            "Size: 40x30, Model: demo, Model hash: 0123456789, Inversion: direct")
        assert json.loads(img.info[RECIPE_KEY])["recipe"] == RECIPE_VERSION


@pytest.mark.parametrize("legacy", [
    # what the command line wrote before recipes were versioned
    {"app": "p2p-studio", "version": "0.1.0", "model": "demo", "command": "edit", "source_caption": "a cat",
     "edited_caption": "a dog", "settings": {"steps": 3, "method": "negative-prompt"},
     "photo": {"name": "cat.jpg", "sha256": "ff"}, "plan": {"kind": "swap"}},
    # what the desktop app wrote
    {"app": "p2p-studio", "version": "0.1.0", "model": "demo", "caption": "a cat", "edit": "a dog",
     "settings": {"steps": 3, "method": "negative-prompt"}, "photo": {"sha256": "ff"}},
])
def test_pngs_from_earlier_releases_restore(tmp_path, legacy) -> None:
    _png_with(tmp_path / "old.png", json.dumps(legacy))
    recipe = read_recipe(tmp_path / "old.png")
    assert recipe is not None and (recipe.caption, recipe.edit, recipe.photo_sha256) == ("a cat", "a dog", "ff")
    # made before refined masks: restores with the mask the result was made with
    assert recipe.settings == EditSettings(steps=3, method=Method.NEGATIVE_PROMPT, mask=MaskKind.REFERENCE,
                                           detail=Detail.WHOLE)  # written before the region mode


def test_a_recipe_keeps_its_mask_kind(tmp_path) -> None:
    for kind in MaskKind:
        path = save_png(tmp_path, kind.value, Image.new("RGB", (8, 8)), Recipe("a", "b", EditSettings(mask=kind)))
        assert read_recipe(path).settings.mask is kind


@pytest.mark.parametrize("text", [
    "not json", "[1, 2]", '{"caption": "a", "edit": 3}', '{"caption": "a", "edit": "b", "settings": {"seed": -5}}',
    "[" * 100_000 + "]" * 100_000, json.dumps({"caption": "a" * 2_000_000, "edit": "b"}),
    '{"caption": "a", "edit": "b", "settings": {"guidance": NaN}}',
    '{"caption": "a", "edit": "b", "settings": {"seed": 1e400}}',
    json.dumps({"caption": "a", "edit": "b", "settings": {"seed": 10**30}}),
    json.dumps({"caption": "a" * 5000, "edit": "b"}),
    # issue 26: out-of-range numbers were an OverflowError ("unexpected error") in the app
    json.dumps({"caption": "a", "edit": "b", "settings": {"guidance": 10**400}}),
    json.dumps({"caption": "a", "edit": "b", "settings": {"null_text": {"lr_decay": 10**400}}}),
    '{"caption": "a", "edit": "b", "settings": {"seed": ' + "7" * 5000 + "}}",
    json.dumps({"caption": "a", "edit": "b", "settings": {"steps": 20.0}}),
    json.dumps({"caption": "a\udce9", "edit": "b"}),
    # issue 27: one validator, strict types, unknown keys refused
    json.dumps({"caption": "a", "edit": "b", "command": 1}),
    json.dumps({"caption": "a", "edit": "b", "captoin": "typo"}),
    json.dumps({"caption": "a", "edit": "b", "photo": {"name": 3}}),
    json.dumps({"caption": "a", "edit": "b", "settings": {"crosss": 0.5}}),
])
def test_a_bad_recipe_reads_as_none(tmp_path, text) -> None:
    _png_with(tmp_path / "bad.png", text)
    assert read_recipe(tmp_path / "bad.png") is None


def test_no_recipe_and_not_a_png_read_as_none(tmp_path) -> None:
    Image.new("RGB", (8, 8)).save(tmp_path / "plain.png")
    (tmp_path / "text.png").write_text("hello")
    assert read_recipe(tmp_path / "plain.png") is None and read_recipe(tmp_path / "text.png") is None


def test_from_json_names_what_is_wrong() -> None:
    with pytest.raises(InputError, match="no captions"):
        Recipe.from_json({"settings": {}})


def test_a_fifo_named_like_a_png_is_no_recipe_and_blocks_nothing(tmp_path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.png")
    assert read_recipe(tmp_path / "pipe.png") is None


def test_a_recipe_with_a_photo_name_from_an_old_disk_saves_and_reads(tmp_path) -> None:
    """Non-UTF-8 bytes in a file name travel as escaped text (``caf\\xe9.png``), never as a
    surrogate that no PNG text chunk or JSON file can encode."""
    import os

    from p2p_studio.core.files import text_of

    name = os.fsdecode(b"caf\xe9.png")
    recipe = Recipe("a", "b", photo_name=text_of(name))
    assert recipe.photo_name == "caf\\xe9.png"
    assert read_recipe(save_png(tmp_path, os.fsdecode(b"caf\xe9-edit"), Image.new("RGB", (8, 8)), recipe)) == recipe
