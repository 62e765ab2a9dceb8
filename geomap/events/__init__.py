"""Events: the movements, presences and incidents a news text reports.

A rule-based reader that works on top of the geoparser's places. It goes through each
sentence like this:

1. Tokens, with each place mention as a single token.
2. Attribution ("..., the NIS said", "menurut NIS", "kata X") is cut out and kept as
   the source. That way the speaker's places ("the defence ministry in Seoul") never
   become event places, and the date on the saying ("said on Tuesday") never becomes
   the event's date.
3. Trigger words: movement verbs, stationing verbs and incident words. Each trigger
   reads the text between itself and the next trigger.
4. Each place gets a role from the preposition that governs it ("to"/"ke" for a
   destination, "from"/"dari" for an origin, "in"/"di" for a location). Two places
   merely named in the same sentence therefore never make a movement.
5. What moved, how many, when, who said so and how sure they are all come from that
   same stretch of text.

The package reads in that order: ``tokens`` (words, numbers), ``attribution``
(who says so, hedges), ``roles`` (prepositions give places their roles), ``frames``
(trigger words and what each fills in), ``movers`` (what moved, how many, whose),
``dates``, ``discourse`` (what carries across sentences) and ``sentence`` (one
sentence end to end); ``cues`` loads the data. Sentence splitting is in
``geomap.sentences``, shared with the renderer.

Every word this package needs is in ``data/events/<lang>.json``. A language is added
by adding a file, not by changing this code. The keys, all lower case:

- ``triggers``: groups of ``words`` with a ``kind`` (movement, presence, incident, or
  none, which blocks a shorter match such as "based" in "based on"), optional ``flags``
  and an optional ``what``. The flags are: arrival ("arrived in X" makes X the
  destination); destination_direct and origin_direct (the object is the place:
  "entered X", "fled X"); departure ("left X for Y"); origin_statement ("came from X": only
  completes an arrival told just before, alone it is a home, not a journey); deploy ("deployed in X" is a
  presence); host (a verb of taking people in, "приняла беженцев": they arrived at the subject, or at the
  place named "in"); nominal (a noun such as "deployment", which has no subject and no date
  before it); direct_object (an incident verb whose object is the target); departure_at ("embarqués à
  Sfax", "in Sfax gestartet": the place where it is boarded or takes off is the origin); back ("vrátil se do
  Chersonu" after "odjel do Ameriky": going back, with no origin told, starts where the story last took the
  same mover); push ("vytlačování migrantů do Běloruska": a push-back, with no origin told, starts in the
  country of those who push, the last demonym before the verb, "polské a litevské síly"); route_noun (a
  vehicle noun that is a trip only with a "from" or "between" after it: "trains from Lviv", not "regular
  buses to Bristol"); settled (a verb of now living somewhere, "kini tinggal di X": a movement to X only
  when the story told where the group came from, never a journey from nowhere).
- ``split_particles``: a two-word trigger whose second word is one of these particles is also read
  when the particle closes the clause further on (German "kamen ... in Berlin an", "kehrte ... zurück").
- ``prepositions``: destination, origin, transit, locative and target words; ``motion_or_locative``
  words (French "à", "en", "au") are a destination after a movement word ("envoyés en Pologne") and a
  location otherwise, or when the place before them lies inside the one after ("Sfax en Tunisie").
- ``of_prepositions``: origin words that only name a place after a place noun or a count ("al puerto de
  La Restinga", "miles de migrantes") or after one of the ``of_heads`` ("l'ambassade de France"); after one of the
  ``owner_heads`` the phrase ends at its owner ("del presidente de Rusia" is no "from Russia");
  ``names_capitalised``: a capitalised word inside a sentence is a name, so a "de" after it says where the named
  thing is ("un autobús de la Fundación Mensajeros de la Paz"). ``dropped_subject``: a verb with no subject goes on
  with the group told before ("Ahora ponen rumbo a España"), the part of ``pro_drop`` that does not also take a
  named group for the last one by its kind. After one of the ``separates`` verbs and a place, "de" names the
  boundary's other side ("que separa Colombia de Panamá"), not whence. ``elisions``: elided words kept apart
  from the next word
  ("d'Ukraine", "d'atteindre"). ``presence_origin``: a group told to be somewhere, or to have left a country
  named only by its demonym, sets out from there when the next sentences move it ("находятся на территории
  Белоруссии. Их доставят в Россию", "багато українців змушені покинути домівки").
  ``case_prepositions``: preposition -> {case: role}, the role told by the case of the word after it.
  ``destination_before_verb``: the clause may end on its verb ("hat Soldaten
  nach Litauen verlegt", "sind auf Lampedusa eingetroffen"), so a destination is also looked for before it.
- ``anaphors``: place nouns that point back ("the city": place kinds it may stand for), with
  ``anaphor_not_before`` (words after the noun that make it no reference: "the capital of"),
  ``anaphor_largest`` and ``anaphor_any_case``; a language without articles names one-word nouns
  ("země", "města") and ``anaphor_bare_after``, the prepositions after which the bare noun is a place
  phrase ("do země"), and ``anaphor_topic_not_after``, the words before a place that keep it from being
  what such a noun points back to (a place inside a phrase, "hranic s Polskem", is not the topic).
- ``what``: category to nouns (troops, civilians, refugees, ships, aircraft, weapons,
  aid, officials). ``noun_phrase_head`` says whether the head of "aid ships" or
  "kapal bantuan" is the ``last`` noun or the ``first``.
- ``genitive_origin``: a place after the moved noun is its origin ("pasukan Korea
  Utara"). ``demonym_origin``: a demonym in front of the moved noun is its origin
  ("North Korean troops", "German soldiers"). Both apply only when the text names no
  "from"/"dari" place and no country is the subject ("North Korea has shipped").
  ``guessed_origin_yields``: an origin the sentence does not tell (the movers' country after their noun, a start
  carried from before that is not where the group last arrived) is dropped where the story tells a start in another
  country of a trip to the same place ("jemaah haji Indonesia ... ke Makkah" under "berangkat dari hotel di
  Madinah"); off where a carried start is more often another group's ("Mereka dievakuasi ... lalu tiba di X").
  ``apposition_words`` after a comma ("ke berbagai negara, khususnya Amerika Serikat") join the place after them to
  the phrase before the comma, as one of the places it spoke of.
  ``name_particles`` ("bin") join the words of a name the geoparser did not know between a place head and the
  place after it ("menuju Bandara Amir Muhammad bin Abdul Aziz Madinah"). ``list_openers`` ("masing-masing",
  "yakni") opening a verbless sentence after a trip from a number of unnamed places ("diberangkatkan dari
  delapan embarkasi") name those places: one movement from each, to where the group was last said to go.
  ``until_words`` ("hingga") between a trip heading somewhere and an arrival elsewhere ("menuju Malaysia hingga
  kemudian terdampar di Aceh") say the first place was never reached: the arrival does not leave from it.
  ``route_nouns`` ("rute") before places parted by spaced dashes ("Halim (Jakarta) - Aceh - ... - El Arish (Mesir)")
  make one movement from the first stop to the last, through the others.
  ``hub_heads`` ("pelabuhan", "bandara"): people or vehicles at a port, airport or station named before the verb,
  in no "from"/"to" phrase, head elsewhere from it ("suasana Pelabuhan Merak ... penumpang arus balik menuju ke
  ... Pulau Sumatera"), before any origin carried from earlier sentences.
  ``demonym_suffixes`` spot demonyms the geoparser did not flag (its gazetteer index
  lists "German" and "Israeli" as alternate names, not demonyms): a demonym is never
  itself an event's origin, destination or place token.
  ``measure_nouns``: nouns whose "from X to Y" or "between X and Y" measures a span ("about the
  distance from Los Angeles to New York"), so neither place is an end of the trip around it.
  ``owned_nouns``: nouns a country owns abroad ("base"): a country right before one ("the US base in
  Germany") says whose the place is, so it is no end and the place phrase goes on past it.
  ``unreached_words``: verbs of going whose place is not reached ("approached"): two verbs of going joined
  by "and" ("flew to Paris and drove to Lyon") are two legs of one trip, but not after one of these.
  ``strife_words``: nouns for fighting ("conflict", "violence") whose place ("conflict in Chad") is, like an
  attack's, what people fleeing or crossing with no origin told have left.
  ``pair_not_route``: words next to a dashed pair of places ("the Sudan–Chad border") that
  make it a boundary or a relation, not a route ("London–Tokyo service").
  ``noun_suffixes``: endings of nouns ("-tion"), so "moved to evacuation centres" is not
  read as "to" before a verb.
- ``return_words``: trigger words that send people back to their own country ("deported",
  "repatriated"), read as if their group had the ``return`` flag: with no destination named, the
  movers' own country is it ("deported thousands of Haitians").

- ``halted_words``: words saying a journey stopped short at the place named "in"/"at" a few words on
  ("ditangkap Bakamla di perairan Kepulauan Riau", "kandas di perairan X"): the group is there, not at the
  destination it was bound for, and what moves it on next leaves from there.
- ``home_words``: words after a movement verb (or the verb itself) that say "home" ("flew them home",
  "terbang pulang", "nach Hause"): with no destination named, the movers' own country is the destination.
- ``denied_after_comma``: a negated movement verb whose sentence goes on with a comma and a ``denied`` hedge
  ("Мигранты не были высланы в Узбекистан, опровергли в МВД") is reported as denied, not dropped.
- ``context_prepositions``: after a ``not_movement_contexts`` word and one of these ("цены на пшеницу"), a
  load (``what``) is the topic of the price or talk, no mover.
- ``hedges`` (denied, likely, reported), ``negation``, ``conditionals``,
  ``attribution`` (speech verbs before or after the source, ``source_after_inverted`` when a verb names
  the source after it only right after a comma or quote, "according to", impersonal
  forms, media words; ``topic_after``: a word right after a speech verb that makes it no report, "told of"), ``numbers`` (separators, number words, vague amounts, scales, and
  ``before_count``: words that belong to a count, "más de", "rund", so a mover's phrase starts there),
  ``dates`` (months, weekdays, relative phrases such as "awal bulan ini" mapped to
  ``month:0`` and the like, "since", "last year").
- Inflected languages list verbs and nouns as lemmas, by the morphology library their language file
  (geomap/data/lang/<code>.json, ``morphology``) names; no code names the language. ``lemmas`` says how a
  word of the text meets them: ``"match"`` (Polish, Czech), as written or as its lemma, so "przybyli",
  "przybyło" and "przybywają" all meet "przybyć"; ``"read"`` (Russian, Ukrainian), every word is read as
  its lemma ("прибыли" -> "прибыть"), and a preposition's case is told by the library. Either way a word's
  lemma (``Cues.lemma``) is one of its lemmas the file lists ("прибыли" is "прибыть", not the likelier
  "прибыль"; "granicy" is "granica", though "granicy" is listed too), else the word itself if the file
  lists it (a form listed to match only itself), else the library's likeliest. ``negation_prefixes`` ("ne")
  mark a verb negated by a prefix its lemma lacks ("nepřijeli"); ``pro_drop``: the language drops a subject
  pronoun, so a verb with no subject goes on with the group told before, and a named group of another kind
  is another group;
  ``with_prepositions`` after one of the ``with_heads`` ("granica z Białorusią", "la frontera con Ceuta") mean
  "with", unless a route goes on ("granicy z Białorusi do Polski"), or, after one of the ``with_goal_heads`` a
  "to" governs ("went to the border with Colombia"), the goal; ``whence_words`` ("skąd", "odkud") start
  the movement at the place before them, ``thither_words`` ("dorthin") end it at the place the sentence named
  before them (not the verb's origin). Prepositions whose case decides the role ("na Litwę" / "na Litwie") are
  ``motion_or_locative``; where the verb may follow ("Na Litwę trafiło ..."), the verb after decides.
- Short word lists that steer the walks: ``coordination``, ``walk_stops``,
  ``clause_linkers``, ``subject_gap``, ``determiners``, ``active_aux``/``passive_aux``,
  ``passive_prefixes``, ``progressive_suffixes``, ``pronouns``, ``complementizers``, ``after_words``,
  ``where_words``, ``departure_destination``, ``casualty_words``, ``incident_kinds``. ``verb_and`` / ``verb_then``
  ("and", "then"; "dan", "lalu") join two verbs of one subject, the second leg starting where the first ended. ``earlier_aux``
  ("had") put a verb before the one told just before it ("reached Necoclí ... had flown to Brazil"), so it
  does not chain from where that one ended. ``later_clause`` ("sebelum") opening a sentence marks a clause
  that happens after the main clause: the main clause does not start where it ends; it starts where the main
  clause ends. ``agent_words`` ("oleh") name the doer of a passive verb: a place there ("dideportasi oleh
  Pemerintah Malaysia") is the sender, as an active verb's subject is.
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Result
from ..sentences import split_sentences
from .cues import DATA_DIR, Cues, load_cues
from .dates import parse_doc_date, resolve_relative
from .discourse import State, told_origins
from .scorer import Collector, Reading, apply, load_model
from .sentence import Sentence
from .tokens import parse_number

__all__ = ["DATA_DIR", "Cues", "find_events", "load_cues", "read_events", "parse_doc_date", "parse_number", "resolve_relative",
           "split_sentences"]


def find_events(result: Result, *, scorer: bool = True) -> Result:
    """``result`` with ``events`` filled from its document text and places.

    Languages without a cue file (data/events/<lang>.json) get no events. Relative dates
    resolve against ``document.date``, and stay unknown when that is unknown. ``scorer``:
    let the learned movement scorer (``scorer.py``) choose the movements after the rules.
    """
    model = load_model() if scorer else None
    reading = read_events(result, candidates=model is not None)
    if reading is None:
        return replace(result, events=())
    if model is None:
        return replace(result, events=tuple(e for _, evs in reading.events for e in evs))
    return replace(result, events=tuple(apply(reading, model, result.document.text)))


def read_events(result: Result, *, candidates: bool = True) -> Reading | None:
    """The rules' events per sentence and (with ``candidates``) the scorer's candidate movements;
    None for a language without cue data."""
    doc = result.document
    cues = load_cues(doc.lang)
    if cues is None or not doc.text:
        return None
    doc_date = parse_doc_date(doc.date)
    mentions = sorted(((m, rp) for rp in result.places for m in rp.mentions), key=lambda x: (x[0].start, -x[0].end))
    state = State(places={rp.place.id: rp.place for rp in result.places})
    reading = Reading([], [])
    collector = Collector(cues) if candidates else None
    anaphors = cues.anaphors
    history: list = []
    j = 0
    for s, e in split_sentences(doc.text, doc.lang):
        while j < len(mentions) and mentions[j][0].start < s:
            j += 1
        ms = []
        q = j
        while q < len(mentions) and mentions[q][0].start < e:
            if mentions[q][0].end <= e:
                ms.append(mentions[q])
            q += 1
        if anaphors is not None:  # "Rescuers reached the city": the city named before
            history.extend((state.sentence, m, rp) for m, rp in ms)
            back = anaphors.find(doc.text, s, e, [(m.start, m.end) for m, _ in ms], history, state.sentence)
            if back:  # ms, a stretch of the sorted mentions, is in this order already
                ms = sorted(ms + back, key=lambda x: (x[0].start, -x[0].end))
        # A sentence naming no place has no event; nor has one without a trigger, a mover noun, an
        # attribution or a dashed pair of places ("London–Tokyo"): the discourse state carries over it
        # unchanged, and the movement scorer, trained on what the gate lets through, never sees it.
        # ... except right after an origin statement, which a verbless "But also from X and Y." goes on
        if ms and (cues.may_tell(doc.text[s:e]) or _dashed_pair(doc.text, ms)
                   or (state.pending_all and state.pending_all[0] == state.sentence - 1)
                   or (state.counted_from and state.counted_from[0] == state.sentence - 1)):
            sent = Sentence(doc.text, s, e, ms, cues, doc_date, state)
            events = sent.events()
            reading.events.append((state.sentence, events))
            if collector is not None:
                reading.candidates.extend(collector.add(state.sentence, sent, events))
        state.sentence += 1
    if cues.guessed_origin_yields:
        reading.events[:] = told_origins(reading.events, state.guessed, state.places)
    return reading


def _dashed_pair(text: str, ms) -> bool:
    """Does a dash join two of the mentions with nothing else between them (Sentence._route_pairs)?"""
    ends = {m.end for m, _ in ms}
    return any(m.start - 1 in ends and text[m.start - 1] in ("–", "—", "-") for m, _ in ms)
