"""The dependency labels, tags and entity labels actor attribution reads off spaCy's English parse
(ClearNLP labels), named once; those quotes reads too live in ``pipeline.syntax``."""
from __future__ import annotations

from ..syntax import RELATIVE_PRONOUNS as RELATIVE_PRONOUNS  # re-exported: nouns.py reads it here
from ..syntax import SUBJECTS

# the subject of a verb: the actor of an active verb, the receiver of a passive "was awarded"
SUBJECT_DEPS = SUBJECTS
PASSIVE_SUBJECT = "nsubjpass"
# the links climbed from an amount up to the verb that governs it ("pledged to invest up to $5bn")
CLIMB_DEPS = frozenset(("xcomp", "advcl", "acl", "ccomp", "conj", "relcl", "pcomp", "prep", "pobj", "dobj",
                        "attr", "oprd", "appos", "npadvmod", "nummod", "quantmod", "compound", "amod",
                        "nmod", "dep", "advmod", "dative", "agent", "parataxis", "punct", "cc", "acomp",
                        "nsubj", "nsubjpass", "prt"))
RELATIVE_CLAUSE = "relcl"
# clauses that say something else about a noun ("the plan, which Contoso backs"), unless they name it
CLAUSE_DEPS = frozenset(("relcl", "acl"))
POSSESSOR = "poss"                          # "the UAE's 50 billion euros"
AGENT = "agent"                             # "was announced by Nvidia"
PREP_OBJECT = "pobj"
OBJECT_DEPS = frozenset(("dobj", "obj"))
GIVER_PREP_DEPS = frozenset(("prep", "agent"))
RECEIVING_PREPS = frozenset(("to", "for", "toward", "towards", "into"))  # "proceeds to Treasury": a receiver
# "tin business in London", "tin on the European market": a place behind these says where
PLACE_PREPS = frozenset(("in", "on", "at", "near", "across", "throughout", "within", "outside", "inside"))
# "the purchase of AE involved ...": the company "of" such a noun is the one bought, not the buyer
BOUGHT_NOUNS = frozenset(("purchase", "acquisition", "takeover", "buyout", "buy-out"))
GIVER_PREPS = frozenset(("from", "by"))     # "receive ... from the EU", "awarded ... by Contoso"
DETERMINER_DEPS = frozenset(("det", "poss"))   # "the company", "its lender": a descriptor in use
DEFINITE = frozenset(("the", "this", "that", "these", "those"))   # "a bank group" names no one before it
MODIFIER_DEPS = frozenset(("compound", "amod"))  # "London sugar prices": a place modifying a noun
NAME_PART_DEPS = frozenset(("compound", "poss", "appos"))  # the parts of a noun that may name it
# a participle hanging on a noun or clause: "Iliad, pledging 3 billion euros"
PARTICIPLE_TAGS = frozenset(("VBG", "VBN"))
PARTICIPLE_DEPS = frozenset(("acl", "advcl"))
PRONOUN_TAGS = frozenset(("PRP", "PRP$", "WP", "WDT", "DT"))
VERB_POS = frozenset(("VERB", "AUX"))
NOUN_POS = frozenset(("NOUN", "PROPN"))

PLACE_LABELS = frozenset(("GPE", "LOC", "NORP"))   # where, often not who
# among mentions in one phrase: people and organisations first, then countries, places, groups
LABEL_RANK = {"PERSON": 0, "ORG": 0, "GPE": 1, "LOC": 2, "NORP": 3}
UNRANKED = 4
