"""spaCy components of summitclaims, each registered with ``@Language.factory``.

Order in the pipeline (see ``summitclaims.nlp.build``):
``summitclaims_layout`` (before the parser: headline and dateline sentence starts) -> parser ->
``attribute_ruler`` (the model's, run by ``summitclaims_attribute_ruler`` under its name) -> ... ->
``ner`` -> ``summitclaims_gazetteer`` + ``_caseless`` (span rulers into doc.spans["sc_gazetteer"]) ->
``summitclaims_actors`` ->
``summitclaims_dates`` -> ``summitclaims_money`` -> ``summitclaims_quotes``.
"""
