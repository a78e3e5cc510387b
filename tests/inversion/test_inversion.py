"""Inversion quality and behaviour on the well-conditioned tiny model."""

from __future__ import annotations

import pytest
import torch

from inversion import (
    Cancelled,
    DDIMSchedule,
    InversionResult,
    Method,
    NoisePredictor,
    NullTextSettings,
    Reporter,
    ddim_invert,
    invert,
)
from p2p_studio.core.photos import working_size
from p2p_studio.engine.captions import tokenize
from p2p_studio.engine.images import to_tensor

STEPS = 8


def _setup(model, photo):
    size = working_size(*photo.size, model.native_size, model.size_multiple)
    z0 = model.encode_image(to_tensor(photo, size))
    cap = tokenize(model.tokenizer, "a cat sitting on a bench", model.max_tokens)
    cond = model.encode_ids(cap.padded()[None])
    empty_ids = model.tokenizer("", padding="max_length", max_length=model.max_tokens, return_tensors="pt").input_ids
    return z0, cond, model.encode_ids(empty_ids)


def _sample(predict, sched, start, uncond_at, cond, scale):
    x = start
    with torch.no_grad():
        for k in range(sched.num_steps):
            x = sched.step(predict.guided(x, sched.timesteps[k], uncond_at(k), cond, scale), k, x)
    return x


def _mse(a, b) -> float:
    return float(((a - b) ** 2).mean())


def test_null_text_beats_ddim_at_high_guidance(tiny, cat_photo) -> None:
    z0, cond, empty = _setup(tiny, cat_photo)
    predict, sched = NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, STEPS)
    result = invert(Method.NULL_TEXT, predict, sched, z0, cond, empty)
    ddim_err = _mse(_sample(predict, sched, result.noise, lambda k: empty, cond, 7.5), z0)
    nt_err = _mse(_sample(predict, sched, result.noise, lambda k: result.optimised[k], cond, 7.5), z0)
    assert len(result.optimised) == STEPS and all(u.states.dtype == torch.float32 for u in result.optimised)
    # DDIM inversion reconstructs badly at w=7.5; null-text must be clearly better.
    assert nt_err < 0.4 * ddim_err, (nt_err, ddim_err)
    # and at w=1 plain DDIM inversion round-trips (the model is well conditioned)
    assert _mse(_sample(predict, sched, result.noise, lambda k: empty, cond, 1.0), z0) < 0.1 * ddim_err


def test_v_prediction_round_trip(tiny_v, cat_photo) -> None:
    assert tiny_v.prediction_type == "v_prediction"
    z0, cond, empty = _setup(tiny_v, cat_photo)
    predict, sched = NoisePredictor(tiny_v.unet), DDIMSchedule(tiny_v.scheduler_config, STEPS)
    trajectory = ddim_invert(predict, sched, z0, cond)
    recon = _sample(predict, sched, trajectory[0], lambda k: empty, cond, 1.0)
    assert trajectory[0].std() > 0.5, "v-prediction inversion must reach noise, not collapse"
    assert _mse(recon, z0) < 1e-3 * float(z0.var())
    # The trajectory is consistent step by step: each pivot maps to the next within tolerance.
    assert torch.isfinite(torch.stack(trajectory)).all()


def test_progress_reports_steps_and_inner_iterations(tiny, cat_photo) -> None:
    z0, cond, empty = _setup(tiny, cat_photo)
    events = []
    settings = NullTextSettings(inner_steps=3, early_stop_epsilon=0.0, early_stop_slope=0.0)
    invert(Method.NULL_TEXT, NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, 4), z0, cond, empty,
           settings, Reporter(on_progress=events.append))
    phases = [e.phase for e in events]
    assert phases.count("DDIM inversion") == 4
    null = [e for e in events if e.phase == "Null-text"]
    assert [(e.step, e.inner) for e in null] == [(s, i) for s in range(1, 5) for i in range(1, 4)]
    assert null[-1].fraction == 1.0


def test_cancel_stops_within_one_iteration(tiny, cat_photo) -> None:
    z0, cond, empty = _setup(tiny, cat_photo)
    predict = NoisePredictor(tiny.unet)
    state = {"stop": False, "evals_at_stop": None}

    def on_progress(p) -> None:
        if p.phase == "Null-text" and p.step == 2 and p.inner == 1:
            state["stop"] = True
            state["evals_at_stop"] = predict.evaluations

    reporter = Reporter(on_progress=on_progress, should_stop=lambda: state["stop"])
    with pytest.raises(Cancelled):
        invert(Method.NULL_TEXT, predict, DDIMSchedule(tiny.scheduler_config, STEPS), z0, cond, empty,
               reporter=reporter)
    assert predict.evaluations == state["evals_at_stop"]


def test_null_text_optimises_in_fp32_with_half_precision_unet(tiny_dir, cat_photo) -> None:
    from p2p_studio.engine.loading import load_model

    model = load_model(str(tiny_dir), device="cpu", precision="bf16")
    assert model.unet.dtype == torch.bfloat16
    z0, cond, empty = _setup(model, cat_photo)
    result = invert(Method.NULL_TEXT, NoisePredictor(model.unet), DDIMSchedule(model.scheduler_config, 3), z0, cond,
                    empty, NullTextSettings(inner_steps=2))
    tensors = result.trajectory + [u.states for u in result.optimised]
    assert all(t.dtype == torch.float32 for t in tensors) and all(torch.isfinite(t).all() for t in tensors)


@pytest.mark.parametrize("method", list(Method))
def test_result_round_trips_through_file(tiny, cat_photo, tmp_path, method) -> None:
    z0, cond, empty = _setup(tiny, cat_photo)
    result = invert(method, NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, 2), z0, cond, empty,
                    NullTextSettings(inner_steps=1))
    result.save(tmp_path / "r.safetensors")
    back = InversionResult.load(tmp_path / "r.safetensors")
    assert back.method is method and back.unconditional is result.unconditional
    assert back.pin_source == (method is Method.DIRECT)
    assert all(torch.equal(a, b) for a, b in zip(back.trajectory, result.trajectory, strict=True))
    assert len(back.optimised) == len(result.optimised)
    assert all(torch.equal(a.states, b.states) for a, b in zip(back.optimised, result.optimised, strict=True))


@pytest.mark.parametrize(("method", "phase"), [(Method.DIRECT, "Direct inversion"),
                                               (Method.NEGATIVE_PROMPT, "Negative-prompt inversion"),
                                               (Method.DDIM, "DDIM inversion")])
def test_progress_names_the_method_that_runs(tiny, cat_photo, method, phase) -> None:
    z0, cond, empty = _setup(tiny, cat_photo)
    events = []
    invert(method, NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, 3), z0, cond, empty,
           reporter=Reporter(on_progress=events.append))
    assert [(e.phase, e.step) for e in events] == [(phase, 1), (phase, 2), (phase, 3)]
