"""Calling the UNet with fp32 inputs/outputs and classifier-free guidance."""

from __future__ import annotations

import torch


class NoisePredictor:
    """Runs a diffusers UNet in its own dtype while the caller works in fp32.

    Keeping latents, guidance and step arithmetic in fp32 is what keeps half-precision runs
    from collapsing to black images.
    """

    def __init__(self, unet: torch.nn.Module) -> None:
        self.unet = unet
        self.evaluations = 0
        config = getattr(unet, "config", None)
        #: SDXL-style UNets take a pooled text embedding and size/crop "time ids" besides the token
        #: states; the pooled embedding arrives as the last row of the text tensor.
        self.text_time = getattr(config, "addition_embed_type", None) == "text_time"
        #: Values per time id, and how many the pooled embedding and the time ids make together.
        self._per_time_id = int(getattr(config, "addition_time_embed_dim", 0) or 0)
        self._added_width = int(getattr(config, "projection_class_embeddings_input_dim", 0) or 0)
        #: ``(1, k)`` time ids for the photo being worked on (set per photo by the engine).
        self.time_ids: torch.Tensor | None = None

    @property
    def dtype(self) -> torch.dtype:
        return next(self.unet.parameters()).dtype

    @property
    def device(self) -> torch.device:
        return next(self.unet.parameters()).device

    def __call__(self, latents: torch.Tensor, timestep: int, embeddings: torch.Tensor) -> torch.Tensor:
        """Model output for a batch; *embeddings* is broadcast over the batch if it has one row."""
        if embeddings.shape[0] == 1 and latents.shape[0] > 1:
            embeddings = embeddings.expand(latents.shape[0], -1, -1)
        self.evaluations += latents.shape[0]
        extra: dict[str, object] = {}
        if self.text_time:
            embeddings, extra["added_cond_kwargs"] = self._split_pooled(embeddings)
        out: torch.Tensor = self.unet(
            latents.to(self.device, self.dtype),
            timestep,
            encoder_hidden_states=embeddings.to(self.device, self.dtype),
            return_dict=False,
            **extra,
        )[0]
        return out.float()

    def _split_pooled(self, embeddings: torch.Tensor) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """Token states and SDXL's added conditioning (pooled row, time ids) from one text tensor."""
        if self.time_ids is None:
            raise RuntimeError("this UNet needs time ids (the photo's size); none were set")
        n = embeddings.shape[0]
        time_ids = self.time_ids.to(self.device, self.dtype).expand(n, -1)
        width = self._added_width - self._per_time_id * time_ids.shape[1]
        pooled = embeddings[:, -1, :width].to(self.device, self.dtype)
        return embeddings[:, :-1], {"text_embeds": pooled, "time_ids": time_ids}

    def guided(
        self, latents: torch.Tensor, timestep: int, uncond: torch.Tensor, cond: torch.Tensor, scale: float
    ) -> torch.Tensor:
        """Classifier-free guided output: one UNet call on ``[uncond; cond]``."""
        n = latents.shape[0]
        uncond = uncond.expand(n, -1, -1) if uncond.shape[0] == 1 else uncond
        cond = cond.expand(n, -1, -1) if cond.shape[0] == 1 else cond
        out = self(torch.cat([latents, latents]), timestep, torch.cat([uncond, cond]))
        out_uncond, out_cond = out.chunk(2)
        return guide(out_uncond, out_cond, scale)


def guide(out_uncond: torch.Tensor, out_cond: torch.Tensor, scale: float) -> torch.Tensor:
    """Classifier-free guidance, ``u + w (c - u)``."""
    return out_uncond + scale * (out_cond - out_uncond)
