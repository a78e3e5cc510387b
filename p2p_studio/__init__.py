"""P2P Studio: edit real photos by editing their caption (Prompt-to-Prompt + null-text inversion)."""

__version__ = "0.1.0"
