"""The words the torch-free core and engine hand to the app (settings' labels and help, the hints
of methods, masks and detail, model presets, progress phases), marked for Qt's lupdate and
translated where they are shown. The core stays Qt-free; a test keeps this list complete.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from p2p_studio.core.results import Fidelity
from p2p_studio.core.text import Message

CONTEXT = "core"

MARKED = (
    QT_TRANSLATE_NOOP("core", "Steps"),
    QT_TRANSLATE_NOOP("core", "denoising steps"),
    QT_TRANSLATE_NOOP("core", "Guidance"),
    QT_TRANSLATE_NOOP("core", "classifier-free guidance scale (1 or below: none, the conditional prediction alone)"),
    QT_TRANSLATE_NOOP("core", "Cross-attention steps"),
    QT_TRANSLATE_NOOP("core", "fraction of steps (from the start) in which the caption's cross-attention maps are injected"),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "cross-attention fraction"),
    QT_TRANSLATE_NOOP("core", "fraction of steps in which one word's cross-attention map is injected"),
    QT_TRANSLATE_NOOP("core", "Self-attention steps"),
    QT_TRANSLATE_NOOP("core", "fraction of steps in which self-attention maps are injected"),
    QT_TRANSLATE_NOOP("core", "largest self-attention map injected, as a fraction of the latent side"),
    QT_TRANSLATE_NOOP("core", "Blend threshold"),
    QT_TRANSLATE_NOOP("core", "local-blend mask threshold"),
    QT_TRANSLATE_NOOP("core", "Blend start"),
    QT_TRANSLATE_NOOP("core", "fraction of steps before local blend starts"),
    QT_TRANSLATE_NOOP("core", "self-attention map side used to refine the mask, as a fraction of the latent side"),
    QT_TRANSLATE_NOOP("core", "Outline threshold"),
    QT_TRANSLATE_NOOP("core", "refined masks: threshold of the photo-size composite mask (lower keeps more around the object)"),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "threshold of the subtracted words' mask"),
    QT_TRANSLATE_NOOP("core", "blend-map side as a fraction of the latent side"),
    QT_TRANSLATE_NOOP("core", "smallest blend-map side in positions"),
    QT_TRANSLATE_NOOP("core", "mask edge softening in pixels"),
    QT_TRANSLATE_NOOP("core", "Seed"),
    QT_TRANSLATE_NOOP("core", "random seed (generate: the initial noise)"),
    QT_TRANSLATE_NOOP("core", "best fidelity; optimises the empty prompt per step (slowest)"),
    QT_TRANSLATE_NOOP("core", "fast (seconds): uses the caption as negative prompt (slightly less faithful)"),
    QT_TRANSLATE_NOOP("core", "fast (seconds): the source branch follows the inversion exactly"),
    QT_TRANSLATE_NOOP("core", "plain DDIM inversion; drifts at high guidance (for comparison)"),
    QT_TRANSLATE_NOOP("core", "fast and faithful at few steps: re-evaluates each inversion step (ReNoise)"),
    QT_TRANSLATE_NOOP("core", "follows the object's outline (self-attention refined)"),
    QT_TRANSLATE_NOOP("core", "the authors' coarse mask (cross-attention cells, max-pooled)"),
    QT_TRANSLATE_NOOP("core", "the region around the edit redrawn when the photo is well above the model's size and the edit small"),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "the whole photo at the model's size, scaled up (fastest)"),
    QT_TRANSLATE_NOOP("core", "the region around the edit, redrawn at the model's size whenever that adds detail"),
    QT_TRANSLATE_NOOP("core", "Demo"),
    QT_TRANSLATE_NOOP("core", "built in: knows only coloured shapes; 64 px, an edit in seconds on a CPU"),
    QT_TRANSLATE_NOOP("core", "Stable Diffusion 1.5"),
    QT_TRANSLATE_NOOP("core", "512 px, 50 steps; about 4.3 GB downloaded once"),
    QT_TRANSLATE_NOOP("core", "Stable Diffusion 2.1"),
    QT_TRANSLATE_NOOP("core", "768 px, 50 steps; about 5.2 GB downloaded once"),
    QT_TRANSLATE_NOOP("core", "SDXL"),
    QT_TRANSLATE_NOOP("core", "1024 px, 50 steps; about 14 GB downloaded once; a GPU with 12 GB or more"),
    QT_TRANSLATE_NOOP("core", "SD-Turbo (few-step)"),
    QT_TRANSLATE_NOOP("core", "512 px, 4 steps without guidance, ReNoise inversion; about 5.2 GB downloaded once"),
    QT_TRANSLATE_NOOP("core", "SDXL-Turbo (few-step)"),
    QT_TRANSLATE_NOOP("core", "512 px, 4 steps without guidance, ReNoise inversion; about 14 GB downloaded once; a GPU with 12 GB or more"),  # noqa: E501
    QT_TRANSLATE_NOOP("core", "Editing"),
    QT_TRANSLATE_NOOP("core", "Refining"),
    QT_TRANSLATE_NOOP("core", "Edited region"),
    QT_TRANSLATE_NOOP("core", "DDIM inversion"),
    QT_TRANSLATE_NOOP("core", "Direct inversion"),
    QT_TRANSLATE_NOOP("core", "Negative-prompt inversion"),
    QT_TRANSLATE_NOOP("core", "Null-text"),
    QT_TRANSLATE_NOOP("core", "ReNoise inversion"),
    QT_TRANSLATE_NOOP("core", "Noise correction"),
    QT_TRANSLATE_NOOP("core", "Loading model"),
    QT_TRANSLATE_NOOP("core", "Downloading model"),
    QT_TRANSLATE_NOOP("core", "Timing one UNet evaluation"),
    QT_TRANSLATE_NOOP("core", "Reading recipe"),
    QT_TRANSLATE_NOOP("core", "iter"),
    QT_TRANSLATE_NOOP("core", "faithful"),
    QT_TRANSLATE_NOOP("core", "fair"),
    QT_TRANSLATE_NOOP("core", "poor"),
    QT_TRANSLATE_NOOP("core", "try {method}"),
    QT_TRANSLATE_NOOP("core", "try {method} inversion for a closer reconstruction"),
    QT_TRANSLATE_NOOP("core", "check that the caption describes the photo, or use more steps"),
    QT_TRANSLATE_NOOP("core", "check that the caption describes the photo, or raise the null-text iterations"),
)

#: A progress line: the phase, then its counters ("DDIM inversion 3/50", "Downloading model 1.0 / 4.0 GB").
_PROGRESS = re.compile(r"^(?P<phase>.*?)(?P<rest> \d.*)?$")


def core_text(text: str) -> str:
    """*text* from the core in the user's language (as it is where there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def sentence(text: str) -> str:
    """*text* (a line of the core, which starts in lower case) with its first letter upper case,
    to stand on its own."""
    return text[:1].upper() + text[1:]


def message_text(message: Message) -> str:
    """A :class:`Message` of the core, engine or jobs in the user's language."""
    return message.render(core_text)


def fidelity_text(quality: Fidelity) -> str:
    """``null-text 31.2 dB — faithful`` in the user's language."""
    short = core_text(quality.short_template).format(method=quality.better.value)
    return f"{quality.method.value} {quality.psnr_db:.1f} dB — {short}"


def fidelity_hint(quality: Fidelity) -> str | None:
    """:attr:`Fidelity.hint` in the user's language."""
    template = quality.hint_template
    return core_text(template).format(method=quality.better.value) if template is not None else None


def progress_text(text: str) -> str:
    """A progress line with its phase translated ("Edited region: Refining 3/20": both parts)."""
    match = _PROGRESS.match(text)
    if match is None:
        return text
    phase = ": ".join(core_text(part) for part in match["phase"].split(": "))
    rest = (match["rest"] or "").replace("(iter ", "(" + core_text("iter") + " ")
    return phase + rest
