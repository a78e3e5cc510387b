"""The settings schema: one source of bounds, defaults and help for the CLI, the app and files."""

from __future__ import annotations

import dataclasses

import pytest

from p2p_studio.cli import build_parser, settings_from_args
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import FEW_STEPS, MODEL_DEFAULT_FIELDS, SEED_LIMIT, EditSettings, Method, ModelDefaults


def test_plain_data_round_trips_exactly() -> None:
    s = EditSettings(steps=7, method=Method.DIRECT, cross_words={"tiger": 0.25}, blend_words=("cat", "tiger"),
                     subtract_words=("bench",), feather=2.0, seed=SEED_LIMIT - 1)
    assert EditSettings.from_dict(s.to_dict()) == s
    assert EditSettings.from_dict({}) == EditSettings()
    assert EditSettings.from_dict({"steps": 20, "guidance": 7}).guidance == 7.0


@pytest.mark.parametrize(("data", "message"), [
    ({"seed": SEED_LIMIT}, r"^Seed \(--seed\) must be in \[0, 1.84467e\+19\)"),
    ({"seed": -1}, r"^Seed \(--seed\) must be in"),
    ({"steps": 2.5}, r"^Steps \(--steps\) must be a whole number, not 2.5$"),
    ({"steps": 20.0}, r"^Steps \(--steps\) must be a whole number, not 20.0$"),
    ({"steps": True}, r"^Steps \(--steps\) must be a whole number, not True$"),
    ({"unknown": 1}, "^unknown setting 'unknown'$"),
    ({"null_text": {"inner_step": 3}}, "^unknown setting 'inner_step'$"),
    ({"blend_words": ["cat", 3]}, "^blend_words must be a list of words$"),
    ({"seed": 10**400}, r"^Seed \(--seed\) must be in .*, not an integer of about 401 digits$"),
    ({"guidance": 10**400}, r"^Guidance \(--guidance\) is out of range \(an integer of about 401 digits\)$"),
    ({"null_text": {"guidance": -10**400}}, r"^guidance is out of range"),
    ({"cross_words": {"cat": 10**309}}, r"^the cross-attention fraction of 'cat' is out of range"),
    ({"feather": 1e308 * 10}, r"must be a finite number, not inf$"),
    ({"steps": "50"}, r"^Steps \(--steps\) must be a whole number, not '50'$"),
    ({"guidance": float("nan")}, r"^Guidance \(--guidance\) must be a finite number"),
    ({"threshold": 1.0}, r"^Blend threshold \(--threshold\) must be in \(0, 1\), not 1.0$"),
    ({"method": "magic"}, "^method must be one of null-text, negative-prompt, direct, ddim, renoise, not 'magic'$"),
    ({"blend": 1}, "^blend must be true or false, not 1$"),
    ({"mask": "sharp"}, "^mask must be one of refined, reference, not 'sharp'$"),
    ({"refine_scale": 0}, r"^refine_scale must be in \(0, 1\], not 0$"),
    ({"blend_words": "cat"}, "^blend_words must be a list of words$"),
    ({"cross_words": {"cat": 2}}, "cross-attention fraction of 'cat'"),
    ({"null_text": {"inner_steps": 0}}, r"^inner_steps must be in \[1, 1000\], not 0$"),
    ([1, 2], "^settings must be a JSON object$"),
])
def test_untrusted_values_are_refused_with_one_line(data, message) -> None:
    with pytest.raises(InputError, match=message):
        EditSettings.from_dict(data)


def test_settings_are_immutable_and_replace_validates() -> None:
    s = EditSettings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.steps = 3  # type: ignore[misc]
    assert s.replace(method="ddim").method is Method.DDIM and s.method is Method.NULL_TEXT
    with pytest.raises(InputError):
        s.replace(self_fraction=-0.1)
    with pytest.raises(InputError, match=r"^unknown setting 'crosss'$"):  # silently the defaults before
        s.replace(crosss=0.1)


def test_the_command_line_is_built_from_the_schema(capsys) -> None:
    parser = build_parser()
    flagged = [f for f in dataclasses.fields(EditSettings) if f.metadata.get("spec") and f.metadata["spec"].flag]
    assert {f.name for f in flagged} >= {"steps", "guidance", "cross", "self_fraction", "threshold", "blend_start",
                                        "seed"}
    args = parser.parse_args(["edit", "x.png", "--caption", "a", "--edit", "b"])
    assert settings_from_args(args) == EditSettings()
    args = parser.parse_args(["edit", "x.png", "--caption", "a", "--edit", "b", "--self", "0.6", "--seed",
                              str(2**63), "--inversion", "direct", "--cross-word", "b=0.1", "--no-blend"])
    s = settings_from_args(args)
    assert (s.self_fraction, s.seed, s.method, dict(s.cross_words), s.blend) == (0.6, 2**63, Method.DIRECT,
                                                                                 {"b": 0.1}, False)
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["edit", "x.png", "--caption", "a", "--edit", "b", "--cross", "1.5"])
    assert exit_info.value.code == 2
    assert "Cross-attention steps (--cross) must be in [0, 1], not 1.5" in capsys.readouterr().err


def test_every_flagged_setting_has_help_with_range_and_default(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # argparse wraps help at the terminal width
    edit = build_parser()._subparsers._group_actions[0].choices["edit"]  # type: ignore[union-attr]
    lines = edit.format_help().splitlines()
    for f in dataclasses.fields(EditSettings):
        spec = f.metadata.get("spec")
        if spec is None or spec.flag is None:
            continue
        start = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{spec.flag} N"))
        end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("-")), len(lines))
        line = " ".join(part.strip() for part in lines[start:end])  # a long option puts its help below it
        assert spec.help in line and spec.range_text() in line, line
        default = getattr(EditSettings(), f.name)
        if f.name in MODEL_DEFAULT_FIELDS:  # filled in from the model: a few-step model has its own
            few = getattr(ModelDefaults(FEW_STEPS, 0.0, Method.RENOISE), f.name)
            assert f"(default: {default}; {few} for a few-step model)" in line, line
        else:
            assert f"(default: {default})" in line, line
