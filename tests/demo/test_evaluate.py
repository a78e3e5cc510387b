"""The evaluation's bookkeeping and the model card, without running the model."""

from __future__ import annotations

from pathlib import Path

from p2p_studio.core.resources import DEMO_MODEL, resolve_model
from p2p_studio.demo.card import model_card, shortfalls
from p2p_studio.demo.evaluate import reweighting_summary

FACTORS = (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)


def test_monotonic_over_the_paper_range_ignores_a_drop_beyond_it() -> None:
    rising_then_drop = [0.1, 0.2, 0.5, 0.7, 0.8, 0.6]
    summary = reweighting_summary(FACTORS, [rising_then_drop], [rising_then_drop])
    assert summary["paper_factors"] == [-2.0, -1.0, 0.0, 1.0, 2.0]
    assert summary["colour_is_monotonic"] and summary["mean_is_monotonic"]
    assert not summary["colour_is_monotonic_all_factors"]


def test_a_dip_inside_the_paper_range_is_not_monotonic() -> None:
    dip = [0.1, 0.3, 0.2, 0.7, 0.8, 0.9]
    flat = [0.5] * len(FACTORS)
    summary = reweighting_summary(FACTORS, [dip, flat], [flat, flat])
    assert not summary["colour_is_monotonic"]
    assert summary["seeds_colour_monotonic"] == 0.5  # the flat curve counts, the dipping one does not
    assert summary["colour_saturation"][2] == round((0.2 + 0.5) / 2, 4)


def test_the_card_reports_both_swap_protocols_and_the_paper_range() -> None:
    evaluation = {
        "swaps": {"p2p_success": 0.81, "plain_regeneration_success": 0.92, "tolerance_px": 2.0},
        "swaps_free_layout": {"p2p_success": 0.73, "plain_regeneration_success": 0.44},
        "reweighting": {"factors": list(FACTORS), "paper_factors": list(FACTORS[:-1])},
    }
    card = model_card(Path(resolve_model(DEMO_MODEL)), evaluation)
    assert "captions without positions" in card
    assert "| 0.73 |" in card and "| 0.44 |" in card and "| 0.81 |" in card
    assert "monotonic over the paper's [-2.0, -1.0, 0.0, 1.0, 2.0]" in card


def test_shortfalls_name_each_missed_target_and_nothing_else() -> None:
    met = {
        "generation": {"correct": 1.0},
        "swaps": {"p2p_success": 0.95, "plain_regeneration_success": 0.5, "tolerance_px": 2.0},
        "photos": {"psnr_db_min": 31.0, "outside_mask_identical": 1.0, "target_attribute_inside": 0.92},
        "reweighting": {"colour_is_monotonic": True},
    }
    assert shortfalls(met) == []
    missed = {**met, "swaps": {"p2p_success": 0.95, "plain_regeneration_success": 0.9, "tolerance_px": 2.0},
              "photos": {**met["photos"], "target_attribute_inside": 0.83}}
    lines = shortfalls(missed)
    assert len(lines) == 2
    assert "plain re-generation 90%" in lines[0] and "0.83" in lines[1]
