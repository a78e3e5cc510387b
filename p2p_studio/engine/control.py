"""Prompt-to-Prompt attention control through diffusers attention processors.

The UNet runs one batch ``[uncond x P; cond x P]`` for P prompts (source first), or
``[cond x P]`` at a guidance of 1 or below. A single
:class:`ControlledAttnProcessor` is installed on every attention layer with
``set_attn_processor`` inside :func:`controlled_attention`, which restores the previous
processors on exit, error or cancel. :class:`AttentionControl` decides per layer and step
(:class:`LayerCase`) whether fused attention runs or the conditional half's probabilities are
materialised, then hands them to its parts: :class:`~p2p_studio.engine.windows.StepWindows`
(what is open at this step), :class:`~p2p_studio.engine.recorder.MapRecorder`,
:class:`~p2p_studio.engine.injector.AttentionInjector` and
:class:`~p2p_studio.engine.blend.LocalBlend` (with its
:class:`~p2p_studio.engine.masks.WordMasks`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from diffusers import UNet2DConditionModel
from diffusers.models.attention_processor import Attention

from p2p_studio.core.settings import BlendMaps, EditSettings, MaskKind
from p2p_studio.engine.blend import LocalBlend
from p2p_studio.engine.grid import MapGrid
from p2p_studio.engine.injector import AttentionInjector
from p2p_studio.engine.masks import WordMasks
from p2p_studio.engine.plan import EditPlan
from p2p_studio.engine.recorder import MapRecorder
from p2p_studio.engine.windows import StepWindows


class LayerCase(enum.Enum):
    """How one attention layer runs at the current step."""

    #: Nothing to read or edit: fused attention for the whole batch.
    FUSED = "fused"
    #: The conditional half's probabilities are materialised, recorded and edited.
    CONDITIONAL = "conditional"
    #: Every edit takes the source's self-attention: only the source's probabilities are computed.
    SOURCE_ONLY = "source only"


class AttentionControl:
    """Edits and records attention for one batched P2P run (source caption + edited captions)."""

    def __init__(
        self, plans: list[EditPlan], settings: EditSettings, latent_hw: tuple[int, int], unet_levels: int,
        user_masks: list[torch.Tensor | None] | None = None, attention: frozenset[int] | None = None,
    ) -> None:
        """*user_masks*: see :class:`LocalBlend`. *attention*: the UNet levels that have attention
        layers (:func:`~p2p_studio.engine.grid.attention_levels`; ``None``: every level)."""
        self.prompts = 1 + len(plans)
        self.grid = MapGrid.of(latent_hw, settings, unet_levels, attention)
        self.windows = StepWindows(plans)
        self.injector = AttentionInjector(plans)
        users: list[torch.Tensor | None] = list(user_masks) if user_masks is not None else [None] * len(plans)
        derived = [p for p, u in zip(plans, users, strict=False) if p.local_blend and u is None]
        refines = settings.mask is MaskKind.REFINED and bool(derived)
        self.recorder = MapRecorder(self.prompts, self.grid, records_self=refines,
                                    self_from=refine_start(derived) if refines else 0)
        self.blender = LocalBlend(plans, WordMasks(plans, settings, self.recorder), users)
        self._records_injected = settings.blend_maps is BlendMaps.INJECTED

    def begin_step(self, step: int) -> None:
        self.windows.begin(step)
        self.recorder.begin(step)

    def case(self, is_cross: bool, positions: int) -> LayerCase:
        """How a layer with *positions* query positions runs now."""
        if is_cross:
            needed = self.windows.cross_now is not None or self.recorder.takes_cross(positions)
            return LayerCase.CONDITIONAL if needed else LayerCase.FUSED
        if self._injects_self(positions):
            return LayerCase.SOURCE_ONLY if self.windows.self_open_for_all else LayerCase.CONDITIONAL
        return LayerCase.CONDITIONAL if self.recorder.takes_self(positions) else LayerCase.FUSED

    def _injects_self(self, positions: int) -> bool:
        return self.windows.self_open and positions <= self.grid.positions(self.grid.self_factor)

    def edit(self, cond: torch.Tensor, is_cross: bool) -> torch.Tensor:
        """Record and edit the conditional probabilities ``(P, heads, Q, K)`` of a layer in place;
        returns them. In the :attr:`LayerCase.SOURCE_ONLY` case only the source's row is passed."""
        positions = cond.shape[2]
        if not is_cross:
            if cond.shape[0] == self.prompts and self._injects_self(positions):
                self.injector.copy_self(cond, self.windows.self_now)
            if self.recorder.takes_self(positions):
                self.recorder.add_self(cond)
            return cond
        records = self.recorder.takes_cross(positions)
        if records and not self._records_injected:
            self.recorder.add_cross(cond)
        if self.windows.cross_now is not None:
            self.injector.replace_cross(cond, self.windows.cross_now)
        if records and self._records_injected:
            self.recorder.add_cross(cond)
        return cond

    def attend(self, query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, mask: torch.Tensor | None,
               scale: float, is_cross: bool) -> torch.Tensor:
        """Attention of a whole batch ``(B, heads, Q, d)``, controlled where :meth:`case` says so.
        The batch is ``[uncond x P; cond x P]``, or ``[cond x P]`` where guidance needs no
        unconditional half; the unconditional half always runs fused (it is neither read nor edited)."""
        p, batch = self.prompts, query.shape[0]
        case = self.case(is_cross, query.shape[2]) if batch in (p, 2 * p) else LayerCase.FUSED
        if case is LayerCase.FUSED:
            return F.scaled_dot_product_attention(query, key, value, attn_mask=mask, scale=scale)
        out = query.new_empty((*query.shape[:-1], value.shape[-1]))
        c = batch - p  # the first conditional row
        if c:
            out[:c] = F.scaled_dot_product_attention(query[:c], key[:c], value[:c], attn_mask=_rows(mask, 0, c),
                                                     scale=scale)
        end = c + 1 if case is LayerCase.SOURCE_ONLY else batch
        probs = self.edit(_probabilities(query[c:end], key[c:end], scale, _rows(mask, c, end)), is_cross)
        out[c:] = torch.matmul(probs.to(value.dtype), value[c:])  # one source row broadcasts to every prompt
        return out


def refine_start(plans: list[EditPlan]) -> int:
    """The first step whose self-attention refined masks average: the earliest local blend's start
    (no mask is read before it; the last step where a blend starts at the end, for the composite)."""
    return min(min(p.blend_start, p.steps - 1) for p in plans)


def _rows(mask: torch.Tensor | None, start: int, end: int) -> torch.Tensor | None:
    return mask[start:end] if mask is not None else None


def _probabilities(query: torch.Tensor, key: torch.Tensor, scale: float,
                   mask: torch.Tensor | None) -> torch.Tensor:
    """fp32 attention probabilities ``softmax(scale * q k^T + mask)``."""
    scores = torch.matmul(query.float() * scale, key.float().transpose(-1, -2))
    if mask is not None:
        scores = scores + mask.float()
    if scores.requires_grad:
        return scores.softmax(dim=-1)
    return torch.softmax(scores, dim=-1, out=scores)  # in place: a fifth faster on large self-attention maps


@dataclass
class _Inputs:
    """One layer's projected, head-split inputs and what its output needs to be put back."""

    query: torch.Tensor
    key: torch.Tensor
    value: torch.Tensor
    mask: torch.Tensor | None
    residual: torch.Tensor
    #: ``(B, C, H, W)`` of a 4-d input (a 2-d attention block), else ``None``.
    image_shape: torch.Size | None


class ControlledAttnProcessor:
    """A diffusers attention processor that lets an :class:`AttentionControl` see and edit
    attention probabilities; everywhere else it is plain fused attention (diffusers'
    ``AttnProcessor2_0``, which it equals where nothing is edited)."""

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
        inputs = _project(attn, hidden_states, encoder_hidden_states, attention_mask, temb)
        out = self.controller.attend(inputs.query, inputs.key, inputs.value, inputs.mask, attn.scale,
                                     is_cross=encoder_hidden_states is not None)
        return _output(attn, out, inputs)


def _project(attn: Attention, hidden: torch.Tensor, context: torch.Tensor | None, mask: torch.Tensor | None,
             temb: torch.Tensor | None) -> _Inputs:
    """Normalise and project a layer's input into heads, as diffusers' ``AttnProcessor2_0`` does."""
    residual = hidden
    if attn.spatial_norm is not None:
        hidden = attn.spatial_norm(hidden, temb)
    image_shape = hidden.shape if hidden.ndim == 4 else None
    if image_shape is not None:
        hidden = hidden.view(image_shape[0], image_shape[1], -1).transpose(1, 2)
    batch = hidden.shape[0]
    if mask is not None:
        key_len = (context if context is not None else hidden).shape[1]
        mask = attn.prepare_attention_mask(mask, key_len, batch)
        mask = mask.view(batch, attn.heads, -1, mask.shape[-1])
    if attn.group_norm is not None:
        hidden = attn.group_norm(hidden.transpose(1, 2)).transpose(1, 2)
    query = attn.to_q(hidden)
    if context is None:
        context = hidden
    elif attn.norm_cross:
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
    return _Inputs(query, key, value, mask, residual, image_shape)


def _output(attn: Attention, out: torch.Tensor, inputs: _Inputs) -> torch.Tensor:
    """Merge heads, project out, restore a 4-d input's shape, add the residual, rescale."""
    batch = out.shape[0]
    out = out.transpose(1, 2).reshape(batch, -1, out.shape[1] * out.shape[-1]).to(inputs.query.dtype)
    projected: torch.Tensor = attn.to_out[1](attn.to_out[0](out))
    if inputs.image_shape is not None:
        projected = projected.transpose(-1, -2).reshape(inputs.image_shape)
    if attn.residual_connection:
        projected = projected + inputs.residual
    return projected / float(attn.rescale_output_factor)


@contextmanager
def controlled_attention(unet: UNet2DConditionModel, controller: AttentionControl) -> Iterator[AttentionControl]:
    """Install the controller on every attention layer; restore the previous processors after."""
    previous = dict(unet.attn_processors)
    unet.set_attn_processor(ControlledAttnProcessor(controller))
    try:
        yield controller
    finally:
        unet.set_attn_processor(dict(previous))
