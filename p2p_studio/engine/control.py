"""Prompt-to-Prompt attention control through diffusers attention processors.

The UNet runs one batch ``[uncond x P; cond x P]`` for P prompts (source first). A single
:class:`ControlledAttnProcessor` is installed on every attention layer with
``set_attn_processor`` inside :func:`controlled_attention`, which restores the previous
processors on exit, error or cancel. Layers whose maps are not needed at the current step run
fused ``scaled_dot_product_attention``; only the others materialise attention probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from diffusers import UNet2DConditionModel
from diffusers.models.attention_processor import Attention

from p2p_studio.core.settings import BlendMaps, EditSettings, MaskKind
from p2p_studio.engine.captions import Word
from p2p_studio.engine.plan import EditPlan, step_window

#: Propagation steps through self-attention for refined masks (see :meth:`AttentionControl._refine`).
REFINE_PASSES = 2


def _refine_level(latent_hw: tuple[int, int], scale: float, blend_factor: int, levels: int,
                  attention: frozenset[int] | None = None) -> int:
    """The refine level: *scale* of the latent side, but finer than the blend maps where it would
    not be (a refinement at the blend level itself still sharpens, so that is the coarsest). Where
    that level has no attention (SDXL's top level), the finest level between it and the blend's."""
    factor = min(_level(latent_hw, scale, levels), max(blend_factor // 2, 1))
    if attention is None or factor in attention:
        return factor
    return min((f for f in attention if factor < f <= blend_factor), default=factor)


def attention_levels(unet: UNet2DConditionModel) -> frozenset[int]:
    """Downsampling factors of the UNet levels that have attention layers (SDXL has none at 1)."""
    blocks = list(unet.config.down_block_types)
    factors = {1 << i for i, name in enumerate(blocks) if "CrossAttn" in name}
    if "CrossAttn" in str(unet.config.mid_block_type or ""):
        factors.add(1 << (len(blocks) - 1))
    return frozenset(factors)


def _level(latent_hw: tuple[int, int], scale: float, levels: int) -> int:
    """Downsampling factor of the UNet level closest to ``scale`` x the latent side."""
    exponent = min(max(round(-math.log2(scale)), 0), levels - 1)
    return 1 << exponent


def _blend_level(latent_hw: tuple[int, int], scale: float, min_side: int, levels: int,
                 attention: frozenset[int] | None = None) -> int:
    """Like :func:`_level`, but finer where that level's maps would have under *min_side*
    positions per side: on a 4x4 map the 3x3 max-pool alone covers most of the image. Never a
    level without attention: the nearest one that has it, the finer of two."""
    factor = _level(latent_hw, scale, levels)
    while factor > 1 and min(latent_hw) // factor < min_side:
        factor //= 2
    if attention is None or not attention or factor in attention:
        return factor
    return min(attention, key=lambda f: (abs(math.log2(f / factor)), f))


def _token_mask(words: tuple[Word, ...], length: int) -> torch.Tensor:
    mask = torch.zeros(length)
    for w in words:
        mask[w.start : w.end] = 1.0
    return mask


@dataclass(frozen=True)
class MapGrid:
    """Geometry of the latent and of the maps used for blending and display."""

    latent_hw: tuple[int, int]
    blend_factor: int
    self_factor: int
    #: Level of the self-attention maps that refine the mask (never coarser than the blend maps).
    refine_factor: int = 1

    @property
    def blend_hw(self) -> tuple[int, int]:
        return self.hw(self.blend_factor)

    @property
    def refine_hw(self) -> tuple[int, int]:
        return self.hw(self.refine_factor)

    def hw(self, factor: int) -> tuple[int, int]:
        h, w = self.latent_hw
        return h // factor, w // factor

    def positions(self, factor: int) -> int:
        h, w = self.latent_hw
        return (h // factor) * (w // factor)


class AttentionControl:
    """Edits and records attention for one batched P2P run (source prompt + edited prompts)."""

    def __init__(
        self, plans: list[EditPlan], settings: EditSettings, latent_hw: tuple[int, int], unet_levels: int,
        length: int, user_masks: list[torch.Tensor | None] | None = None,
        attention: frozenset[int] | None = None,
    ) -> None:
        """*user_masks*: per edit, a hand-made ``(h, w)`` bool mask at latent size that replaces
        the attention-derived blend mask (``None`` entries keep the derived one). *attention*: the
        levels that have attention layers (:func:`attention_levels`; ``None``: every level)."""
        self.plans = plans
        self.user_masks = list(user_masks) if user_masks is not None else [None] * len(plans)
        if len(self.user_masks) != len(plans):
            raise ValueError(f"{len(self.user_masks)} user masks for {len(plans)} edits")
        self.settings = settings
        self.prompts = 1 + len(plans)
        self.length = length
        blend_factor = _blend_level(latent_hw, settings.blend_scale, settings.blend_min_side, unet_levels, attention)
        self.grid = MapGrid(
            latent_hw, blend_factor=blend_factor,
            self_factor=_level(latent_hw, settings.self_max_scale, unet_levels),
            refine_factor=_refine_level(latent_hw, settings.refine_scale, blend_factor, unet_levels, attention),
        )
        self.step = 0
        if plans:
            self.matrix = torch.stack([p.token_map.matrix for p in plans])
            self.keep_own = torch.stack([p.token_map.keep_own for p in plans])
            self.weights = torch.stack([p.weights for p in plans])
            self.cross_steps = torch.stack([p.cross_steps for p in plans])
        #: Self-attention is injected while any edit's window is open; each edit has its own.
        self.self_steps = max((p.self_steps for p in plans), default=0)
        self._self_active = torch.zeros(len(plans), dtype=torch.bool)
        self._cross_active: torch.Tensor | None = None
        self.store: torch.Tensor | None = None  # (P, Q_blend, L) running sum
        self.store_count = 0
        self.masks: torch.Tensor | None = None  # (E, h, w) bool, last local-blend mask
        self._record_injected = settings.blend_maps is BlendMaps.INJECTED
        #: Refined masks record the cond half's self-attention at the refine level (head-averaged,
        #: summed over steps: ``(P, Q, Q)``, flat in steps) when some edit derives its mask.
        self.refines = settings.mask is MaskKind.REFINED and any(
            p.local_blend and u is None for p, u in zip(plans, self.user_masks, strict=True))
        self.self_store: torch.Tensor | None = None
        self.self_count = 0

    @property
    def blend_start(self) -> int:
        """The first step any edit blends (each edit from its plan's ``blend_start``)."""
        return min((p.blend_start for p in self.plans), default=step_window(self.settings.steps,
                                                                             self.settings.blend_start))

    # --- scheduling -----------------------------------------------------------------------
    def begin_step(self, step: int) -> None:
        self.step = step
        active = None
        if self.plans and step < self.cross_steps.shape[1]:
            active = self.cross_steps[:, step, :]
            active = active if bool(active.any()) else None
        self._cross_active = active
        self._self_active = torch.tensor([step < p.self_steps for p in self.plans], dtype=torch.bool)

    def needs_probs(self, is_cross: bool, positions: int) -> bool:
        """Whether a layer with *positions* query positions must materialise probabilities."""
        if is_cross:
            return self._cross_active is not None or positions == self.grid.positions(self.grid.blend_factor)
        return self.injects_self(is_cross, positions) or self._records_self(positions)

    def injects_self(self, is_cross: bool, positions: int) -> bool:
        """Whether a self-attention layer copies the source's maps into the edited prompts."""
        return (not is_cross and self.prompts > 1 and self.step < self.self_steps
                and positions <= self.grid.positions(self.grid.self_factor))

    def source_self_only(self, is_cross: bool, positions: int) -> bool:
        """Whether every edited prompt takes the source's self-attention now, so only the source's
        probabilities are computed (edits of one run with different windows compute their own)."""
        return self.injects_self(is_cross, positions) and bool(self._self_active.all())

    def _records_self(self, positions: int) -> bool:
        return self.refines and positions == self.grid.positions(self.grid.refine_factor)

    # --- editing --------------------------------------------------------------------------
    def process(self, probs: torch.Tensor, is_cross: bool) -> torch.Tensor:
        """Record and edit ``probs`` of shape ``(2P, heads, Q, K)``; returns the probabilities to use.

        Only the conditional half is read or edited; the processor calls :meth:`edit_cond` on that
        half alone (this form is for tests and for callers holding the whole batch).
        """
        p = self.prompts
        if probs.shape[0] != 2 * p:
            return probs
        out = probs.clone()
        if self.source_self_only(is_cross, probs.shape[2]):
            out[p + 1:] = probs[p:p + 1]
            self.edit_cond(probs[p:p + 1], is_cross)
        else:
            out[p:] = self.edit_cond(probs[p:].clone(), is_cross)
        return out

    def edit_cond(self, cond: torch.Tensor, is_cross: bool) -> torch.Tensor:
        """Record and edit the conditional probabilities ``(P, heads, Q, K)`` of an attention layer,
        in place where possible; returns the probabilities to use. A self-attention layer where
        every edit injects passes the source's probabilities alone (``P = 1``): every prompt uses them."""
        if not is_cross:
            if cond.shape[0] == self.prompts and self.injects_self(is_cross, cond.shape[2]):
                cond[1:][self._self_active.to(cond.device)] = cond[0]
            if self._records_self(cond.shape[2]):
                self._record_self(cond)
            return cond
        record = cond.shape[2] == self.grid.positions(self.grid.blend_factor)
        if record and not self._record_injected:
            self._record(cond)
        if self._cross_active is not None:
            self._edit_cross(cond, self._cross_active)
        if record and self._record_injected:
            self._record(cond)
        return cond

    def _edit_cross(self, cond: torch.Tensor, active_now: torch.Tensor) -> None:
        src, own = cond[0], cond[1:]
        dev = cond.device
        replaced = torch.einsum("hqs,est->ehqt", src, self.matrix.to(dev, src.dtype))
        base = torch.where(self.keep_own.to(dev)[:, None, None, :], own, replaced)
        base.mul_(self.weights.to(dev, src.dtype)[:, None, None, :])
        cond[1:] = torch.where(active_now.to(dev)[:, None, None, :], base, own)

    def _record(self, cond: torch.Tensor) -> None:
        mean = cond.detach().float().mean(1)  # (P, Q, L): average over heads
        self.store = mean.clone() if self.store is None else self.store.add_(mean)
        self.store_count += 1

    def _record_self(self, cond: torch.Tensor) -> None:
        mean = cond.detach().float().mean(1)  # (P or 1, Q, Q)
        if self.self_store is None:
            self.self_store = mean.expand(self.prompts, -1, -1).clone()
        else:
            self.self_store.add_(mean)
        self.self_count += 1

    # --- maps and local blend -------------------------------------------------------------
    def attention_maps(self) -> torch.Tensor | None:
        """Average cross-attention maps so far, ``(P, L, h, w)`` at the blend resolution."""
        if self.store is None:
            return None
        h, w = self.grid.blend_hw
        avg = self.store / max(self.store_count, 1)
        return avg.reshape(self.prompts, h, w, -1).permute(0, 3, 1, 2).cpu()

    def _word_map(self, maps: torch.Tensor, prompt: int, words: tuple[Word, ...]) -> torch.Tensor:
        weights = _token_mask(words, maps.shape[1]).to(maps.device)
        return (maps[prompt] * weights[:, None, None]).sum(0)

    def _score(self, maps: torch.Tensor, prompt: int, words: tuple[Word, ...], pool: bool) -> torch.Tensor:
        """The map a word mask is cut from: the reference's (max-pooled where *pool*) cross-attention
        map at the blend level, or that map propagated through the prompt's self-attention."""
        m = self._word_map(maps, prompt, words)
        if self._refined:
            return self._refine(m, prompt)
        if pool:
            m = F.max_pool2d(m[None, None], 3, stride=1, padding=1)[0, 0]
        return m

    @property
    def _refined(self) -> bool:
        """Whether masks are refined now: asked for, and self-attention maps were recorded (a UNet
        without attention at the refine level leaves the reference mask)."""
        return self.refines and self.self_store is not None

    def _refine(self, m: torch.Tensor, prompt: int) -> torch.Tensor:
        """``A @ m``: each position takes the word-map value of the positions it attends to, where
        ``A`` is the prompt's head- and step-averaged self-attention at the refine level. Attention
        stays within an object, so the product keeps the map's extent but takes the object's edges."""
        assert self.self_store is not None
        h, w = self.grid.refine_hw
        m = F.interpolate(m[None, None], size=(h, w), mode="bilinear", align_corners=False).reshape(-1)
        m = (m - m.min()) / (m.max() - m.min()).clamp_min(1e-12)
        attention = self.self_store[prompt] / max(self.self_count, 1)
        for _ in range(REFINE_PASSES):
            m = attention @ m
        return m.reshape(h, w)

    def _threshold(self, m: torch.Tensor, threshold: float, size: tuple[int, int]) -> torch.Tensor:
        """A score map upsampled (bilinear, not the reference code's nearest: map cells would show
        as steps) to *size* and cut at *threshold* of its range."""
        m = F.interpolate(m[None, None], size=size, mode="bilinear", align_corners=False)[0, 0]
        floor = m.min() if self.settings.mask_from_floor else m.new_zeros(())
        span = m.max() - floor
        if span <= 0:
            return torch.zeros_like(m, dtype=torch.bool)
        return (m - floor) / span > threshold

    def blend_masks(self) -> torch.Tensor | None:
        """Per edit at the latent's size: union of source and target word masks, minus the
        subtract-word mask. This mask steers the latent blend, so it leaves the edit room to form."""
        return self._masks(self.grid.latent_hw, self.settings.threshold)

    def outline_masks(self, size: tuple[int, int]) -> torch.Tensor | None:
        """The masks cut at *size* (h, w) for the photo-size composite. A refined mask is cut at
        ``outline_threshold`` of the same maps: the objects' outline rather than the blend's margin."""
        return self._masks(size, self.settings.outline_threshold if self._refined else self.settings.threshold)

    def _masks(self, size: tuple[int, int], threshold: float) -> torch.Tensor | None:
        maps = self.attention_maps()
        if maps is None or not self.plans:
            return None
        masks = []
        for e, plan in enumerate(self.plans, start=1):
            mask = self._threshold(self._score(maps, 0, plan.blend_source, True), threshold, size)
            mask |= self._threshold(self._score(maps, e, plan.blend_target, True), threshold, size)
            if plan.subtract_source or plan.subtract_target:
                # each caption's map thresholded on its own (no pooling), then their union
                limit = self.settings.subtract_threshold
                sub = self._threshold(self._score(maps, 0, plan.subtract_source, False), limit, size)
                sub |= self._threshold(self._score(maps, e, plan.subtract_target, False), limit, size)
                mask &= ~sub
            masks.append(mask)
        return torch.stack(masks)

    def blends(self, edit: int) -> bool:
        """Whether local blend applies to edit *edit* (0-based): a user mask, or blend words."""
        return self.user_masks[edit] is not None or self.plans[edit].local_blend

    def blended(self, edit: int) -> bool:
        """Whether edit *edit* was blended by the steps run so far (its blend start was reached)."""
        return self.blends(edit) and self.plans[edit].blend_start <= self.step

    def current_masks(self) -> torch.Tensor | None:
        """``(E, h, w)`` masks now in force: user masks where given, else attention-derived."""
        derived = self.blend_masks() if any(m is None for m in self.user_masks) else None
        if derived is None and any(m is None for m in self.user_masks):
            return None
        h, w = self.grid.latent_hw
        rows = []
        for e, user in enumerate(self.user_masks):
            if user is not None:
                rows.append(user.to(torch.bool).reshape(h, w))
            elif derived is not None:
                rows.append(derived[e])
        return torch.stack(rows)

    def blend(self, latents: torch.Tensor) -> torch.Tensor:
        """Local blend after a scheduler step: outside the mask, edited latents := source latents."""
        now = [e for e in range(len(self.plans)) if self.blended(e)]
        if not now:
            return latents
        masks = self.current_masks()
        if masks is None:
            return latents
        self.masks = masks
        out = latents.clone()
        for e in now:
            out[e + 1] = torch.where(masks[e].to(latents.device)[None], latents[e + 1], latents[0])
        return out


class ControlledAttnProcessor:
    """A diffusers attention processor that lets an :class:`AttentionControl` see and edit
    attention probabilities; everywhere else it is plain fused attention."""

    def __init__(self, controller: AttentionControl) -> None:
        self.controller = controller

    def __call__(
        self,
        attn: Attention,
        hidden_states: torch.Tensor,
        encoder_hidden_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        temb: torch.Tensor | None = None,
        *args: object,
        **kwargs: object,
    ) -> torch.Tensor:
        residual = hidden_states
        if attn.spatial_norm is not None:
            hidden_states = attn.spatial_norm(hidden_states, temb)
        input_ndim = hidden_states.ndim
        if input_ndim == 4:
            batch, channel, height, width = hidden_states.shape
            hidden_states = hidden_states.view(batch, channel, height * width).transpose(1, 2)
        is_cross = encoder_hidden_states is not None
        batch = hidden_states.shape[0]
        if attention_mask is not None:
            key_len = (encoder_hidden_states if encoder_hidden_states is not None else hidden_states).shape[1]
            attention_mask = attn.prepare_attention_mask(attention_mask, key_len, batch)
            attention_mask = attention_mask.view(batch, attn.heads, -1, attention_mask.shape[-1])
        if attn.group_norm is not None:
            hidden_states = attn.group_norm(hidden_states.transpose(1, 2)).transpose(1, 2)

        query = attn.to_q(hidden_states)
        context = hidden_states
        if encoder_hidden_states is not None:
            context = encoder_hidden_states
            if attn.norm_cross:
                context = attn.norm_encoder_hidden_states(context)
        key, value = attn.to_k(context), attn.to_v(context)
        head_dim = key.shape[-1] // attn.heads

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, -1, attn.heads, head_dim).transpose(1, 2)

        query, key, value = heads(query), heads(key), heads(value)
        if attn.norm_q is not None:
            query = attn.norm_q(query)
        if attn.norm_k is not None:
            key = attn.norm_k(key)

        control = self.controller
        p = control.prompts
        if batch == 2 * p and control.needs_probs(is_cross, query.shape[2]):
            # The unconditional half is neither read nor edited: fused attention.
            out = torch.empty_like(query)
            uncond_mask = attention_mask[:p] if attention_mask is not None else None
            out[:p] = F.scaled_dot_product_attention(query[:p], key[:p], value[:p], attn_mask=uncond_mask,
                                                     scale=attn.scale)
            cond_mask = attention_mask[p:] if attention_mask is not None else None
            if control.source_self_only(is_cross, query.shape[2]):
                # every edited prompt takes the source's self-attention: its own is never computed
                probs = control.edit_cond(_probabilities(query[p:p + 1], key[p:p + 1], attn.scale, cond_mask),
                                          is_cross)
                out[p:] = torch.matmul(probs.to(value.dtype), value[p:])
            else:
                probs = control.edit_cond(_probabilities(query[p:], key[p:], attn.scale, cond_mask), is_cross)
                out[p:] = torch.matmul(probs.to(value.dtype), value[p:])
        else:
            out = F.scaled_dot_product_attention(query, key, value, attn_mask=attention_mask, scale=attn.scale)

        out = out.transpose(1, 2).reshape(batch, -1, attn.heads * head_dim).to(query.dtype)
        projected: torch.Tensor = attn.to_out[1](attn.to_out[0](out))
        if input_ndim == 4:
            projected = projected.transpose(-1, -2).reshape(batch, channel, height, width)
        if attn.residual_connection:
            projected = projected + residual
        return projected / float(attn.rescale_output_factor)


def _probabilities(query: torch.Tensor, key: torch.Tensor, scale: float,
                   mask: torch.Tensor | None) -> torch.Tensor:
    """fp32 attention probabilities ``softmax(scale * q k^T + mask)``."""
    scores = torch.matmul(query.float() * scale, key.float().transpose(-1, -2))
    if mask is not None:
        scores = scores + mask.float()
    return scores.softmax(dim=-1)


@contextmanager
def controlled_attention(unet: UNet2DConditionModel, controller: AttentionControl) -> Iterator[AttentionControl]:
    """Install the controller on every attention layer; restore the previous processors after."""
    previous = dict(unet.attn_processors)
    unet.set_attn_processor(ControlledAttnProcessor(controller))
    try:
        yield controller
    finally:
        unet.set_attn_processor(dict(previous))
