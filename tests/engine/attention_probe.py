"""Drive a controller through the attention path the processor uses, with chosen probabilities.

:meth:`AttentionControl.attend` gets ``query = log(probs)``, ``key = value = identity`` and scale
1, so the scores are ``log(probs)``, the probabilities it materialises are ``softmax(log probs)``
(``probs`` to float precision) and the layer's output *is* the probabilities it used: an exact
copy, since a product with the identity adds only zeros.
"""

from __future__ import annotations

import torch

from p2p_studio.engine.control import AttentionControl


def attend(ctl: AttentionControl, probs: torch.Tensor, is_cross: bool) -> torch.Tensor:
    """The probabilities ``(2P, heads, Q, K)`` the controlled layer used for the batch *probs*."""
    batch, heads, _, keys = probs.shape
    eye = torch.eye(keys).expand(batch, heads, keys, keys)
    return ctl.attend(probs.log(), eye, eye, None, 1.0, is_cross)


def record(ctl: AttentionControl, maps: torch.Tensor) -> None:
    """Record *maps* ``(P, Q, L)`` as one step's head-averaged cross-attention at the blend level."""
    ctl.recorder.add_cross(maps[:, None])
