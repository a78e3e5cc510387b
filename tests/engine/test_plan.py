from __future__ import annotations

import pytest

from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import EditSettings
from p2p_studio.engine.plan import make_plan


def _plan(tiny, src, tgt, **kw):
    return make_plan(tiny.tokenizer, src, tgt, tiny.max_tokens, EditSettings(steps=10, **kw))


def test_kind_and_default_blend_words(tiny) -> None:
    swap = _plan(tiny, "a cat sitting on a bench", "a tiger sitting on a bench")
    assert swap.kind == "swap"
    assert [w.text for w in swap.blend_source] == ["cat"] and [w.text for w in swap.blend_target] == ["tiger"]
    refine = _plan(tiny, "a cat on a bench", "a cat on a wooden bench")
    assert refine.kind == "refine" and [w.text for w in refine.blend_target] == ["wooden"]
    both = _plan(tiny, "a cat on a bench", "a (tiger:1.5) on a bench")
    assert both.kind == "swap+reweight"
    rw = _plan(tiny, "a cat on a bench", "a (cat:-1) on a bench")
    assert rw.kind == "reweight" and float(rw.weights[rw.target.find("cat")[0].start]) == -1.0
    assert "swap" in swap.summary() and "local blend on cat/tiger" in swap.summary()


def test_schedules_and_per_word_windows(tiny) -> None:
    plan = _plan(tiny, "a cat on a bench", "a tiger on a bench", cross=0.8, cross_words={"tiger": 0.3},
                 self_fraction=0.4)
    tiger = plan.target.find("tiger")[0].start
    assert int(plan.cross_steps[:, 0].sum()) == 8
    assert int(plan.cross_steps[:, tiger].sum()) == 3
    assert plan.self_steps == 4
    assert plan.explain()["cross_replace_steps"]["per_word"] == {"tiger": 3}


def test_bad_words_are_clear_errors(tiny) -> None:
    with pytest.raises(InputError, match="blend word 'horse' is in neither caption"):
        _plan(tiny, "a cat", "a dog", blend_words=("horse",))
    with pytest.raises(InputError, match="subtract word"):
        _plan(tiny, "a cat", "a dog", subtract_words=("sky",))
    with pytest.raises(InputError, match="not in the edited caption"):
        _plan(tiny, "a cat", "a dog", cross_words={"cat": 0.2})
    with pytest.raises(InputError, match="--cross"):
        EditSettings(cross=1.5).validate()


def test_settings_round_trip() -> None:
    s = EditSettings(steps=7, blend_words=("cat",), cross_words={"a": 0.5}, seed=3)
    assert EditSettings.from_dict(s.to_dict()) == s
    with pytest.raises(InputError):
        EditSettings.from_dict({"method": "nope"})
