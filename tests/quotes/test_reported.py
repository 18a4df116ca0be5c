"""Reported speech (indirect and mixed quotes), stance and speaker types: one table per family."""
from __future__ import annotations

import pytest

from summitclaims.resources import TABLES, PatternFileError, check_row, value_domains


def quotes(kinds, text):
    return [(r["type"], r["quote"], r["speaker_text"], r["cue"]) for r in kinds(text, "quote")]


# --- reported clauses: the verb's subject and its clausal complement --------------------------------
@pytest.mark.parametrize("text, expected", [
    pytest.param("Marta Kowalska said on Monday that France would build three new plants.",
                 ("indirect", "France would build three new plants", "Marta Kowalska", "say"), id="said-that"),
    pytest.param("The minister told reporters the plan was ready for a vote.",
                 ("indirect", "the plan was ready for a vote", "The minister", "tell"), id="told-someone"),
    pytest.param("Prices will rise sharply next year, the bank said.",
                 ("indirect", "Prices will rise sharply next year", "the bank", "say"), id="fronted-clause"),
    pytest.param("According to the European Commission, the fund will grow to 10 billion euros.",
                 ("indirect", "the fund will grow to 10 billion euros", "the European Commission", "according to"),
                 id="according-to-first"),
    pytest.param("The fund will grow to 10 billion euros, according to the European Commission.",
                 ("indirect", "The fund will grow to 10 billion euros", "the European Commission", "according to"),
                 id="according-to-last"),
    pytest.param("This is despite the fact that, according to the BBC, Bolt jogged the last twenty metres.",
                 ("indirect", "Bolt jogged the last twenty metres", "the BBC", "according to"),
                 id="according-to-its-clause"),
    pytest.param("Acme Corp said it has agreed to merge into a company formed by <Welsh, Carson, Anderson and "
                 "Stowe IV> for 16.50 dlrs a share.",
                 ("indirect", "it has agreed to merge into a company formed by <Welsh, Carson, Anderson and Stowe IV> "
                  "for 16.50 dlrs a share", "Acme Corp", "say"), id="clause-runs-to-the-sentence-end"),
    pytest.param("Oil minister Ali Khalifa insisted that output would stay within the agreed ceiling.",
                 ("indirect", "output would stay within the agreed ceiling", "Oil minister Ali Khalifa", "insist"),
                 id="insisted"),
    # the hearer with a "that" clause the parse hangs on it as a relative clause
    pytest.param("Phillips told an audience of small and large business members that the Army accounts for 25 "
                 "percent of federal contracting.",
                 ("indirect", "the Army accounts for 25 percent of federal contracting", "Phillips", "tell"),
                 id="told-a-hearer-that"),
    # who the relative clause, the preposition or the participle hangs on
    pytest.param("The plan was backed by Jane Novak, who said the vote would pass easily.",
                 ("indirect", "the vote would pass easily", "Jane Novak", "say"), id="who-said"),
    pytest.param("Col. John Hurley opened the forum by telling those in attendance that the day was about "
                 "solving problems.",
                 ("indirect", "the day was about solving problems", "Col. John Hurley", "tell"), id="by-telling"),
    # a fronted clause the parse hangs on the verb as an adverbial one or a conjunct
    pytest.param("With forces drawing down in Afghanistan, the Army is rebalancing to the Pacific region, said "
                 "Chief of Staff of the Army Gen. Ray Odierno.",
                 ("indirect", "With forces drawing down in Afghanistan, the Army is rebalancing to the Pacific region",
                  "Ray Odierno", "say"), id="fronted-and-inverted"),
    pytest.param("WASHINGTON, May 7, 2013 - The world is becoming more uncertain and the Army is adjusting, Army "
                 "Chief of Staff Gen. Ray T. Odierno told the Defense Writers Group here today.",
                 ("indirect", "The world is becoming more uncertain and the Army is adjusting",
                  "Army Chief of Staff Gen. Ray T. Odierno", "tell"), id="fronted-conjunct"),
    pytest.param("Small businesses represent 29.6 million companies, create 63.3 percent of new jobs and employ "
                 "half of all workers, according to Goodsell.",
                 ("indirect", "Small businesses represent 29.6 million companies, create 63.3 percent of new jobs and "
                  "employ half of all workers", "Goodsell", "according to"), id="according-to-all-conjuncts"),
    # a cue set off inside the sentence it attributes
    pytest.param("Building partnerships in the region, he said, will foster understanding.",
                 ("indirect", "Building partnerships in the region, he said, will foster understanding", "he", "say"),
                 id="parenthetical-cue"),
    pytest.param("If full sequestration is implemented, Odierno said, there is a good chance the Army will shrink.",
                 ("indirect", "If full sequestration is implemented, Odierno said, there is a good chance the Army "
                  "will shrink", "Odierno", "say"), id="parenthetical-after-a-condition"),
])
def test_reported_speech(kinds, text, expected):
    assert quotes(kinds, text) == [expected]


# --- what reports nothing -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    pytest.param("The minister did not say that the plan was ready.", id="negated"),
    pytest.param("It was reported that the plan was ready for a vote.", id="passive"),
    pytest.param("The minister declined to say whether the plan was ready.", id="a-question"),
    pytest.param("The minister believes that the plan is ready for a vote.", id="a-thought"),
    pytest.param("The company expects that profit will rise next year.", id="no-cue-verb"),
    pytest.param("ACME SAYS PROFIT WILL RISE SHARPLY\nNEW YORK, March 3 - Acme Corp raised its dividend.",
                 id="a-headline"),
    pytest.param("Developers in the region will expand innovation He said that.", id="too-short"),
    pytest.param("Developers in the region will expand innovation he said.", id="run-on-without-a-comma"),
    pytest.param("He told the story that the Army wrote about its past.", id="told-a-thing-with-a-relative-clause"),
    pytest.param("Each country must negotiate its debt according to its own interest.", id="according-to-its-own"),
    pytest.param("The banks will underwrite the auctions, maintain market liquidity and channel operations.",
                 id="a-cue-verb-in-a-list-of-actions"),
])
def test_no_reported_speech(kinds, text):
    assert quotes(kinds, text) == []


def test_two_clauses_of_one_speaker_are_two_quotes(kinds):
    got = quotes(kinds, "Eurostat said EC industrial production rose 3.1 pct in December but added that output "
                        "growth had been slowing.")
    assert got == [("indirect", "EC industrial production rose 3.1 pct in December", "Eurostat", "say"),
                   ("indirect", "output growth had been slowing", "Eurostat", "add")]


def test_nested_attribution_is_part_of_the_outer_one(kinds):
    got = quotes(kinds, "The senator said the minister told him the plan was dead.")
    assert got == [("indirect", "the minister told him the plan was dead", "The senator", "say")]


# --- mixed: a reported clause holding quoted words ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    pytest.param('Macron said France would be "ready to act" by the end of June.',
                 ("mixed", 'France would be "ready to act" by the end of June', "Macron", "say"), id="piece-inside"),
    pytest.param('BBC Sport reported that Bolt set the new world record even though "he didn\'t even try all of '
                 'the way."',
                 ("mixed", 'Bolt set the new world record even though "he didn\'t even try all of the way."',
                  "BBC Sport", "report"), id="piece-at-the-end"),
])
def test_mixed_quotes(kinds, text, expected):
    assert quotes(kinds, text) == [expected]


def test_a_quotation_in_marks_stays_direct(kinds):
    got = quotes(kinds, '"We will build the factories in France this year," Marta Kowalska said.')
    assert got == [("direct", "We will build the factories in France this year,", "Marta Kowalska", "say")]


# --- stance: the cue's class ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, stance", [
    pytest.param("The minister said the plan was ready for a vote.", "neutral", id="said"),
    pytest.param("The minister insisted the plan was ready for a vote.", "assertive", id="insisted"),
    pytest.param("The minister warned that the plan was not ready for a vote.", "assertive", id="warned"),
    pytest.param("The lawsuit claims that the company hid its losses from investors.", "distancing", id="claims"),
    pytest.param("Prosecutors alleged that the company hid its losses from investors.", "distancing", id="alleged"),
    pytest.param("The minister suggested that the plan might be ready in June.", "tentative", id="suggested"),
    pytest.param("According to the ministry, the plan is ready for a vote.", "neutral", id="according-to"),
    pytest.param('"We will build the factories in France this year," she stressed.', "assertive", id="direct"),
])
def test_stance(kinds, text, stance):
    assert [r["stance"] for r in kinds(text, "quote")] == [stance]


def test_every_cue_verb_has_a_stance(nlp):
    tables = nlp.get_pipe("summitclaims_quotes").tables
    assert set(tables.stances) == set(tables.verbs)
    assert set(tables.stances.values()) <= value_domains()["stance"]


def test_an_unknown_stance_is_an_error_naming_file_and_line():
    kinds_ = {"verb": TABLES["quote_cues"]["verb"]}
    with pytest.raises(PatternFileError, match=r"quote_cues.jsonl:7: stance 'sceptical'"):
        check_row("quote_cues.jsonl", 7, {"kind": "verb", "lemma": "doubt", "stance": "sceptical"}, kinds_)


# --- speaker types ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, speaker_type, speaker", [
    pytest.param("Marta Kowalska said the plan was ready for a vote.", "named", "Marta Kowalska", id="named"),
    pytest.param("Marta Kowalska arrived late. She said the plan was ready for a vote.", "pronoun", "Marta Kowalska",
                 id="pronoun"),
    pytest.param("A senior official said the plan was ready for a vote.", "anonymous", None, id="anonymous"),
    pytest.param("Money traders said the yen was likely to weaken further.", "anonymous", None,
                 id="anonymous-plural"),
    pytest.param("Money traders said rates would fall. They said the yen was likely to weaken further.",
                 "pronoun", None, id="they-are-the-traders"),
])
def test_speaker_types(kinds, text, speaker_type, speaker):
    last = kinds(text, "quote")[-1]
    assert (last["speaker_type"], last["speaker"]) == (speaker_type, speaker)


# --- the speaker sieve: the families that went wrong -----------------------------------------------------
@pytest.mark.parametrize("text, speaker, speaker_type", [
    # a descriptor before the name after the cue
    pytest.param('"We have lost everything this winter," said oil and gas worker Mike Wipf.', "Mike Wipf", "named",
                 id="descriptor-with-a-conjunction"),
    # cue verbs of manner and memory
    pytest.param('"The market will recover," echoed Anna Berg, the bank\'s chief economist.', "Anna Berg", "named",
                 id="echoed"),
    pytest.param('"I was there in 1990," recalled Maria Lopez.', "Maria Lopez", "named", id="recalled"),
    # unnamed sources take no name, not even the organisation in their words
    pytest.param('The minister Jan Novak spoke first. Later, the senior ministry official said, "We will not sign '
                 'this deal."', None, "anonymous", id="the-official-is-not-the-minister"),
    pytest.param('"It will be a close race," said one GOP operative.', None, "anonymous", id="one-operative"),
    # ... but a spokesman speaks for the organisation
    pytest.param('"We will appeal," a spokesman for Acme Corp said.', "Acme", "anonymous", id="spokesman-for"),
    # a document speaks for who issued it
    pytest.param('A statement from the European Union said, "The summit was a success."', "European Union",
                 "organisation", id="statement-from"),
    # an organisation's mention run on into a person's name
    pytest.param('"We have the votes," Minister in the Ministry of Finance Brian Manning said.', "Brian Manning",
                 "named", id="name-after-an-organisation"),
    # the one quoted, not who quotes him
    pytest.param("Reuters quoted Finance Minister Jan Novak as saying the budget would be cut.", "Jan Novak",
                 "named", id="quoted-as-saying"),
    # titles abbreviated, and titles with "of", before the name
    pytest.param('"This training only comes once in a career," said Lt. Col. Kevin Fujimoto, the battalion '
                 "commander.", "Kevin Fujimoto", "named", id="abbreviated-ranks"),
    pytest.param('"Most people I have met are good," said Army Chief of Staff Gen. Ray Odierno.', "Ray Odierno",
                 "named", id="a-title-with-of"),
    pytest.param('"I think a sale is highly unlikely," said Martin Long of Lipper Analytical.', "Martin Long", "named",
                 id="a-name-of-an-organisation"),
    pytest.param("A statement issued by the European Commission said the fund would grow.", "European Commission",
                 "organisation", id="a-statement-issued-by"),
    pytest.param("The event featured foods from many countries, according to Sgt. 1st Class David Kintz, the "
                 "garrison adviser.", "David Kintz", "named", id="according-to-a-rank-with-an-ordinal"),
    # a government speaks for its country; a body's description for the body it names
    pytest.param("The Spanish government said the aid worker was safe.", "Spain", "organisation",
                 id="a-country-s-government"),
    pytest.param("The Finance Ministry and the Budget Commission met on Monday. The ministry said updated "
                 "forecasts would be ready in the autumn.", "Finance Ministry", "nominal",
                 id="the-body-whose-name-holds-the-noun"),
    # the one a clause in the subject names is not the subject
    pytest.param("A shareholder group led by investor Natalie Koether said it would sell its stake.", None,
                 "anonymous", id="a-group-led-by"),
    # a wire ticker between the name and its verb
    pytest.param("SYDNEY, April 1 - The Australian Gas Light Co <AGLA.S> said it\nwill offer one share for every "
                 "two shares.", "Australian Gas Light", "organisation", id="ticker-before-the-verb"),
])
def test_speaker_families(kinds, text, speaker, speaker_type):
    (q,) = kinds(text, "quote")
    assert (q["speaker"], q["speaker_type"]) == (speaker, speaker_type)


# --- statements as press releases print them, and who a pronoun is about ----------------------------
@pytest.mark.parametrize("text, speaker", [
    pytest.param('WASHINGTON -- After the launch, Jane Marlow, Assistant to the President for Science, issued the '
                 'following statement:\n\n"Congratulations to the teams for a successful launch of the rocket."',
                 "Jane Marlow", id="issued-the-following-statement"),
    pytest.param("CLEVELAND - The following is a statement by Center Director Ray Lund regarding the death of "
                 'astronaut Neil Armstrong.\n\n"Our condolences reach out to his wife and family."', "Ray Lund",
                 id="the-following-is-a-statement-by"),
    pytest.param('Statement from Anna Kovac, Apollo 11 lunar module pilot:\n\n"I am very saddened to learn of the '
                 'passing of my friend today."', "Anna Kovac", id="statement-from-heading"),
    pytest.param('"He can never be replaced, and we will miss him every single day."\n- Jack Boyd, senior advisor '
                 "for history", "Jack Boyd", id="signed-on-the-next-line"),
])
def test_statements_announced_or_signed(kinds, text, speaker):
    (q,) = kinds(text, "quote")
    assert q["speaker"] == speaker


def test_an_announcement_without_a_colon_or_following_announces_nothing(kinds):
    text = ('Anna Kovac issued a statement on Monday.\n\n"I am very saddened to learn of the passing of my '
            'friend today."')
    (q,) = kinds(text, "quote")
    assert q["speaker"] is None


@pytest.mark.parametrize("text, speakers", [
    pytest.param("President John Smith met Prime Minister David Jones on Monday. Smith said he valued the "
                 "partnership. Jones then started speaking. He said that the bond between the countries was strong.",
                 ["John Smith", "David Jones"], id="the-subject-of-the-sentence-before"),
    pytest.param("President Tom Field returned Prime Minister Peter Lund's call. Lund had called to congratulate "
                 "him. The President expressed his thanks. He noted that he was grateful for the call.",
                 ["Tom Field"], id="a-title-subject-before"),
])
def test_a_pronoun_opening_its_sentence_is_the_subject_before(kinds, text, speakers):
    assert [q["speaker"] for q in kinds(text, "quote")] == speakers


def test_a_fronted_clause_ending_in_a_quoted_piece_is_mixed(kinds):
    text = 'One thing he has learned from the last two is that "everyone loves to eat," Kintz said.'
    (q,) = kinds(text, "quote")
    assert (q["type"], q["speaker"], q["quote"]) == (
        "mixed", "Kintz", 'One thing he has learned from the last two is that "everyone loves to eat,"')


def test_no_reported_clause_starts_in_a_bracketed_dateline(kinds):
    text = ('HONOLULU (June 19, 2012) -- "Since 1775, Army Medicine has stood shoulder-to-shoulder with our war '
            'fighters," said Lt. Gen. Patricia Horoho.')
    (q,) = kinds(text, "quote")
    assert (q["type"], q["speaker"]) == ("direct", "Patricia Horoho")


@pytest.mark.parametrize("text, speaker", [
    pytest.param('"He was always the first one in the gym," says Wise\'s dad, Darrin.', "Darrin",
                 id="a-relative-then-his-name"),
    pytest.param('"We will win," said the mayor, Tom Field.', "Tom Field", id="a-title-then-the-name"),
    pytest.param('"We will win," said the mayor, who spoke first.', None, id="a-relative-clause-is-no-name"),
])
def test_a_description_then_a_name_after_the_cue(kinds, text, speaker):
    (q,) = kinds(text, "quote")
    assert q["speaker"] == speaker


def test_of_after_a_name_starts_no_title(kinds):
    # the model takes "Perrin Long" for an organisation: the speaker words must stop before "of"
    (q,) = kinds('"I think a sale is highly unlikely," said Perrin Long of Lipper Analytical.', "quote")
    assert q["speaker"] == "Perrin Long"


def test_a_surname_two_people_share_is_the_first_named(kinds):
    text = ('Sgt. Maj. Raymond F. Chandler III and his wife Jeanne Chandler visited the post. "When you are a '
            'Soldier, you have chosen to be a part of something," Chandler said.')
    (q,) = kinds(text, "quote")
    assert q["speaker"] == "Raymond F. Chandler III"


def test_a_name_wrapped_over_two_lines_of_wire_copy(kinds):
    text = ("ACME SEES HIGHER PROFIT\nNEW YORK, March 3 - U.S. Treasury secretary\nJames Baker said the pact\n"
            "needs to be reviewed, and he said so\nagain on Tuesday to a group of\nbankers in New York City.\n")
    (q,) = kinds(text, "quote")
    assert (q["speaker"], q["quote"]) == ("James Baker", "the pact\nneeds to be reviewed")


def test_a_pronoun_goes_to_the_last_speaker_of_reported_speech(kinds):
    text = ('Mayor Tom Field spoke to the council. The former mayor argued the budget was too small. Peter Lund, '
            'a councillor, listened. "We cannot cut more," he said.')
    got = [(r["type"], r["speaker"]) for r in kinds(text, "quote")]
    assert got == [("indirect", "Tom Field"), ("direct", "Tom Field")]
