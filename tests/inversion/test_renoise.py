"""ReNoise inversion against a port of the authors' code, and what it buys over DDIM inversion.

The port below follows github garibida/ReNoise-Inversion, ``src/renoise_inversion.py``:
``inversion_step``, ``noise_regularization``, ``auto_corr_loss``, ``patchify_latents_kl_divergence``
and ``latents_kl_divergence``, with the DDIM ``inv_step`` of ``src/schedulers/ddim_scheduler.py``,
statement for statement (guidance off, as in the authors' configurations), driven through a
stand-in for their pipeline object; for a stochastic sampler also the noise correction at the end
of ``inversion_step`` with the exact update of ``step_and_update_noise``
(``src/schedulers/euler_scheduler.py``: the required noise itself, not the authors' ten gradient
steps towards it, which leave it part way).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F
from diffusers import DDIMScheduler

from inversion import (
    Conditioning,
    DDIMSchedule,
    EulerSchedule,
    LCMSchedule,
    Method,
    NoisePredictor,
    NullTextSettings,
    ReNoiseSettings,
    correct_noise,
    ddim_invert,
    invert,
)
from inversion.renoise import StepModel, renoise_step

# --- the port -------------------------------------------------------------------------------


def port_noise_regularization(e_t, noise_pred_optimal, lambda_kl, lambda_ac, num_reg_steps, num_ac_rolls,
                              generator=None):
    for _outer in range(num_reg_steps):
        if lambda_kl > 0:
            var = e_t.detach().clone().requires_grad_(True)
            loss = port_patchify_latents_kl_divergence(var, noise_pred_optimal)
            loss.backward()
            grad = torch.clip(var.grad.detach(), -100, 100)
            e_t = e_t - lambda_kl * grad
        if lambda_ac > 0:
            for _inner in range(num_ac_rolls):
                var = e_t.detach().clone().requires_grad_(True)
                loss = port_auto_corr_loss(var, generator=generator)
                loss.backward()
                grad = var.grad.detach() / num_ac_rolls
                e_t = e_t - lambda_ac * grad
        e_t = e_t.detach()
    return e_t


def port_auto_corr_loss(x, random_shift=True, generator=None):
    b = x.shape[0]
    assert b == 1
    x = x.squeeze(0)
    reg_loss = 0.0
    for ch_idx in range(x.shape[0]):
        noise = x[ch_idx][None, None, :, :]
        while True:
            roll_amount = torch.randint(0, noise.shape[2] // 2, (1,), generator=generator).item() if random_shift else 1
            reg_loss += (noise * torch.roll(noise, shifts=roll_amount, dims=2)).mean() ** 2
            reg_loss += (noise * torch.roll(noise, shifts=roll_amount, dims=3)).mean() ** 2
            if noise.shape[2] <= 8:
                break
            noise = F.avg_pool2d(noise, kernel_size=2)
    return reg_loss


def port_patchify_latents_kl_divergence(x0, x1, patch_size=4, num_channels=4):
    def patchify(t):
        patches = t.unfold(1, patch_size, patch_size).unfold(2, patch_size, patch_size).unfold(3, patch_size,
                                                                                                patch_size)
        return patches.contiguous().view(-1, num_channels, patch_size, patch_size)

    return port_latents_kl_divergence(patchify(x0), patchify(x1)).sum()


def port_latents_kl_divergence(x0, x1):
    eps = 1e-6
    x0 = x0.view(x0.shape[0], x0.shape[1], -1)
    x1 = x1.view(x1.shape[0], x1.shape[1], -1)
    mu0, mu1 = x0.mean(dim=-1), x1.mean(dim=-1)
    var0, var1 = x0.var(dim=-1), x1.var(dim=-1)
    kl = torch.log((var1 + eps) / (var0 + eps)) + (var0 + (mu0 - mu1) ** 2) / (var1 + eps) - 1
    return torch.abs(kl).sum(dim=-1)


class PortDDIMScheduler(DDIMScheduler):
    def inv_step(self, model_output, timestep, sample, return_dict=False):
        prev_timestep = timestep - self.config.num_train_timesteps // self.num_inference_steps
        alpha_prod_t = self.alphas_cumprod[timestep]
        alpha_prod_t_prev = self.alphas_cumprod[prev_timestep] if prev_timestep >= 0 else self.final_alpha_cumprod
        beta_prod_t = 1 - alpha_prod_t
        pred_epsilon = model_output
        std_dev_t = 0.0
        pred_sample_direction = (1 - alpha_prod_t_prev - std_dev_t**2) ** 0.5 * pred_epsilon
        prev_sample = ((alpha_prod_t**0.5 * sample) / alpha_prod_t_prev**0.5
                       + (alpha_prod_t_prev**0.5 * beta_prod_t**0.5 * model_output) / alpha_prod_t_prev**0.5
                       - (alpha_prod_t**0.5 * pred_sample_direction) / alpha_prod_t_prev**0.5)
        return (prev_sample,)


class OurStepScheduler(PortDDIMScheduler):
    """The authors' scheduler with our DDIM step arithmetic in ``inv_step`` (the two agree to float
    precision, tested below; the iteration amplifies a last-bit difference, see the test)."""

    schedule: DDIMSchedule

    def inv_step(self, model_output, timestep, sample, return_dict=False):
        k = [int(t) for t in self.timesteps].index(int(timestep))
        return (self.schedule.invert(model_output, k, sample),)


class OurStochasticScheduler(OurStepScheduler):
    """The authors' stochastic scheduler: one noise per step in ``noise_list``, our arithmetic in
    ``inv_step`` (its exact inverse), ``add_noise`` (the sampler's levels) and
    ``step_and_update_noise`` (the exact required noise)."""

    noise_list: list

    def _index(self, timestep):
        return [int(t) for t in self.timesteps].index(int(timestep))

    def add_noise(self, original_samples, noise, timesteps):
        return self.schedule.add_noise(original_samples, noise, self._index(timesteps))

    def inv_step(self, model_output, timestep, sample, return_dict=False):
        k = self._index(timestep)
        return (self.schedule.invert(model_output, k, sample, self.noise_list[k]),)

    def step_and_update_noise(self, model_output, timestep, sample, expected_prev_sample, return_dict=False,
                              optimize_epsilon_type=False):
        k = self._index(timestep)
        if self.schedule.noise_scale(k) > 0:
            self.noise_list[k] = self.schedule.required_noise(model_output, k, sample, expected_prev_sample)
        return (self.schedule.step(model_output, k, sample, self.noise_list[k]),)


def port_noise_correction(pipe, approximated_z_tp1, z_t, t, prompt_embeds):
    """The end of ``inversion_step`` when ``perform_noise_correction`` is set (guidance off)."""
    noise_pred = port_unet_pass(pipe, approximated_z_tp1, t, prompt_embeds)
    pipe.scheduler.step_and_update_noise(noise_pred, t, approximated_z_tp1, z_t, return_dict=False,
                                         optimize_epsilon_type=True)


def port_unet_pass(pipe, z_t, t, prompt_embeds):
    return pipe.unet(pipe.scheduler.scale_model_input(z_t, t), t, encoder_hidden_states=prompt_embeds,
                     return_dict=False)[0]


def port_inversion_step(pipe, z_t, t, prompt_embeds, num_renoise_steps=100, first_step_max_timestep=250,
                        generator=None):
    cfg = pipe.cfg
    first = t.item() < first_step_max_timestep
    avg_range = cfg.average_first_step_range if first else cfg.average_step_range
    num_renoise_steps = min(cfg.max_num_renoise_steps_first_step, num_renoise_steps) if first else num_renoise_steps
    noise_pred_avg = None
    noise_pred_optimal = None
    z_tp1_forward = pipe.scheduler.add_noise(pipe.z_0, pipe.noise, t.view(1)).detach()
    approximated_z_tp1 = z_t.clone()
    for i in range(num_renoise_steps + 1):
        with torch.no_grad():
            if cfg.noise_regularization_num_reg_steps > 0 and i == 0:
                approximated_z_tp1 = torch.cat([z_tp1_forward, approximated_z_tp1])
                prompt_embeds_in = torch.cat([prompt_embeds, prompt_embeds])
            else:
                prompt_embeds_in = prompt_embeds
            noise_pred = port_unet_pass(pipe, approximated_z_tp1, t, prompt_embeds_in)
            if cfg.noise_regularization_num_reg_steps > 0 and i == 0:
                noise_pred_optimal, noise_pred = noise_pred.chunk(2)
                noise_pred_optimal = noise_pred_optimal.detach()
            if avg_range[0] <= i < avg_range[1]:
                j = i - avg_range[0]
                noise_pred_avg = noise_pred.clone() if noise_pred_avg is None else (
                    j * noise_pred_avg / (j + 1) + noise_pred / (j + 1))
        if i >= avg_range[0] or (not cfg.average_latent_estimations and i > 0):
            noise_pred = port_noise_regularization(
                noise_pred, noise_pred_optimal, cfg.noise_regularization_lambda_kl, cfg.noise_regularization_lambda_ac,
                cfg.noise_regularization_num_reg_steps, cfg.noise_regularization_num_ac_rolls, generator)
        approximated_z_tp1 = pipe.scheduler.inv_step(noise_pred, t, z_t)[0].detach()
    if cfg.average_latent_estimations and noise_pred_avg is not None:
        noise_pred_avg = port_noise_regularization(
            noise_pred_avg, noise_pred_optimal, cfg.noise_regularization_lambda_kl, cfg.noise_regularization_lambda_ac,
            cfg.noise_regularization_num_reg_steps, cfg.noise_regularization_num_ac_rolls, generator)
        approximated_z_tp1 = pipe.scheduler.inv_step(noise_pred_avg, t, z_t)[0].detach()
    return approximated_z_tp1


@dataclass
class PortConfig:
    max_num_renoise_steps_first_step: int = 5
    average_latent_estimations: bool = True
    average_first_step_range: tuple = (0, 5)
    average_step_range: tuple = (8, 10)
    noise_regularization_lambda_ac: float = 20.0
    noise_regularization_lambda_kl: float = 0.065
    noise_regularization_num_reg_steps: int = 4
    noise_regularization_num_ac_rolls: int = 5


# --- tests ----------------------------------------------------------------------------------


def _model_inputs(tiny, seed=0):
    g = torch.Generator().manual_seed(seed)
    side = tiny.native_size // tiny.vae_scale
    z0 = torch.randn(1, tiny.latent_channels, side, side, generator=g)
    cond = Conditioning(torch.randn(1, tiny.max_tokens, tiny.unet.config.cross_attention_dim, generator=g))
    return z0, cond


@pytest.mark.parametrize(("steps", "k", "renoise"), [(4, 3, 9), (4, 1, 9), (10, 5, 9), (50, 20, 1)])
def test_each_step_equals_the_authors_inversion_step(tiny, steps, k, renoise) -> None:
    """At the first (least noisy) level and the later ones, with the few-step configuration and
    the 50-step one: bit for bit, the same random shifts consumed. The scheduler's ``inv_step``
    is ours here: at the first level, where the clipped KL gradient is a high-gain map, a last-bit
    difference in the step arithmetic grows to 0.1 over five re-evaluations."""
    z0, cond = _model_inputs(tiny)
    schedule = DDIMSchedule(tiny.scheduler_config, steps)
    settings = ReNoiseSettings(iterations=renoise, divergence=None)  # the authors' iteration, unguarded
    noise = torch.randn(z0.shape, generator=torch.Generator().manual_seed(7))
    lower = z0 + 0.3 * torch.randn(z0.shape, generator=torch.Generator().manual_seed(8))

    scheduler = OurStepScheduler.from_config(dict(tiny.scheduler_config), clip_sample=False)
    scheduler.set_timesteps(steps)
    scheduler.schedule = schedule
    pipe = SimpleNamespace(cfg=PortConfig(), scheduler=scheduler, z_0=z0, noise=noise, unet=tiny.unet)
    t = scheduler.timesteps[k]
    assert int(t) == schedule.timesteps[k]
    theirs_gen, ours_gen = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
    theirs = port_inversion_step(pipe, lower, t, cond.states, num_renoise_steps=renoise, generator=theirs_gen)

    predict = StepModel(NoisePredictor(tiny.unet), schedule.timesteps[k], cond, cond, 1.0)
    with torch.no_grad():
        ours = renoise_step(predict, schedule, k, lower, schedule.add_noise(z0, noise, k), settings, ours_gen)
    assert torch.equal(ours, theirs)
    assert torch.equal(theirs_gen.get_state(), ours_gen.get_state())  # the same shifts were drawn
    plain = schedule.invert(NoisePredictor(tiny.unet)(lower, schedule.timesteps[k], cond), k, lower)
    assert not torch.equal(ours, plain)  # and it is not plain DDIM inversion


@pytest.mark.parametrize("schedule_of", [lambda c: EulerSchedule(c, 4, ancestral=True), lambda c: LCMSchedule(c, 4)],
                         ids=["euler-a", "lcm"])
@pytest.mark.parametrize("k", [2, 1])
def test_a_stochastic_step_and_its_noise_correction_equal_the_authors(tiny, schedule_of, k) -> None:
    """Euler-ancestral and LCM in the app's few-step configuration (three re-evaluations, no
    regularisation: with it, the clipped KL gradient amplifies last-bit differences of the
    auto-correlation's reductions, see above): the estimate bit for bit, and the corrected noise
    with which the sampler's step lands exactly on the lower latent."""
    z0, cond = _model_inputs(tiny)
    config = {**tiny.scheduler_config, "timestep_spacing": "trailing"}
    schedule = schedule_of(config)
    settings = dataclasses.replace(ReNoiseSettings.for_steps(4, 1.0), divergence=None)
    port = PortConfig(max_num_renoise_steps_first_step=settings.first_iterations,
                      average_first_step_range=settings.first_average, average_step_range=settings.average,
                      noise_regularization_num_reg_steps=0)
    g = torch.Generator().manual_seed(7)
    noise = torch.randn(z0.shape, generator=g)
    drawn = [torch.randn(z0.shape, generator=g) for _ in range(schedule.num_steps)]
    lower = z0 + 0.3 * torch.randn(z0.shape, generator=torch.Generator().manual_seed(8))

    scheduler = OurStochasticScheduler.from_config(dict(config), clip_sample=False)
    scheduler.set_timesteps(4)
    scheduler.timesteps = torch.tensor(schedule.timesteps)
    scheduler.schedule, scheduler.noise_list = schedule, [d.clone() for d in drawn]
    pipe = SimpleNamespace(cfg=port, scheduler=scheduler, z_0=z0, noise=noise, unet=tiny.unet)
    t = torch.tensor(schedule.timesteps[k])
    theirs_gen, ours_gen = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
    theirs = port_inversion_step(pipe, lower, t, cond.states, settings.iterations, generator=theirs_gen)
    with torch.no_grad():
        port_noise_correction(pipe, theirs, lower, t, cond.states)

    predict = NoisePredictor(tiny.unet)
    step = StepModel(predict, schedule.timesteps[k], cond, cond, 1.0)
    with torch.no_grad():
        ours = renoise_step(step, schedule, k, lower, schedule.add_noise(z0, noise, k), settings, ours_gen, drawn[k])
    trajectory = [ours if i == k else lower if i == k + 1 else z0 for i in range(schedule.num_steps + 1)]
    corrected = correct_noise(predict, schedule, trajectory, cond, [cond] * schedule.num_steps, 1.0)
    assert torch.equal(ours, theirs)
    assert torch.equal(corrected[k], scheduler.noise_list[k])
    assert not torch.equal(corrected[k], drawn[k])
    with torch.no_grad():
        landed = schedule.step(predict(ours, schedule.timesteps[k], cond), k, ours, corrected[k])
    torch.testing.assert_close(landed, lower, rtol=0, atol=1e-5)


@pytest.mark.parametrize("steps", [4, 50])
def test_our_step_arithmetic_equals_the_authors_inv_step(tiny, steps) -> None:
    schedule = DDIMSchedule(tiny.scheduler_config, steps)
    scheduler = PortDDIMScheduler.from_config(dict(tiny.scheduler_config), clip_sample=False)
    scheduler.set_timesteps(steps)
    g = torch.Generator().manual_seed(0)
    sample, out = torch.randn(1, 4, 8, 8, generator=g), torch.randn(1, 4, 8, 8, generator=g)
    noise = torch.randn(1, 4, 8, 8, generator=g)
    for k, t in enumerate(scheduler.timesteps):
        torch.testing.assert_close(schedule.invert(out, k, sample), scheduler.inv_step(out, t, sample)[0])
        torch.testing.assert_close(schedule.add_noise(sample, noise, k), scheduler.add_noise(sample, noise, t.view(1)))


def _sample(predict, schedule, start, empty, cond, guidance):
    x = start
    with torch.no_grad():
        for k in range(schedule.num_steps):
            x = schedule.step(predict.guided(x, schedule.timesteps[k], empty, cond, guidance), k, x)
    return x


@pytest.mark.parametrize("guidance", [1.0, 3.0])
def test_renoise_reconstructs_better_than_ddim_inversion(tiny, cat_photo, guidance) -> None:
    from test_inversion import _setup

    z0, cond, empty = _setup(tiny, cat_photo)
    predict, schedule = NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, 4)
    settings = NullTextSettings(guidance=guidance)
    ddim = ddim_invert(predict, schedule, z0, cond)
    found = invert(Method.RENOISE, predict, schedule, z0, cond, empty, settings)
    assert found.method is Method.RENOISE and found.unconditional_at(0, empty, cond) is empty
    assert torch.equal(found.trajectory[-1], z0.float())
    ddim_err = float(((_sample(predict, schedule, ddim[0], empty, cond, guidance) - z0) ** 2).mean())
    ours_err = float(((_sample(predict, schedule, found.noise, empty, cond, guidance) - z0) ** 2).mean())
    assert ours_err < 0.5 * ddim_err, (ours_err, ddim_err)


def test_the_same_seed_gives_the_same_inversion_and_another_seed_another(tiny) -> None:
    z0, cond = _model_inputs(tiny, seed=1)
    predict, schedule = NoisePredictor(tiny.unet), DDIMSchedule(tiny.scheduler_config, 3)
    a = invert(Method.RENOISE, predict, schedule, z0, cond, cond, renoise=ReNoiseSettings(seed=5))
    b = invert(Method.RENOISE, predict, schedule, z0, cond, cond, renoise=ReNoiseSettings(seed=5))
    c = invert(Method.RENOISE, predict, schedule, z0, cond, cond, renoise=ReNoiseSettings(seed=6))
    assert all(torch.equal(x, y) for x, y in zip(a.trajectory, b.trajectory, strict=True))
    assert not torch.equal(a.noise, c.noise)


def test_evaluations_per_step_follow_the_settings(tiny) -> None:
    """At 4 steps the least noisy level takes 1 + 5 evaluations, the others 1 + 9; the authors'
    regularisation adds the forward-noised reference once per step."""
    z0, cond = _model_inputs(tiny, seed=2)
    schedule = DDIMSchedule(tiny.scheduler_config, 4)
    first = sum(1 for t in schedule.timesteps if t < 250)
    for settings, reference in ((ReNoiseSettings(divergence=None), 1), (ReNoiseSettings.for_steps(4), 0)):
        predict = NoisePredictor(tiny.unet)
        invert(Method.RENOISE, predict, schedule, z0, cond, cond, NullTextSettings(guidance=1.0), renoise=settings)
        assert predict.evaluations == first * (6 + reference) + (4 - first) * (10 + reference)
    predict = NoisePredictor(tiny.unet)  # without guidance the app re-evaluates three times per step
    invert(Method.RENOISE, predict, schedule, z0, cond, cond, NullTextSettings(guidance=0.0))
    assert predict.evaluations == 4 * (1 + 3)


def test_a_diverging_step_keeps_plain_ddim_inversions_estimate(tiny) -> None:
    """The authors' regularisation on a random-weight model makes the iteration run away; the guard
    stops it and keeps the first estimate, plain DDIM inversion's."""
    z0, cond = _model_inputs(tiny, seed=3)
    schedule = DDIMSchedule(tiny.scheduler_config, 4)
    predict = NoisePredictor(tiny.unet)
    wild = invert(Method.RENOISE, predict, schedule, z0, cond, cond, NullTextSettings(guidance=1.0),
                  renoise=ReNoiseSettings(divergence=None))
    guarded = invert(Method.RENOISE, predict, schedule, z0, cond, cond, NullTextSettings(guidance=1.0),
                     renoise=ReNoiseSettings(divergence=1.0))
    ddim = ddim_invert(predict, schedule, z0, cond)
    assert float(wild.noise.std()) > 1.5 * float(ddim[0].std())
    assert float(guarded.noise.std()) < 1.1 * float(ddim[0].std())
    step = StepModel(predict, schedule.timesteps[3], cond, cond, 1.0)
    lower, forward = z0.float(), schedule.add_noise(z0.float(), torch.randn(z0.shape), 3)
    with torch.no_grad():
        # a factor below 1 calls the first residual divergent: what is kept then is plain DDIM's step
        kept = renoise_step(step, schedule, 3, lower, forward, ReNoiseSettings(divergence=0.5, regularise_steps=0),
                            torch.Generator())
    assert torch.equal(kept, ddim[-2])
