"""`summitclaims show`: the highlighted article in the terminal and as an HTML page."""
from __future__ import annotations

import html
import io
import json
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from summitclaims.cli.main import app
from summitclaims.cli.show import STYLES, ShownArticle, render_page
from summitclaims.io.readers import iter_articles
from tests.paths import SAMPLES_DIR

ARTICLE = '"We will invest €5 billion," said Ursula von der Leyen on 10 February 2025.'


def test_show_prints_the_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(f)])
    assert result.exit_code == 0, result.stderr
    assert "Ursula von der Leyen" in result.stdout


def test_show_prints_text_and_id_literally_not_as_markup(tmp_path):
    markup = ("[/]", "[bold]x[/bold]", "[link=https://evil]y[/link]")
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "[bold]id[/bold] [/]", "text": f"{' '.join(markup)} {ARTICLE}"}) + "\n",
                 encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(f)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    for text in markup + ("[bold]id[/bold] [/]",):
        assert text in result.stdout


def _styled(render) -> str:
    from rich.console import Console

    out = io.StringIO()
    render(Console(file=out, force_terminal=True, color_system="standard", width=200))
    return out.getvalue()


@pytest.mark.parametrize("label, words", [("MONEY", "€5 billion"), ("PERSON", "Ursula von der Leyen"),
                                          ("DATE", "10 February 2025")])
def test_show_colours_each_value_in_the_text_with_its_label_style(nlp, label, words):
    """The words themselves carry the label's style, not only the legend below the panel."""
    from rich.text import Text

    from summitclaims.api import process
    from summitclaims.cli.show import render_terminal

    page = _styled(lambda console: render_terminal(process(nlp, ARTICLE), console))
    marked = _styled(lambda console: console.print(Text(words, style=STYLES[label][0]), end=""))
    want = set(re.match(r"\x1b\[([\d;]+)m", marked).group(1).split(";"))
    got = re.search(r"\x1b\[([\d;]+)m" + re.escape(words), page)
    # the words open with their label's codes (a quote around them may add italics)
    assert got is not None and want <= set(got.group(1).split(";"))


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


# -- the HTML page ----------------------------------------------------------------------------------

SAMPLES = SAMPLES_DIR
NASTY = 'Officials wrote <script>alert("x")</script> & "more" &amp; in Paris on 10 February 2025.'


class _Page(HTMLParser):
    """Reads a page back: the text of each article body with, per character, the labels of the
    <mark>s around it; the attributes of every mark; and whether every end tag closed what was open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.labels, self.marks, self.tags = [], [], [], [], []
        self.in_text = None            # depth of the open div.sc-text, when inside one
        self.well_formed = True
        self.title = self.h2 = None
        self._grab = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag in ("meta", "br"):
            return
        self.stack.append((tag, attrs))
        if tag == "div" and attrs.get("class") == "sc-text":
            self.in_text = len(self.stack)
            self.texts.append("")
            self.labels.append([])
        if tag == "mark" and self.in_text:
            self.marks.append(attrs)
        if tag in ("title", "h2"):
            self._grab = tag
            setattr(self, tag, "")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.well_formed = False
            return
        self.stack.pop()
        if self.in_text and len(self.stack) < self.in_text:
            self.in_text = None
        self._grab = None

    def handle_data(self, data):
        if self._grab:
            setattr(self, self._grab, getattr(self, self._grab) + data)
        if self.in_text:
            active = frozenset(a["data-label"] for t, a in self.stack if t == "mark")
            self.texts[-1] += data
            self.labels[-1].extend([active] * len(data))


def _read(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    assert p.well_formed and not p.stack
    return p


def _show_html(tmp_path, *args) -> str:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["show", *map(str, args), "--html", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_show_html_is_the_text_as_written_for_every_sample(tmp_path):
    page = _read(_show_html(tmp_path, SAMPLES))
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(page.texts) == len(files) >= 5
    for f, text in zip(files, page.texts):
        assert text == f.read_bytes().decode("utf-8-sig"), f.name
    assert page.title == f"{len(files)} articles: {SAMPLES / files[0].name} …"


def test_show_html_keeps_paragraphs_and_lines(tmp_path):
    text = "First paragraph.\n\nSecond one,\n  on two lines.\n \n\nThird."
    page = render_page([ShownArticle("d", text)])
    body = page.split('<div class="sc-text">', 1)[1].split("</div>", 1)[0]
    assert body == "<p>First paragraph.</p>\n\n<p>Second one,\n  on two lines.</p>\n \n\n<p>Third.</p>"
    assert "white-space: pre-wrap" in page


def test_show_html_hover_notes_and_header(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    raw = _show_html(tmp_path, f, "--published", "2025-02-11")
    page = _read(raw)
    titles = [m["title"] for m in page.marks]
    money = [t for t in titles if t.startswith("MONEY: ")]
    # converted at the ECB rate of the publication date; the rate itself is not this test's business
    assert len(money) == 1 and money[0].startswith("MONEY: EUR 5,000,000,000 · ≈ USD ")
    assert money[0].endswith(" (ECB 2025-02-11) · commitment (invest) · actor: Ursula von der Leyen "
                             "[subject of 'invest': We]\nQUOTE: speaker: Ursula von der Leyen · cue: say")
    assert "DATE: 2025-02-10" in titles
    assert "PERSON: Ursula von der Leyen" in titles
    assert any(t.startswith("QUOTE: speaker: Ursula von der Leyen") for t in titles)
    assert page.texts == [ARTICLE]
    assert page.title == str(f) and page.h2 == str(f)        # no title of its own: the doc id
    assert '<time datetime="2025-02-11">2025-02-11</time> (given)' in raw
    assert '<meta charset="utf-8">' in raw
    for label in STYLES:
        assert f"mark.sc-{label} {{ background: {STYLES[label][1]}; }}" in raw
        assert f'<mark class="sc sc-{label}">{label}</mark>' in raw   # the legend


def _nothing_unescaped(raw: str) -> None:
    assert "<script" not in raw.lower()
    # every & starts an entity, so no & of the input reached the page as it was
    assert not re.search(r"&(?!(?:amp|lt|gt|quot|#x27);)", raw)


def test_show_html_escapes_the_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(NASTY, encoding="utf-8")
    raw = _show_html(tmp_path, f)
    _nothing_unescaped(raw)
    page = _read(raw)
    assert page.texts == [NASTY]
    assert "script" not in page.tags


def test_show_html_takes_the_title_of_an_html_page_and_escapes_it(tmp_path):
    title = 'Summit & "money" <script>alert(1)</script>'
    f = tmp_path / "a.html"
    f.write_text(
        "<!DOCTYPE html><html><head><title>" + html.escape(title) + "</title></head><body><article>"
        "<p>The European Commission said on 10 February 2025 that it would invest €200 billion in artificial "
        "intelligence across the union, a plan it described as the largest of its kind.</p>"
        "<p>" + html.escape(NASTY) + " The memo was widely shared among the delegates at the meeting.</p>"
        "</article></body></html>", encoding="utf-8")
    raw = _show_html(tmp_path, f)
    _nothing_unescaped(raw)
    page = _read(raw)
    assert page.title == title and page.h2 == title
    # the text is what the HTML reader made of the page (trafilatura decides that), as it made it
    [art] = iter_articles([str(f)])
    assert page.texts == [art.text] and '<script>alert("x")</script> & "more"' in art.text
    assert "script" not in page.tags


def test_show_html_one_section_per_jsonl_article(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "one", "title": "First & best", "text": ARTICLE, "published": "2025-02-10"})
                 + "\n" + json.dumps({"id": "two", "text": NASTY}) + "\n", encoding="utf-8")
    raw = _show_html(tmp_path, f)
    page = _read(raw)
    assert raw.count("<article ") == 2 and page.texts == [ARTICLE, NASTY]
    assert "<h2>First &amp; best</h2>" in raw and "<h2>two</h2>" in raw
    assert page.title == "2 articles: First & best …"


def _expected_labels(text, highlights):
    return [frozenset(lab for s, e, lab, _ in highlights if s <= i < e) for i in range(len(text))]


def test_show_html_nesting_and_partial_overlaps():
    text = "0123456789\n\nabcdefghij"
    highlights = [
        (0, 22, "QUOTE", "speaker: A"),      # across the paragraph break
        (2, 5, "MONEY", "USD 1"),
        (3, 8, "DATE", "2025-01-01"),        # starts inside MONEY, ends after it
        (7, 9, "PERSON", "B"),               # overlaps DATE's end
        (3, 8, "ORG", "same range as DATE"),
        (14, 16, "GPE", "C"),
        (-4, 1, "LOC", "clipped"), (30, 40, "NORP", "outside"), (5, 5, "NORP", "empty"),
    ]
    raw = render_page([ShownArticle("d", text, highlights)])
    page = _read(raw)
    assert page.texts == [text]
    want = _expected_labels(text, [(max(0, s), e, lab, n) for s, e, lab, n in highlights])
    for i, ch in enumerate(text):
        if ch != "\n":                        # the paragraph break sits between the <p>s
            assert page.labels[0][i] == want[i], (i, ch)
    # the same input gives the same page, and the order of the highlights does not change which
    # characters carry which labels
    assert render_page([ShownArticle("d", text, highlights)]) == raw
    again = _read(render_page([ShownArticle("d", text, highlights[::-1])]))
    assert again.labels == page.labels
    # the innermost title also names what encloses it
    assert "GPE: C\nQUOTE: speaker: A" in [m["title"] for m in page.marks]
    # the quote is split at the paragraph break; the second piece is marked as a continuation
    quotes = [m for m in page.marks if m["data-label"] == "QUOTE"]
    assert quotes[0]["class"] == "sc sc-QUOTE" and all("sc-cont" in q["class"] for q in quotes[1:])


def test_show_html_properly_nested_ranges_nest_without_splits():
    text = '"Pay $5 now," said Ann.'
    raw = render_page([ShownArticle("d", text, [(0, 13, "QUOTE", "speaker: Ann"), (5, 7, "MONEY", "USD 5")])])
    body = raw.split('<div class="sc-text">', 1)[1].split("</div>", 1)[0]
    assert body == ('<p><mark class="sc sc-QUOTE" data-label="QUOTE" title="QUOTE: speaker: Ann">&quot;Pay '
                    '<mark class="sc sc-MONEY" data-label="MONEY" title="MONEY: USD 5\nQUOTE: speaker: Ann">$5</mark>'
                    ' now,&quot;</mark> said Ann.</p>')


def test_show_html_escapes_notes_ids_labels_and_titles():
    evil = '"><script>alert(1)</script>&amp;\''
    art = ShownArticle(doc_id=evil, text=evil, title=None, highlights=[(0, len(evil), f"X{evil}", evil)])
    raw = render_page([art])
    _nothing_unescaped(raw)
    page = _read(raw)
    assert page.title == evil and page.h2 == evil and page.texts == [evil]
    assert page.marks == [{"class": "sc", "data-label": f"X{evil}", "title": f"X{evil}: {evil}"}]


def test_show_html_ranges_sharing_a_start_nest_longest_outside():
    text = "$5 billion from Acme Corp today"
    highlights = [(0, 2, "MONEY", "USD 5"), (0, 25, "QUOTE", "q"), (16, 25, "ORG", "Acme"), (16, 20, "PERSON", "p")]
    page = _read(render_page([ShownArticle("d", text, highlights)]))
    # one element per range: nothing had to be split
    assert sorted(m["data-label"] for m in page.marks) == sorted(h[2] for h in highlights)
    assert [m["data-label"] for m in page.marks] == ["QUOTE", "MONEY", "ORG", "PERSON"]
