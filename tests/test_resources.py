"""Rule data is data: every patterns file parses, and a malformed one names file and line."""
from __future__ import annotations

import pytest

from summitclaims import resources


def test_every_patterns_file_is_valid_jsonl():
    files = sorted(resources.patterns_dir().glob("*.jsonl"))
    assert len(files) >= 5
    for path in files:
        assert resources.read_jsonl(path), path


@pytest.mark.parametrize("content, where, what", [
    ('{"a": 1}\n{"b": \n', ":2:", "not valid JSON"),
    ('{"a": 1}\n\n// a comment\n[1, 2]\n', ":4:", "expected a JSON object"),
])
def test_malformed_file_names_file_and_line(tmp_path, content, where, what):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(resources.PatternFileError) as err:
        resources.read_jsonl(path)
    message = str(err.value)
    assert message.startswith(f"{path}{where}") and what in message
    assert "\n" not in message


def test_unreadable_file(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"a": "caf\xe9"}\n')
    with pytest.raises(resources.PatternFileError, match="cannot read"):
        resources.read_jsonl(path)
