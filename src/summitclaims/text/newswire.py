"""The newswire dateline ("SANTA CRUZ, Calif., Feb 26 -", "LONDON, March 3 (Reuters) -"), defined
once: where it is looked for and the ways the components read it."""
from __future__ import annotations

import re

DATELINE_WINDOW = 600   # characters: a dateline opens the story, within its first lines

# a month written short or long, maybe with a point: "Feb", "Sept.", "March"
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

# The city and state of a dateline, for the actors: the city in capitals, a state abbreviation,
# then a month and a day. Groups: 1 the city, 2 the state.
CITY_DATELINE = re.compile(
    r"""
    ^[ \t]*                          # a line start (re.M), maybe indented
    (                                # 1: the city, in capitals
      [A-Z][A-Z.'\-]*                #    "ST.", "O'HARE", "WINSTON-SALEM"
      (?:[ ][A-Z][A-Z.'\-]*){0,3}    #    up to four words: "RIO DE JANEIRO"
    )
    (?:,[ \t]*([A-Z][A-Za-z.]{1,6}))?   # 2: a state abbreviation: "Calif.", "ILL.", "N.Y."
    ,[ \t]+                          # a comma before the date
    """ + _MONTH_WORD + r"""         # a month, short or long
    [ \t]+\d{1,2}\b                  # and the day: "Feb 26", "March 3"
    """,
    re.MULTILINE | re.VERBOSE,
)

# A dateline without a date, as agencies write it: the city in capitals, perhaps its country or
# state, then the agency in brackets or a dash ("TIGNES, France (AP) —", "KYIV, Ukraine —",
# "WASHINGTON (Reuters) -"). Groups: 1 the city, 2 the country or state. A bare "PARIS —" is not
# enough (headline tags such as "UPDATE -" look the same).
AGENCY_DATELINE = re.compile(
    r"""
    ^[ \t]*                          # a line start (re.M), maybe indented
    ([A-Z][A-Z.'\-]*(?:[ ][A-Z][A-Z.'\-]*){0,3})   # 1: the city, in capitals
    (?:
      ,[ \t]*([A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})   # 2: ", France", ", N.Y."
      [ \t]*(?:\([A-Za-z]{2,10}\)[ \t]*)?                  # perhaps the agency: "(AP)"
    | [ \t]*\([A-Za-z]{2,10}\)[ \t]*                         # or the agency alone: " (Reuters)"
    )
    (?:-|–|—|--)[ \t]                # the dash that ends the dateline
    """,
    re.MULTILINE | re.VERBOSE,
)

# A dateline with its date (and perhaps a news service) in brackets, as US government and many
# web news services write it: "WASHINGTON (Army News Service, Oct. 19, 2012) --", "HONOLULU (June
# 19, 2012) --", "FORT RUCKER, Ala. (September 22, 2011) --".
BRACKET_DATELINE = re.compile(
    r"""
    [ \t]*[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,3}    # the place, in capitals or not
    (?:,[ \t]*[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})?   # perhaps its state: ", Ala."
    [ \t]*\([^()\n]{0,60}?\b\d{4}\)                          # "(..., 2012)": brackets ending in a year
    [ \t]*(?:-|–|—|--)[ \t]                                 # the dash
    """,
    re.VERBOSE,
)

# A dateline without a date in any case, as press releases write it on the first line: a place,
# its state or country, then a spaced dash ("Los Angeles, CA - Tenet ...", "Brussels, Belgium –").
# Only where a text opens (``PLACE_DATELINE.match``): later such lines are ordinary text.
PLACE_DATELINE = re.compile(
    r"""
    [ \t]*[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,3}    # the place: "Los Angeles", "ST. PAUL"
    ,[ \t]*[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2}        # its state or country: "CA", "Belgium"
    [ \t]+(?:-|–|—|--)[ \t]                                 # a dash with spaces round it
    """,
    re.VERBOSE,
)

# A whole dateline line, for money attribution, which must not take its place for an actor: a place
# in any case, then a date either way round and the dash or agency that ends a dateline. Groups:
# ``place`` and ``region`` (its state or country).
DATELINE_LINE = re.compile(
    r"""
    ^[ \t]*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}),  # the place: "MILWAUKEE,", "Toronto,"
    (?:[ \t]*(?P<region>[A-Za-z.' ]{2,20}),)?   # perhaps its state or country: " WIS.,"
    [ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}    # the date: "March 17" ...
            |\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)   # ... or "17 March"
    (?:,[ \t]*\d{4})?                           # perhaps the year
    [ \t]*(?:-|–|—|\(\w+\))                     # then a dash or the agency: "- ", "(Reuters)"
    """,
    re.MULTILINE | re.VERBOSE,
)

# For the publication date (normalize.dates.dateline): the place that opens a wire dateline, in
# capitals ("SALVADOR, ", "NEW YORK (Reuters), "), and the dash after its date.
WIRE_PLACE = re.compile(r"""
    \s*[A-Z][A-Z.'’ -]{1,40}        # the place, in capitals
    (?:\s*\([^)]{1,40}\))?           # perhaps the agency: "(Reuters)"
    ,\s+                            # the comma before the date
""", re.VERBOSE)
WIRE_DASH = re.compile(r"\s*[-–—]")   # the dash that ends the dateline after its date
