"""ReNoise in the app: the method list offers it, picking it inverts with it and says so."""

from __future__ import annotations

import re

from p2p_studio.core.settings import Method


def test_picking_renoise_inverts_with_it(studio, wait_for, cat_file) -> None:
    panel = studio.window.panel
    assert Method.RENOISE.value in [panel.method.itemText(i) for i in range(panel.method.count())]
    panel.method.setCurrentText(Method.RENOISE.value)
    assert studio.session.settings.method is Method.RENOISE
    assert panel.method_hint.text() == Method.RENOISE.hint
    studio.controller.open_photo(cat_file)
    wait_for(lambda: studio.session.photo is not None)
    studio.session.set_caption("a cat sitting on a bench")
    wait_for(lambda: panel.inversion_label.text().startswith("Ready"), 120)
    studio.session.set_edit("a tiger sitting on a bench")
    studio.controller.queue_edit()
    wait_for(lambda: len(studio.session.history) == 1, 120)
    assert studio.session.history[0].settings.method is Method.RENOISE
    assert re.fullmatch(r"Ready \(renoise \d+\.\d dB — .+\)", panel.inversion_label.text())
    from test_app import _screenshot_folder

    studio.window.resize(1280, 800)
    assert studio.window.grab().save(str(_screenshot_folder() / "8-renoise-ready.png"))
