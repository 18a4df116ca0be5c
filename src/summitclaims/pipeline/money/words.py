"""The words actor attribution knows, read once from ``patterns/money_actors.jsonl``."""
from __future__ import annotations

from dataclasses import dataclass, field

from ... import resources


@dataclass(frozen=True)
class ActorWords:
    """The money_actors table by kind, lower case."""
    descriptors: dict[str, str]    # common noun -> the label it stands for ("company" -> "ORG")
    makers: frozenset[str]         # descriptors whose modifier is a product: "the iPhone maker"
    naming: frozenset[str]         # participles that give a name ("dubbed", "called")
    first_person: frozenset[str]   # "we", "our": the nearest PERSON, also just after ("said Jane Roe")
    third_person: frozenset[str]   # "she", "his": the most recent PERSON
    neuter: frozenset[str]         # "it": the latest ORG of this or the previous sentence
    receivers: frozenset[str]      # "receive": the subject receives; the actor is the giver
    givers: frozenset[str]         # "award": a passive subject receives ("was awarded $5m")
    issuers: frozenset[str]        # "issue", "offer": the subject raises what securities it sells bring
    securities: frozenset[str]     # "notes", "bonds": what an issuer sells
    penalties: frozenset[str]      # "fine": the one fined pays, not the subject that fines
    bilateral: frozenset[str]      # "sign": conjoined subjects are two sides, not joint givers
    settling: frozenset[str]       # "settle": with an authority as subject, the other side pays
    markets: frozenset[str] = frozenset()   # "exchange", "Nasdaq": a market owns no price
    benchmarks: frozenset[str] = frozenset()   # "Brent", "WTI": a benchmark's whole name, not an owner

    def is_market(self, name: str) -> bool:
        """A name where prices are made, not whose they are: "NYMEX", "ICE Brent"."""
        low = " ".join(name.lower().split())
        return low in self.benchmarks or bool(self.markets & set(low.split()))
    state_nouns: frozenset[str] = frozenset()   # "government": "the U.S. government" is the state acting
    offices: frozenset[str] = frozenset()   # "bureau", "ministry": a public body that publishes figures
    countries: dict[str, str] = field(default_factory=dict)   # "U.S.", "Japanese" -> the country

    def country_in(self, name: str) -> str | None:
        """The country an organisation's name carries: "U.S. Census Bureau", "Bank of Japan",
        "Statistics Canada", "the Japanese Finance Ministry"; None without one."""
        words = name.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        for n in (3, 2, 1):
            hit = self.countries.get(" ".join(words[:n]))
            if hit and len(words) > n:
                return hit
        if "of" in words[:-1]:
            tail = words[len(words) - words[::-1].index("of"):]
            hit = self.countries.get(" ".join(w for w in tail if w.lower() != "the"))
            if hit:
                return hit
        return self.countries.get(words[-1]) if len(words) > 1 else None


def load() -> ActorWords:
    """The words of the shipped table (lower case)."""
    rows = [r for r in resources.load_patterns("money_actors") if r.get("word")]

    def words(kind: str) -> frozenset[str]:
        return frozenset(r["word"].lower() for r in rows if r.get("kind") == kind)

    return ActorWords(
        descriptors={r["word"].lower(): r["label"] for r in rows if r.get("kind") == "descriptor"},
        makers=frozenset(r["word"].lower() for r in rows if r.get("kind") == "descriptor" and r.get("makes")),
        naming=words("naming"), first_person=words("first_person"), third_person=words("third_person"),
        neuter=words("neuter"), receivers=words("receiver"), givers=words("giver"),
        countries=_countries(), offices=words("office"),
        state_nouns=frozenset(r["text"].lower() for r in resources.load_patterns("actor_cues")
                              if r.get("kind") == "state_noun"), markets=words("market"),
        benchmarks=words("benchmark"),
        issuers=words("issuer"), securities=words("security"), penalties=words("penalty"), bilateral=words("bilateral"),
        settling=words("settling"),
    )


def _countries() -> dict[str, str]:
    """Country names, short forms and demonyms (actor_countries, actor_cues) -> the country."""
    found = {r["pattern"]: r["id"] for r in resources.load_patterns("actor_countries")
             if isinstance(r.get("pattern"), str)}
    found.update({r["text"]: r["country"] for r in resources.load_patterns("actor_cues")
                  if r.get("kind") == "demonym"})
    return found
