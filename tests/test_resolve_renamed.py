"""The gate before the old-name pairing of ``mapper.resolve_renamed``."""

from __future__ import annotations

import pytest

from mapper.resolve_renamed import may_pair_names


@pytest.mark.parametrize(("text", "expected"), [
    ("Frunze (now Bishkek) is the capital.", True),
    ("Yekaterinburg, the former Sverdlovsk, lies east.", True),
    ("Dnipro was known as Dnipropetrovsk.", True),
    ("Mariupol was Zhdanov for four decades.", True),
    ("Drones hit Kyiv overnight.", False),
    ("Kyiv was hit overnight.", False),  # "was" before a lower-case word
    ("The old 'twas Bishkek line", False),  # "twas" is no word "was"
    ("", False),
])
def test_may_pair_names(text: str, expected: bool) -> None:
    assert may_pair_names(text) is expected
