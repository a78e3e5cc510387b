"""Which UNet level each kind of attention map is taken from, for one latent size.

The blend maps (word masks, the word maps shown) come from about a quarter of the latent side,
never so coarse that a 3x3 pool covers most of the image; refined masks read self-attention one
level finer; self-attention is injected at and below ``self_max_scale``. Levels are the UNet's
downsampling factors (1, 2, 4, ...); a level without attention layers (SDXL's top one) is never
picked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from diffusers import UNet2DConditionModel

from p2p_studio.core.settings import EditSettings


def attention_levels(unet: UNet2DConditionModel) -> frozenset[int]:
    """Downsampling factors of the UNet levels that have attention layers (SDXL has none at 1)."""
    blocks = list(unet.config.down_block_types)
    factors = {1 << i for i, name in enumerate(blocks) if "CrossAttn" in name}
    if "CrossAttn" in str(unet.config.mid_block_type or ""):
        factors.add(1 << (len(blocks) - 1))
    return frozenset(factors)


def nearest_level(scale: float, levels: int) -> int:
    """Downsampling factor of the UNet level closest to ``scale`` x the latent side."""
    exponent = min(max(round(-math.log2(scale)), 0), levels - 1)
    return 1 << exponent


def blend_level(latent_hw: tuple[int, int], scale: float, min_side: int, levels: int,
                attention: frozenset[int] | None = None) -> int:
    """Like :func:`nearest_level`, but finer where that level's maps would have under *min_side*
    positions per side: on a 4x4 map the 3x3 max-pool alone covers most of the image. Never a
    level without attention: the nearest one that has it, the finer of two."""
    factor = nearest_level(scale, levels)
    while factor > 1 and min(latent_hw) // factor < min_side:
        factor //= 2
    if attention is None or not attention or factor in attention:
        return factor
    return min(attention, key=lambda f: (abs(math.log2(f / factor)), f))


def refine_level(scale: float, blend_factor: int, levels: int, attention: frozenset[int] | None = None) -> int:
    """The refine level: *scale* of the latent side, but finer than the blend maps where it would
    not be (a refinement at the blend level itself still sharpens, so that is the coarsest). Where
    that level has no attention (SDXL's top level), the finest level between it and the blend's."""
    factor = min(nearest_level(scale, levels), max(blend_factor // 2, 1))
    if attention is None or factor in attention:
        return factor
    return min((f for f in attention if factor < f <= blend_factor), default=factor)


@dataclass(frozen=True)
class MapGrid:
    """Geometry of the latent and the levels its attention maps are read at."""

    latent_hw: tuple[int, int]
    #: Level of the cross-attention maps that masks are cut from.
    blend_factor: int
    #: Self-attention is injected at this level and coarser ones.
    self_factor: int
    #: Level of the self-attention maps that refine the mask (never coarser than the blend maps).
    refine_factor: int = 1

    @classmethod
    def of(cls, latent_hw: tuple[int, int], settings: EditSettings, levels: int,
           attention: frozenset[int] | None = None) -> MapGrid:
        """The grid for a UNet with *levels* levels (*attention*: those with attention layers,
        ``None``: every level)."""
        blend = blend_level(latent_hw, settings.blend_scale, settings.blend_min_side, levels, attention)
        return cls(latent_hw, blend_factor=blend, self_factor=nearest_level(settings.self_max_scale, levels),
                   refine_factor=refine_level(settings.refine_scale, blend, levels, attention))

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
        h, w = self.hw(factor)
        return h * w
