"""What a loaded model suggests for the settings that depend on it: few-step models (SD-Turbo,
SDXL-Turbo, LCM and LCM-LoRA, Lightning and Hyper-SD LoRAs) edit with ReNoise at their own step
count and guidance; every other model keeps the papers' defaults."""

from __future__ import annotations

import re
from collections.abc import Iterable

from inversion import Sampler
from p2p_studio.core.settings import FEW_STEPS, Method, ModelDefaults
from p2p_studio.core.text import Message
from p2p_studio.engine.model import LoadedModel

#: Guidance of an LCM model with a guidance embedding (the scale goes in as a condition, not as
#: classifier-free guidance): ``LatentConsistencyModelPipeline``'s default.
LCM_EMBEDDED_GUIDANCE = 8.5
#: An LCM-LoRA runs without classifier-free guidance (1 or below: the conditional half alone).
LCM_LORA_GUIDANCE = 1.0
#: Words in a model's or LoRA's name that mark a few-step distillation.
FEW_STEP_WORDS = ("turbo", "lcm", "lightning", "hyper-sd", "hypersd")
_STEPS_IN_NAME = re.compile(r"(?<![0-9])([1-8])[-_ ]?steps?(?![a-z])")


def model_defaults(model: LoadedModel) -> ModelDefaults:
    """The defaults of *model*: see the module's docstring. The evidence is the sampler (LCM), the
    scheduler config (trailing timesteps with an Euler sampler: the Turbo models) and the names of
    the model and its LoRAs (a LoRA's name says how many steps it was distilled for, e.g.
    ``sdxl_lightning_4step_lora``)."""
    names = [model.name, *(lora.name for lora in model.loras)]
    sampler = Sampler(model.sampler)
    steps = steps_in_names(names) or FEW_STEPS
    if sampler is Sampler.LCM:
        embedded = getattr(model.unet.config, "time_cond_proj_dim", None) is not None
        guidance = LCM_EMBEDDED_GUIDANCE if embedded else LCM_LORA_GUIDANCE
        return ModelDefaults(steps, guidance, Method.RENOISE, Message.of("a few-step model (LCM)"))
    trailing = str(model.scheduler_config.get("timestep_spacing", "")) == "trailing"
    if (trailing and sampler in (Sampler.EULER, Sampler.EULER_ANCESTRAL)) or few_step_name(names):
        return ModelDefaults(steps, 0.0, Method.RENOISE, Message.of("a few-step model"))
    return ModelDefaults()


def few_step_name(names: Iterable[str]) -> bool:
    """Whether a name among *names* marks a few-step distillation."""
    return any(word in name.lower() for name in names for word in FEW_STEP_WORDS)


def steps_in_names(names: Iterable[str]) -> int | None:
    """The step count a name among *names* states (``4step``, ``8-steps``; 1 to 8), else ``None``."""
    for name in names:
        found = _STEPS_IN_NAME.search(name.lower())
        if found:
            return int(found.group(1))
    return None
