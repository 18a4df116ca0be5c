"""spaCy components of summitclaims, each registered with ``@Language.factory``.

Order in the pipeline (see ``summitclaims.nlp.build``):
``ner`` -> ``summitclaims_gazetteer`` (entity_ruler) -> ``summitclaims_actors`` ->
``summitclaims_dates`` -> ``summitclaims_money`` -> ``summitclaims_quotes``.
"""
