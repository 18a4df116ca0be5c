"""Render an article with `summitclaims show --html` and screenshot the page in headless Chromium.

    python benchmarks/show_screenshot.py [ARTICLE] [--out show.png] [--size 1200,1600]

With no article, the first sample in samples/. The HTML is written next to the PNG (same name,
.html), so the page can also be opened by hand. Needs a `chromium` binary (Debian: apt-get install
chromium). The PNG is for looking at, not for committing.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"


def render(articles: list[str], html_out: Path) -> None:
    # through the CLI rather than render_page, so the screenshot shows what users get
    if len(articles) > 1:
        raise SystemExit("show takes one FILE; give a JSONL file for several articles")
    cmd = [sys.executable, "-m", "summitclaims", "show", *articles, "--html", str(html_out)]
    subprocess.run(cmd, check=True)


def screenshot(html_file: Path, png: Path, size: str) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("no chromium on PATH (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        # a throwaway profile and no background traffic: the page is a local file
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
               html_file.resolve().as_uri()]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if not png.exists():
        raise SystemExit(f"chromium wrote no {png}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", nargs="*", metavar="ARTICLE")
    ap.add_argument("--out", type=Path, default=Path("show.png"))
    ap.add_argument("--size", default="1200,1600", help="window WIDTH,HEIGHT")
    args = ap.parse_args()
    articles = args.articles or [str(sorted(SAMPLES.glob("*.txt"))[0])]
    html_out = args.out.with_suffix(".html")
    if any(Path(a).resolve() == html_out.resolve() for a in articles):
        raise SystemExit(f"{html_out} is the input; choose another --out")
    render(articles, html_out)
    screenshot(html_out, args.out, args.size)
    print(f"{html_out}\n{args.out}")


if __name__ == "__main__":
    main()
