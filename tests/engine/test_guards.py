"""The inversion library's errors reach the user as the app's, with their message intact."""

from __future__ import annotations

import pytest

from inversion.errors import SchedulerError, StepsError
from p2p_studio.core.errors import InputError, ModelError
from p2p_studio.core.text import Message
from p2p_studio.engine.guards import library_errors


def test_the_inversion_librarys_errors_arrive_as_messages() -> None:
    """The library keeps its template and fields apart (it never imports the app); the engine's
    guard turns them into the app's errors with the same message."""
    template = "{steps} steps are more than the model's scheduler has ({train})"
    with pytest.raises(InputError) as steps, library_errors():
        raise StepsError(template, steps=2000, train=1000)
    assert steps.value.message == Message.of(template, steps=2000, train=1000)
    assert str(steps.value) == "2000 steps are more than the model's scheduler has (1000)"
    with pytest.raises(ModelError) as scheduler, library_errors():
        raise SchedulerError("the LCM sampler gives {count} timesteps for {steps} steps", count=3, steps=4)
    shouted = scheduler.value.message.render(lambda t: t.replace("gives", "GIVES"))
    assert shouted == "the LCM sampler GIVES 3 timesteps for 4 steps"
