"""Invented records shared by the diff and summarise tests (builders only, no tests: no model needed)."""
from __future__ import annotations


def document(doc, published="2025-02-11"):
    return {"kind": "document", "doc": doc, "text": None, "char_start": 0, "char_end": 100, "sentence": None,
            "published": published, "published_source": "given" if published else None, "chars": 100}


def money(doc, text, value=None, currency="EUR", actor=None, usd=None, sentence=None, start=0, low=None,
          high=None, **extra):
    rec = {"kind": "money", "doc": doc, "text": text, "char_start": start, "char_end": start + len(text),
           "sentence": sentence or f"They announced {text}.", "value": value, "low": low, "high": high,
           "currency": currency, "qualifier": None, "period": None, "actor": actor, "usd": usd,
           "eur": None, "fx_date": None}
    rec.update(extra)
    return rec


def quote(doc, words, speaker=None, start=0, partial=False, type_="direct"):
    text = f"“{words}”" if type_ == "direct" else words
    return {"kind": "quote", "doc": doc, "text": text, "char_start": start,
            "char_end": start + len(text), "sentence": f"{text} she said.", "quote": words,
            "speaker": speaker, "speaker_text": speaker, "cue": "said", "partial": partial, "type": type_,
            "stance": "neutral", "speaker_type": "named" if speaker else None}


def actor(doc, name, label="PERSON", role=None, start=0):
    return {"kind": "actor", "doc": doc, "text": name, "char_start": start, "char_end": start + len(name),
            "sentence": f"{name} spoke.", "name": name, "label": label, "mentions": 1, "aliases": [name],
            "role": role}


def date(doc, text, start_date, end_date=None, sentence=None, start=0):
    return {"kind": "date", "doc": doc, "text": text, "char_start": start, "char_end": start + len(text),
            "sentence": sentence or f"It happened {text}.", "start": start_date, "end": end_date or start_date,
            "granularity": "day"}
