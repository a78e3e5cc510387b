"""Edge-aware photo-size masks: the guided filter, its box sums, the growth into the object and
over its rim, and the outward feather."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from p2p_studio.engine.images import _box, grown_alike, guide_of, guided_filter, outward_feather, rim_of


def test_box_means_equal_a_plain_window_average_clipped_at_the_border() -> None:
    x = torch.rand(2, 9, 13, generator=torch.Generator().manual_seed(0))
    ones = torch.ones(1, 1, 9, 13)
    plain = F.avg_pool2d(F.pad(x[None], (2, 2, 2, 2)), 5, stride=1)[0] / (
        F.avg_pool2d(F.pad(ones, (2, 2, 2, 2)), 5, stride=1)[0])
    torch.testing.assert_close(_box(x, 2), plain, atol=1e-5, rtol=1e-5)


def test_the_guided_filter_moves_a_blurred_edge_onto_the_photos_edge() -> None:
    """A coarse map that falls from 1 at the object's edge to 0 12 px beyond it: cut at half, the
    bilinear map reaches 6 px past the edge; filtered by the photo, half as far, never inside."""
    w = 64
    photo = torch.zeros(3, 32, w)
    photo[:, :, :30] = torch.tensor([0.85, 0.15, 0.15])[:, None, None]  # a red object on the left
    photo[:, :, 30:] = torch.tensor([0.92, 0.88, 0.80])[:, None, None]  # paper
    xs = torch.arange(w, dtype=torch.float32)
    coarse = (1 - ((xs - 30) / 12).clamp(0, 1)).expand(32, w)  # 1 up to x = 30, 0 from x = 42
    sharp = guided_filter(coarse, photo, 12, 1e-3)
    crossings = (coarse[16] > 0.5).sum().item(), (sharp[16] > 0.5).sum().item()
    assert crossings == (36, 33)
    assert bool((sharp[:, :30] > 0.9).all())  # the whole object stays in


def test_the_guide_is_the_photo_at_most_1024_on_its_long_side() -> None:
    guide = guide_of(Image.new("RGB", (3000, 1500), (255, 0, 0)))
    assert guide.shape == (3, 512, 1024) and torch.equal(guide[:, 0, 0], torch.tensor([1.0, 0.0, 0.0]))
    assert guide_of(Image.new("RGB", (40, 30))).shape == (3, 30, 40)


def test_grown_alike_fills_an_objects_tips_and_stops_at_its_edge() -> None:
    # a red square on grey; the mask covers it but its top-left 3x3 corner
    guide = torch.full((3, 20, 20), 0.5)
    guide[:, 5:15, 5:15] = torch.tensor([0.85, 0.15, 0.15])[:, None, None]
    square = torch.zeros(20, 20, dtype=torch.bool)
    square[5:15, 5:15] = True
    mask = square.clone()
    mask[5:8, 5:8] = False
    filled = grown_alike(mask, guide, distance=3, tolerance=0.05)
    assert torch.equal(filled, square)  # the corner, and not one grey pixel
    assert not torch.equal(grown_alike(mask, guide, distance=1, tolerance=0.05), square)  # three pixels deep
    assert torch.equal(grown_alike(mask, guide, distance=12, tolerance=0.05), square)  # in rounds of 3 pixels
    # a colour just over the tolerance away is not the object
    near = guide.clone()
    near[:, 5:8, 5:8] = torch.tensor([0.85, 0.15, 0.15 + 0.06 * 3**0.5])[:, None, None]
    assert torch.equal(grown_alike(mask, near, distance=3, tolerance=0.05), mask)
    assert torch.equal(grown_alike(mask, near, distance=3, tolerance=0.07), square)


def test_the_rim_is_an_anti_aliased_edge_not_the_background() -> None:
    """Next to a mask on a red square: the column half red, half paper joins it; plain paper, and
    a column one step further, do not. A textured background only joins where it is unlike its
    own surroundings by more than the tolerance."""
    paper, red = torch.tensor([0.92, 0.88, 0.80]), torch.tensor([0.85, 0.15, 0.15])
    photo = paper[:, None, None].expand(3, 16, 24).clone()
    photo[:, 4:12, 4:12] = red[:, None, None]
    photo[:, 4:12, 12] = ((red + paper) / 2)[:, None]  # the square's anti-aliased right edge
    mask = torch.zeros(16, 24, dtype=torch.bool)
    mask[4:12, 4:12] = True
    rim = rim_of(mask, photo, 0.1)
    expected = torch.zeros_like(mask)
    expected[4:12, 12] = True
    assert torch.equal(rim, expected)
    assert not rim_of(mask, photo, 0.4).any()  # the half-way colour is 0.33 RMS from the paper


def test_an_outward_feather_is_opaque_on_the_mask_and_fades_within_one_width() -> None:
    mask = torch.zeros(64, 64, dtype=torch.bool)
    mask[20:44, 20:44] = True
    alpha = np.asarray(outward_feather(mask, (64, 64), 2.0)).astype(int)
    assert (alpha[20:44, 20:44] == 255).all()
    row = alpha[32, 44:52]  # outwards from the right edge
    assert 0 < row[0] < 255 and bool((np.diff(row) <= 0).all())
    assert (row[3:] == 0).all() and alpha[:17].sum() == 0  # nothing past one feather width and a pixel
    assert np.array_equal(np.asarray(outward_feather(mask, (64, 64), 0)) > 0, mask.numpy())
