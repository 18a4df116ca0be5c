"""Dependency labels read off spaCy's English parse (ClearNLP labels) by more than one component."""
from __future__ import annotations

# the subject of a verb that can be a speaker or an actor: a noun phrase ("the minister said")
NOMINAL_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
# any subject, a clause too ("What Contoso pledged was ..."): money climbs through clausal subjects
SUBJECTS = NOMINAL_SUBJECTS | frozenset(("csubj", "csubjpass"))
# pronouns that open a relative clause: "the firm, which will invest ..." is the firm
RELATIVE_PRONOUNS = frozenset(("that", "which", "who", "whom", "whose"))
