"""The words actor attribution knows, read once from ``patterns/money_actors.jsonl``."""
from __future__ import annotations

from dataclasses import dataclass

from ... import resources


@dataclass(frozen=True)
class ActorWords:
    """The money_actors table by kind, lower case."""
    descriptors: dict[str, str]    # common noun -> the label it stands for ("company" -> "ORG")
    naming: frozenset[str]         # participles that give a name ("dubbed", "called")
    first_person: frozenset[str]   # "we", "our": the nearest PERSON, also just after ("said Jane Roe")
    third_person: frozenset[str]   # "she", "his": the most recent PERSON
    neuter: frozenset[str]         # "it": the latest ORG of this or the previous sentence
    receivers: frozenset[str]      # "receive": the subject receives; the actor is the giver
    givers: frozenset[str]         # "award": a passive subject receives ("was awarded $5m")
    issuers: frozenset[str]        # "issue", "offer": the subject raises what securities it sells bring
    securities: frozenset[str]     # "notes", "bonds": what an issuer sells


def load() -> ActorWords:
    """The words of the shipped table (lower case)."""
    rows = [r for r in resources.load_patterns("money_actors") if r.get("word")]

    def words(kind: str) -> frozenset[str]:
        return frozenset(r["word"].lower() for r in rows if r.get("kind") == kind)

    return ActorWords(
        descriptors={r["word"].lower(): r["label"] for r in rows if r.get("kind") == "descriptor"},
        naming=words("naming"), first_person=words("first_person"), third_person=words("third_person"),
        neuter=words("neuter"), receivers=words("receiver"), givers=words("giver"),
        issuers=words("issuer"), securities=words("security"),
    )
