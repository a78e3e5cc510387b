"""The launcher says so in one line when there is no display, instead of Qt's abort."""

from __future__ import annotations

import subprocess
import sys

import pytest

from p2p_studio.launcher import display_problem


@pytest.mark.parametrize(("env", "platform", "refused"), [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ""}, "linux", True),
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_a_missing_display_is_named(env, platform, refused) -> None:
    problem = display_problem(env, platform)
    assert (problem is not None) is refused
    if refused:
        assert problem.startswith("no display found (DISPLAY and WAYLAND_DISPLAY are unset)")
        assert "QT_QPA_PLATFORM=offscreen" in problem and "--self-test" in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_the_app_without_a_display_exits_with_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "p2p_studio.launcher"], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "p2p-studio: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset): use the command line "
        "(p2p-studio edit PHOTO --caption TEXT --edit TEXT), p2p-studio --self-test, or set QT_QPA_PLATFORM=offscreen"]


@pytest.mark.parametrize(("args", "photos"), [
    (["cat.png"], True),
    (["Holiday Photo.JPG", "b.gif"], True),
    (["notes.txt"], False),  # not a photo's name and no such file: the command line says what is wrong
    (["edit", "cat.png"], False),
    (["cat.png", "--caption", "a cat"], False),
    (["--version"], False),
    ([], False),
])
def test_photo_names_open_the_app_and_anything_else_is_a_command_line(args, photos) -> None:
    from p2p_studio.launcher import names_photos

    assert names_photos(args) is photos


def test_an_existing_file_of_any_name_opens_the_app(tmp_path) -> None:
    from p2p_studio.launcher import names_photos

    (tmp_path / "scan").write_bytes(b"")
    assert names_photos([str(tmp_path / "scan")])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_p2p_studio_with_a_photo_goes_to_the_app_not_to_the_command_line(tmp_path) -> None:
    done = subprocess.run([sys.executable, "-m", "p2p_studio.launcher", str(tmp_path / "cat.png")],
                          capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"})
    assert done.returncode == 2 and "invalid choice" not in done.stderr
    assert done.stderr.startswith("p2p-studio: error: no display found")
