"""CPU thread counts chosen per model (see p2p_studio.engine.threads for the measurements)."""

from __future__ import annotations

import pytest
import torch

from p2p_studio.engine.threads import SMALL_MODEL_PARAMETERS, available_cores, choose_threads, use_threads_for


@pytest.mark.parametrize(("parameters", "env", "expected"), [
    (3_000_000, {}, 1),  # the demo model's size: one thread is as fast, and never collapses
    (SMALL_MODEL_PARAMETERS, {}, None),  # SD-sized: every core this process may use
    (860_000_000, {"OMP_NUM_THREADS": "3"}, 3),
    (3_000_000, {"P2P_STUDIO_THREADS": "4", "OMP_NUM_THREADS": "2"}, 4),  # ours wins over OpenMP's
    (3_000_000, {"P2P_STUDIO_THREADS": "zero"}, 1),  # not a count: ignored
])
def test_thread_count_follows_model_size_unless_told(parameters, env, expected) -> None:
    assert choose_threads(parameters, env) == (expected if expected is not None else available_cores())


def test_loading_sets_the_count_for_the_cpu_only(tiny, monkeypatch) -> None:
    before = torch.get_num_threads()
    try:
        monkeypatch.setenv("P2P_STUDIO_THREADS", "2")
        assert use_threads_for(tiny.unet, torch.device("cpu")) == 2 == tiny.threads
        monkeypatch.setenv("P2P_STUDIO_THREADS", "1")
        assert use_threads_for(tiny.unet, torch.device("meta")) == 2  # not the CPU: left alone
    finally:
        torch.set_num_threads(before)
