"""``p2p-studio --self-test``: prove that an installation works, end to end, without a display.

Runs the real app offscreen in a temporary data folder: the first-run path loads the bundled demo
model, opens the bundled sample photo, inverts it and runs its edit on the engine thread; the
result is then exported as a recipe PNG, read back and checked. One line goes to stdout on
success (exit 0), one line to stderr on failure (exit 1). Used by the installers' tests, and by
users who want to know whether a machine can run P2P Studio.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from p2p_studio import __version__
from p2p_studio.core.recipe import Recipe
from p2p_studio.core.resources import MODEL_ENV

#: Seconds the whole check may take (a cold start on a slow laptop, not a benchmark).
TIME_LIMIT_S = 600.0


class SelfTestError(RuntimeError):
    """A self-test step failed; the message says which and why."""


def _wait(app, done: Callable[[], bool], errors: list[str], what: str, deadline: float) -> None:
    while not done():
        if errors:
            raise SelfTestError(f"{what}: {errors[0]}")
        if time.monotonic() > deadline:
            raise SelfTestError(f"{what}: no result after {TIME_LIMIT_S:.0f} s")
        app.processEvents()
        time.sleep(0.02)


def _check_result(result: Path, sample: Path, mask, recipe: Recipe | None) -> str:
    import numpy as np
    from PIL import Image

    with Image.open(result) as im:
        image = np.asarray(im.convert("RGB"))
    with Image.open(sample) as im:
        original = np.asarray(im.convert("RGB"))
    if image.shape != original.shape:
        raise SelfTestError(f"result is {image.shape[1]}×{image.shape[0]}, the photo {original.shape[1]}×"
                            f"{original.shape[0]}")
    outside = np.asarray(mask) == 0
    if not outside.any() or not np.array_equal(image[outside], original[outside]):
        raise SelfTestError("pixels outside the edit mask changed")
    if np.array_equal(image, original):
        raise SelfTestError("the edit changed nothing")
    if recipe is None or not recipe.edit:
        raise SelfTestError("the saved PNG carries no recipe")
    return f"the {1 - outside.mean():.0%} of the photo inside the mask edited, every pixel outside it kept"


def run_self_test(folder: Path) -> str:
    """Run the check in *folder*; return the success line or raise :class:`SelfTestError`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop(MODEL_ENV, None)  # the check is about the bundled demo model
    from p2p_studio.core.recipe import read_recipe
    from p2p_studio.ui.desktop import DesktopStudio, make_application

    app = make_application([sys.argv[0]])
    start, deadline = time.monotonic(), time.monotonic() + TIME_LIMIT_S
    studio = DesktopStudio(folder / "data")
    studio.window.show()  # offscreen: lays the window out as a user would see it (window.png)
    errors: list[str] = []
    studio.controller.error.connect(errors.append)
    studio.window.show_error = errors.append  # type: ignore[method-assign]  # errors end the check
    try:
        studio.start()
        _wait(app, lambda: len(studio.session.history) > 0, errors, "demo edit", deadline)
        item = studio.session.history[0]
        exported: list[str] = []
        studio.controller.exported.connect(exported.append)
        if studio.controller.export(item, folder / "result.png") is None:
            raise SelfTestError(errors[0] if errors else "export was refused")
        _wait(app, lambda: bool(exported), errors, "saving the result", deadline)
        recipe = read_recipe(Path(exported[0]))
        checked = _check_result(Path(exported[0]), studio.session.photo_path, item.mask, recipe)
        if studio.window.grab().save(str(folder / "window.png")) is False:
            raise SelfTestError("could not render the main window")
        model = studio.controller.model
    finally:
        studio.shutdown()
    spec, device = (model.choice.spec, model.device) if model is not None else ("?", "?")
    return (f"P2P Studio {__version__} self-test passed: {spec} model on {device}, sample photo inverted and "
            f"edited in {time.monotonic() - start:.1f} s, {checked}")


def main() -> int:
    """Run in a fresh temporary folder: removed after a pass, kept (and named) after a failure."""
    folder = Path(tempfile.mkdtemp(prefix="p2p-studio-self-test-"))
    try:
        line = run_self_test(folder)
    except Exception as exc:  # any failure is the answer, reported in one line
        text = " ".join(str(exc).split()) or type(exc).__name__
        print(f"P2P Studio {__version__} self-test FAILED: {text} (details in {folder})", file=sys.stderr)
        return 1
    shutil.rmtree(folder, ignore_errors=True)  # the check's own files, nothing of the user's
    print(line)
    return 0
