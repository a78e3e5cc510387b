import pytest
import torch
from diffusers import DDIMScheduler

from inversion import DDIMSchedule


def _config(prediction_type: str) -> dict:
    return dict(
        num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
        clip_sample=False, set_alpha_to_one=False, steps_offset=1, prediction_type=prediction_type,
    )


@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction", "sample"])
def test_step_matches_diffusers_ddim(prediction_type: str) -> None:
    steps = 12
    ours = DDIMSchedule(_config(prediction_type), steps)
    ref = DDIMScheduler(**_config(prediction_type))
    ref.set_timesteps(steps)
    assert ours.timesteps == [int(t) for t in ref.timesteps]
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(2, 4, 8, 8, generator=gen)
    for k, t in enumerate(ref.timesteps):
        out = torch.randn(2, 4, 8, 8, generator=gen)
        expected = ref.step(out, t, x, eta=0.0).prev_sample
        got = ours.step(out, k, x)
        torch.testing.assert_close(got, expected, rtol=1e-5, atol=1e-5)
        x = expected


@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction", "sample"])
def test_invert_undoes_step_for_fixed_model_output(prediction_type: str) -> None:
    sched = DDIMSchedule(_config(prediction_type), 10)
    x = torch.randn(1, 4, 8, 8, dtype=torch.float64)
    out = torch.randn(1, 4, 8, 8, dtype=torch.float64)
    for k in range(10):
        torch.testing.assert_close(sched.invert(out, k, sched.step(out, k, x)), x, rtol=1e-10, atol=1e-10)


def test_unknown_prediction_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported prediction type"):
        DDIMSchedule(_config("flow"), 4)
