"""Shared fixtures: tiny SD-shaped models (epsilon and v-prediction) and real photos."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Tests run tiny and demo models, as fast on one thread; the suite's subprocesses (CLI, kill -9,
# packaging) then never fight over cores (measured: CHANGELOG.md, issue 21). Set before torch loads.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("P2P_STUDIO_LANGUAGE", "en")  # the tests read English whatever the locale


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from p2p_studio.testing.tiny_model import write_tiny_model

    return write_tiny_model(tmp_path_factory.mktemp("models") / "tiny")


@pytest.fixture(scope="session")
def tiny_v_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from p2p_studio.testing.tiny_model import TinySpec, write_tiny_model

    return write_tiny_model(tmp_path_factory.mktemp("models") / "tiny-v", TinySpec(v_prediction=True))


@pytest.fixture(scope="session")
def tiny_sdxl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from p2p_studio.testing.tiny_model import TinySpec, write_tiny_model

    return write_tiny_model(tmp_path_factory.mktemp("models") / "tiny-sdxl", TinySpec(sdxl=True))


@pytest.fixture(scope="session")
def tiny_sdxl(tiny_sdxl_dir: Path):
    from p2p_studio.engine.loading import load_model

    return load_model(str(tiny_sdxl_dir), device="cpu")


@pytest.fixture(scope="session")
def tiny(tiny_dir: Path):
    from p2p_studio.engine.loading import load_model

    return load_model(str(tiny_dir), device="cpu")


@pytest.fixture(scope="session")
def tiny_v(tiny_v_dir: Path):
    from p2p_studio.engine.loading import load_model

    return load_model(str(tiny_v_dir), device="cpu")


@pytest.fixture(scope="session")
def cat_photo() -> Image.Image:
    from skimage import data

    return Image.fromarray(data.chelsea())


@pytest.fixture(scope="session")
def cat_file(tmp_path_factory: pytest.TempPathFactory, cat_photo: Image.Image) -> Path:
    path = tmp_path_factory.mktemp("photos") / "cat.jpg"
    cat_photo.save(path, quality=92)
    return path


@pytest.fixture
def photo_array(cat_photo: Image.Image) -> np.ndarray:
    return np.asarray(cat_photo)


PACKAGING_ENV = "P2P_STUDIO_PACKAGING_TESTS"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-packaging", action="store_true",
                     help=f"also build the installers (tests marked packaging); CI sets {PACKAGING_ENV}=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-packaging") or os.environ.get(PACKAGING_ENV) == "1":
        return
    skip = pytest.mark.skip(reason=f"builds installers: pass --run-packaging or set {PACKAGING_ENV}=1")
    for item in items:
        if item.get_closest_marker("packaging") is not None:
            item.add_marker(skip)
