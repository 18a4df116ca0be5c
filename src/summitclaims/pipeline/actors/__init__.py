"""summitclaims_actors: canonical actors from the model's entities and the gazetteer.

Inputs: ``doc.ents`` (the statistical NER) and ``doc.spans[GAZ_KEY]`` (matches of the
``summitclaims_gazetteer`` span ruler, ``span.id_`` = canonical name).  Sets:
- ``doc.spans[extensions.MENTIONS]``: every mention of an actor (names, surnames, typos of a name
  in the article, title mentions such as "the Commission President", organisation short forms
  such as "the Commission"), ``span._.sc_actor`` = canonical name, ``span.label_`` in LABELS;
- ``doc._.sc_actors``: ``values.Actor`` per distinct actor, in order of first mention;
- ``doc.ents``: the cleaned actor mentions plus the model's other entities (DATE, MONEY, ...).

Conventions: a title mention resolved only from the office-holders table (nobody in the article
holds that role) is a mention, so money/quotes can link it, but creates no actor record: the table
is world knowledge that ages, the records list who the article names.  Nationality adjectives are
NORP, except before a state noun ("the French government"), which is a mention of the country.

The passes, in order (``component.ActorLinker.__call__``): ``candidates`` (gazetteer and model
spans, cleaned by ``cleaning``), ``places`` (datelines), ``roles`` (title mentions), ``orgs`` (short
forms, then one organisation per article), ``roles`` (appositions), ``people`` (one cluster per
person), ``annotate`` (written to the doc). ``tables`` holds the rule data, ``gazetteer`` the
gazetteer rows for the span rulers, ``context`` the per-call state the passes share.
"""
from .component import ActorLinker, make_actors
from .gazetteer import GAZ_KEY, LABELS, read_gazetteer, ruler_patterns

__all__ = ["ActorLinker", "GAZ_KEY", "LABELS", "make_actors", "read_gazetteer", "ruler_patterns"]
