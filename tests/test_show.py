"""`summitclaims show`: the highlighted article in the terminal and as a displaCy page."""
from __future__ import annotations

from typer.testing import CliRunner

from summitclaims.cli.main import app

ARTICLE = '"We will invest €5 billion," said Ursula von der Leyen on 10 February 2025.'


def test_show_prints_the_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(f)])
    assert result.exit_code == 0, result.stderr
    assert "Ursula von der Leyen" in result.stdout and "MONEY" in result.stdout


def test_show_html_marks_every_kind(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["show", str(f), "--html", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for label in ("MONEY", "DATE", "PERSON", "QUOTE"):
        assert label in page


def test_show_missing_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["show", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'nope.txt'}: ")
