"""The edited-region geometry: the crop around a mask, when it is used, what the plan says."""

from __future__ import annotations

import pytest

from p2p_studio.core.detail import AUTO_GAIN, MARGIN, MAX_ASPECT, SNAP, choose_region, outlook, region_around
from p2p_studio.core.settings import Detail, EditSettings

PHOTO = (4000, 3000)


def _contains(outer: tuple[int, int, int, int], inner: tuple[int, int, int, int]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


@pytest.mark.parametrize("bounds", [(1000, 1000, 1400, 1300), (0, 0, 300, 200), (3700, 2900, 4000, 3000),
                                    (1900, 100, 1950, 2900), (10, 1400, 3990, 1450)])
def test_the_crop_holds_the_mask_with_context_inside_the_photo(bounds) -> None:
    region = region_around(bounds, PHOTO, 512)
    (w, h), snap = region.size, round(SNAP * max(PHOTO))
    assert _contains(region.box, bounds)
    assert _contains((0, 0, *PHOTO), region.box)
    long_side = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    # the margin on each side, unless the photo ends first
    assert w >= min(PHOTO[0], (bounds[2] - bounds[0]) + 2 * MARGIN * long_side)
    assert h >= min(PHOTO[1], (bounds[3] - bounds[1]) + 2 * MARGIN * long_side)
    assert max(w, h) >= 512  # never smaller than the working size
    assert max(w, h) / min(w, h) <= MAX_ASPECT + 2 * snap / min(w, h)
    for lo, hi, limit in ((region.box[0], region.box[2], PHOTO[0]), (region.box[1], region.box[3], PHOTO[1])):
        assert (lo % snap == 0 and hi % snap == 0) or lo == 0 or hi == limit  # snapped, or moved to an edge


def test_the_gain_is_the_working_pixels_per_photo_pixel_ratio() -> None:
    region = region_around((1000, 1000, 1400, 1300), PHOTO, 512)
    assert region.gain == pytest.approx(min(1.0, 512 / max(region.size)) / (512 / 4000))
    # a tiny mask still gets a crop of the working size at least (context), and the gain says so
    tiny = region_around((1000, 1000, 1010, 1010), PHOTO, 512)
    assert max(tiny.size) >= 512 and tiny.gain == pytest.approx(4000 / max(tiny.size))


def test_a_similar_mask_crops_the_same_region() -> None:
    a = region_around((1000, 1000, 1400, 1300), PHOTO, 512)
    b = region_around((1003, 998, 1401, 1302), PHOTO, 512)
    assert a.box == b.box


def test_when_the_region_is_used() -> None:
    small = (1000, 1000, 1400, 1300)
    assert choose_region(Detail.WHOLE, small, PHOTO, 512) is None
    assert choose_region(Detail.AUTO, None, PHOTO, 512) is None  # no mask: the whole photo may change
    assert choose_region(Detail.REGION, None, PHOTO, 512) is None
    auto = choose_region(Detail.AUTO, small, PHOTO, 512)
    assert auto is not None and auto.gain >= AUTO_GAIN
    # a photo at the working size: nothing to gain
    assert choose_region(Detail.AUTO, (100, 100, 200, 200), (512, 384), 512) is None
    assert choose_region(Detail.REGION, (100, 100, 200, 200), (512, 384), 512) is None
    # a gain under AUTO_GAIN: only when asked for
    mid = (200, 200, 900, 900)  # a crop of about 1050 px of a 1400 px photo
    assert choose_region(Detail.AUTO, mid, (1400, 1400), 512) is None
    asked = choose_region(Detail.REGION, mid, (1400, 1400), 512)
    assert asked is not None and 1.0 < asked.gain < AUTO_GAIN


def test_the_plan_says_which_mode_applies() -> None:
    assert str(outlook(Detail.AUTO, (512, 512), 512)) == "detail: whole photo at the model's 512 px"
    assert str(outlook(Detail.WHOLE, PHOTO, 512)) == "detail: whole photo at the model's 512 px, scaled up 7.8×"
    assert str(outlook(Detail.AUTO, PHOTO, 512)).startswith(
        "detail: the edited region is redrawn at 512 px when its mask is small (the photo is 7.8×")
    assert "when it adds detail" in str(outlook(Detail.REGION, PHOTO, 512))


def test_detail_is_a_setting_and_old_recipes_were_whole() -> None:
    from p2p_studio.core.recipe import Recipe

    assert EditSettings().detail is Detail.AUTO
    assert EditSettings.from_dict({"detail": "region"}).detail is Detail.REGION
    old = Recipe.from_json({"caption": "a cat", "edit": "a dog", "settings": {"mask": "refined"}})
    assert old.settings.detail is Detail.WHOLE
