"""Messages: the English line for the CLI and logs, the same fields in a translated template."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from p2p_studio.core.errors import InputError
from p2p_studio.core.text import MAX_DEPTH, Message, joined

ROOT = Path(__file__).resolve().parents[2]


def test_the_english_line_is_the_template_filled_in() -> None:
    message = Message.of("{name}: {w}×{h} is larger than the limit of {limit:,} pixels", name=Path("cat.png"),
                         w=12000, h=11000, limit=120_000_000)
    assert str(message) == "cat.png: 12000×11000 is larger than the limit of 120,000,000 pixels"
    assert str(Message.of("no {braces} without fields")) == "no {braces} without fields"


def test_a_translation_fills_the_same_fields_and_translates_nested_messages() -> None:
    table = {"{plan}; {windows}": "{windows} / {plan}", "swap": "SWAP", "none": "NONE", "; ": "；"}
    message = Message.of("{plan}; {windows}", plan=Message.of("swap"), windows=joined(["0–3", Message.of("none")]))
    assert message.render(lambda t: table.get(t, t)) == "0–3；NONE / SWAP"  # the separator too
    assert str(message) == "swap; 0–3; none"


def test_a_translation_that_lost_a_field_falls_back_to_english() -> None:
    message = Message.of("{count:,} characters", count=1200)
    assert message.render(lambda t: "{number} 文字") == "1,200 characters"
    assert message.render(lambda t: "{count:,} 文字") == "1,200 文字"


def test_an_error_keeps_its_message_for_the_app_and_its_line_for_the_cli() -> None:
    error = InputError("the sweep has {size} cells; at most {most}", size=300, most=256)
    assert str(error) == "the sweep has 300 cells; at most 256"
    assert error.message.template == "the sweep has {size} cells; at most {most}"
    assert dict(error.message.fields) == {"size": 300, "most": 256}
    assert str(InputError("a {literal} line")) == "a {literal} line"  # no fields: nothing is formatted


def test_messages_built_as_text_are_found(tmp_path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    module = tmp_path / "layer.py"
    module.write_text('raise InputError(f"bad {x}")\nraise ModelError("{a} and {b}", a=1, b=2)\n'
                      'm = Message.of("one" if c else "two")\nraise InputError("x: " + y)\n')
    templates, problems = translations.collect_messages((module,))
    assert templates == ["one", "two", "{a} and {b}"]
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in problems] == ["1", "4"]



def test_a_message_read_back_from_a_file_is_the_one_written() -> None:
    message = Message.of("{plan}; {n:,} of {share:.1%}", plan=joined([Message.of("swap"), "dog ← cat"], ", "),
                         n=12000, share=0.25)
    data = json.loads(json.dumps(message.to_data()))
    assert Message.from_data(data) == message and str(Message.from_data(data)) == "swap, dog ← cat; 12,000 of 25.0%"
    plain = Message("a line with {braces} and no fields")
    assert Message.from_data(plain.to_data()) == plain  # never formatted


_INNER = {"template": "{q0}", "fields": [[f"q{j}", {"template": "x", "fields": []}] for j in range(30)]}
WIDE = {"template": "{p0}", "fields": [[f"p{i}", _INNER] for i in range(30)]}


@pytest.mark.parametrize("data", [
    {"template": "{p:>99999}", "fields": [["p", "x"]]},
    {"template": "{p[0]}", "fields": [["p", "x"]]},
    {"template": "{p!a}", "fields": [["p", "x"]]},
    {"template": "{p", "fields": [["p", "x"]]},
    {"template": "{p:d}", "fields": [["p", 1.5]]},
    {"template": "{p}", "fields": [["not a name", "x"]]},
    {"template": "{p}", "fields": [["p", 10**30]]},
    {"template": "{p}", "fields": [["p", None]]},
    {"template": "{p}", "fields": [["p", "x"]] * 33},
    {"template": "x" * 2001, "fields": []},
    {"template": "{p}", "fields": "p"},
    WIDE,  # 931 parts, each within the limits: too many in all to render on every History refresh
])
def test_a_stored_message_that_is_not_plain_is_refused(data) -> None:
    with pytest.raises(ValueError):
        Message.from_data(data)


def test_stored_messages_nest_only_so_deep() -> None:
    message = Message.of("end")
    for _ in range(MAX_DEPTH + 1):
        message = Message.of("({inner})", inner=message)
    with pytest.raises(ValueError):
        Message.from_data(message.to_data())
    inner = message.fields[0][1]
    assert isinstance(inner, Message) and Message.from_data(inner.to_data()) == inner  # one level less is read
