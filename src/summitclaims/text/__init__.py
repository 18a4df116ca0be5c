"""Text helpers that need no spaCy."""
