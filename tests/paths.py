"""Paths the tests share (module constants, so that parametrize decorators can use them)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"
SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
PATTERNS_DIR = ROOT / "patterns"
