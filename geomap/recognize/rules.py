"""The rules that sort pass 1's spans into places and the rest, in the order find()
applies them (RULES, then LIST_RULES).

A span rule reads one Mention: rule(ctx, m) -> verdict. KEEP (None) hands the span on
to the next rule, after the rule may have changed it or the facts about it; DROP says
it names no place; PERSON and VESSEL drop it too and say its key names a person or a
ship in this text (one sense per discourse: see people_throughout, ships_throughout);
ACCEPT keeps it as it stands, past the rules after. A span that passes every rule is a
place (see place_found). A list rule reads and returns the whole list: rule(ctx, out) ->
out. Each rule's docstring gives its example; tests/test_recognize_rules.py has a test
for each.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from .. import gazetteer as gz
from .candidates import _BIG_KINDS, LOCATED_MIN, SMALL_TOWN
from .context import Context, Mention
from .langdata import Lang
from .links import _link
from .tokens import _POSSESSIVE, Span, Token, _common, _is_acronym, _is_vessel, _joinable, lower_tail

KEEP, DROP, PERSON, VESSEL, ACCEPT = None, 1, 2, 3, 4

# An airline's code and a flight number ("GA 991", "MH 17"): no place.
_FLIGHT_NUMBER = re.compile(r"[ -]?\d{1,4}\b")
# The end of a quotation, then a speech verb, right before a name: '"...," said X'.
_QUOTE_END = re.compile(r"[,.!?]?[\"”’']\s*\w+\s+$")
_AGE_AFTER = re.compile(r",\s?\d{1,2}\s?[,;)]")
# A wire-service dateline opening the text or a line: "LONDON (Reuters) -", "JAKARTA,
# KOMPAS.com -", "NEW YORK, Nov 25 (AP) —". Typography, not language: capitals, then
# an optional comma clause and bracketed agency, then a dash.
# Capitals of the Latin and Cyrillic alphabets ("КИЇВ, 12 березня (Укрінформ) –").
_CAPS = "".join(re.escape(ch) for ch in map(chr, range(0x41, 0x530)) if ch.isupper())
_DATELINE = re.compile(rf"(?m)^[ \t]*([{_CAPS}][{_CAPS}.'’ -]*[{_CAPS}.])"
                       r"(?=(?:,[^\n]{0,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s)")


def inflected_only(rule):
    """Marks a rule that reads an inflected language's name tables (ctx.names) and
    says nothing without them: apply_rules leaves it out for the other languages, so
    an English span does not pay for the call."""
    rule.inflected_only = True
    return rule


def _all_demonyms(cands) -> bool:
    return all(c.match == gz.MATCH_DEMONYM for c in cands)


# --- span rules, in RULES order ---------------------------------------------------

def unit_word(ctx: Context, m: Mention):
    """A match that pass 1 closed with a unit word ("Laurel County", "Caddo Parish") is
    a place of that unit's kind: the whole name's candidates, or failing those the
    towns and units that bear the name before the word. Nothing else is asked of it."""
    unit = ctx.unit_of.get(m.si)
    if not unit:
        return KEEP
    sp, toks = m.sp, ctx.toks
    known = ctx.ex._known(sp.text)
    if known is not None:
        cands = known.cands
    else:
        known = ctx.ex._known(ctx.text[sp.start:toks[sp.tok_end - 2].end])
        cands = [c for c in known.cands if ctx.g.kind_name(c.row) in ("city", "admin1", "admin2", "other")] \
            if known is not None else []
    if not cands:
        return DROP
    sp.candidates = cands
    sp.kind_hint = unit
    return ACCEPT


def in_gazetteer(ctx: Context, m: Mention):
    """Sets m.known and m.cands: what the name ("Leeds", or read through its lemmas,
    "Одеси") names. A span the gazetteer has no row for is dropped."""
    known = ctx.morph_known.get(m.si) or ctx.ex._known(m.sp.text)
    if known is None:
        return DROP
    m.known = known
    m.cands = known.cands
    return KEEP


def dateline_name(ctx: Context, m: Mention):
    """A name in capitals that is a whole wire dateline opening its line ("JAKARTA -
    Kementerian ...", "MERAK - Sejumlah kendaraan ...") is where the story was filed: a
    place, though it be an everyday word or glued to the next line's words."""
    sp, text = m.sp, ctx.text
    if len(sp.text) < 3 or not sp.text.isupper() or m.known.top_imp < LOCATED_MIN:
        return KEEP
    line = text.rfind("\n", 0, sp.start) + 1
    if text[line:sp.start].strip():
        return KEEP
    d = _DATELINE.match(text, line)
    if d is None or (d.start(1), d.end(1)) != (sp.start, sp.end):
        return KEEP
    sp.candidates = m.cands
    return ACCEPT


@inflected_only
def native_script_name(ctx: Context, m: Mention):
    """The gazetteer's demonyms are English: "Сомали" folds to "somali", but in Cyrillic
    it is the country's own name, not the adjective. Such a demonym match becomes an
    alternate-name match."""
    names, sp = ctx.names, m.sp
    if names is not None and ctx.L.morphology[2] != "latin" and not sp.text.isascii() \
            and sp.key not in names.demonyms and any(c.match == gz.MATCH_DEMONYM for c in m.cands):
        m.cands = tuple(gz.Candidate(c.row, gz.MATCH_ALT, c.similarity) if c.match == gz.MATCH_DEMONYM else c
                        for c in m.cands)
    return KEEP


def acronym_shape(ctx: Context, m: Mention):
    """Marks a short all-caps name ("US", "NSW", "U.K.") as an acronym; acronym_big_unit
    and flight_number decide on it."""
    sp = m.sp
    sp.acronym = sp.text.replace(".", "").isupper() and len(sp.text.replace(".", "")) <= 4
    return KEEP


def stop_word_or_title(ctx: Context, m: Mention):
    """A word the language lists as no place ("May", "Mayor"), or a title such as
    "Bishop" that the text never places ("in Bishop")."""
    sp, L = m.sp, ctx.L
    if sp.key in L.not_places or (sp.text in L.name_titles and sp.key not in ctx.located):
        return DROP
    return KEEP


def article_and_noun(ctx: Context, m: Mention):
    """"La selva", "El plan", "Les hôpitaux": an article and a noun; no name ends in
    lower case."""
    if not m.single and m.first.text.lower() in ctx.L.function_words and not m.last.cap:
        return DROP
    return KEEP


@inflected_only
def lemma_everyday_word(ctx: Context, m: Mention):
    """Read through a lemma ("Станом" -> "стан"), the form as written is the everyday
    word."""
    if ctx.names is not None and m.single and gz.fold(m.sp.text) in ctx.L.not_places:
        return DROP
    return KEEP


@inflected_only
def inflected_person(ctx: Context, m: Mention):
    """"Івана", "Андрія": every reading of the word a given name or surname (a small
    place, in an inflected language)."""
    names = ctx.names
    if names is not None and m.single and not m.known.big_unit and m.sp.key not in names.extra \
            and names.a.person(m.first.text):
        return PERSON
    return KEEP


@inflected_only
def genitive_of_organisation(ctx: Context, m: Mention):
    """"Служба безпеки України": a country in the genitive that closes an
    organisation's name is part of that name."""
    names, L = ctx.names, ctx.L
    if names is not None and L.org_heads_before and _org_owner(ctx.text, ctx.toks, m.sp.tok_start, names.a, L):
        return DROP
    return KEEP


@inflected_only
def adjective_on_noun(ctx: Context, m: Mention):
    """"Покровської громади", "Української мережі": an adjective read as a place,
    on a common noun, names no place ("Российские войска" stay demonyms)."""
    names, sp, toks = ctx.names, m.sp, ctx.toks
    if (names is not None and m.single and m.si in ctx.morph_known and sp.tok_end < ctx.n
            and toks[sp.tok_end].text.isalpha()
            and not _all_demonyms(m.cands)
            and toks[sp.tok_end].text.islower() and _joinable(ctx.text, m.first, toks[sp.tok_end])
            and getattr(names.a, "adjective", None) and names.a.adjective(m.first.text)
            and names.a.pos(toks[sp.tok_end].text) == "NOUN"):
        return DROP
    return KEEP


def vessel(ctx: Context, m: Mention):
    """A ship's name ("MV Angara", "the cargo ship the Angara", "the Angara, a Russian
    cargo ship"); but a country after a vessel word is the flag it flies ("kapal
    Vietnam")."""
    sp, toks, L = m.sp, ctx.toks, ctx.L
    if _is_vessel(ctx.text, sp.start, sp.end, toks[sp.tok_start - 1] if sp.tok_start else None, L) \
            and not ("country" in m.known.kinds
                     and not (sp.tok_start and toks[sp.tok_start - 1].text in L.vessel_prefixes)):
        return VESSEL
    return KEEP


def office_of_place(ctx: Context, m: Mention):
    """Sets m.office: an office before it ("Wali Kota Bandung", "Bupati Sleman Sri
    Purnomo"). Neither the title before nor the holder's name after makes the place
    part of a person's name, so both joins are cut. A village the holder's name happens
    to match ("Gubernur Anies") does not count."""
    L, sp = ctx.L, m.sp
    m.office = L.office_before is not None and m.known.top_imp >= LOCATED_MIN \
        and bool(L.office_before.search(ctx.text, max(0, sp.start - 30), sp.start))
    if m.office:
        m.join_prev = m.join_next = False
    return KEEP


def after_given_name(ctx: Context, m: Mention):
    """A given name just before it makes it a surname ("Margaret Burley", "Melton Lewis
    Paris")."""
    if m.join_prev and m.single and ctx.given_name(m.prev_k) and m.known.top_imp < 6.5:
        return PERSON
    return KEEP


def county_office(ctx: Context, m: Mention):
    """"Licking County Prosecutor", "Henry County Courthouse": what follows a county is
    its office or building; the county is the place all the same (the join after it is
    cut)."""
    if not m.single and m.last.text in ctx.L.unit_heads:
        m.join_next = False
    return KEEP


def glue(ctx: Context, m: Mention):
    """Sets m.glued_prev/glued_next (an unknown capitalised word touches the name:
    "Bill Jones", "Washington Post"), m.case_form (read through a case form,
    "Купянска") and m.case_after_prep (a case form after its preposition, before a
    person's name: "из Купянска Виктор")."""
    toks, prev_k, next_k = ctx.toks, m.prev_k, m.next_k
    m.glued_prev, m.glued_next = m.join_prev and ctx.name_like(prev_k), m.join_next and ctx.name_like(next_k)
    if m.sp.end < m.last.end and m.sp.end == m.last.start + lower_tail(m.last.text):
        # "Denmark-headquartered Maersk", "Liberia-flagged Anna-Theresa": the place names
        # what the hyphen's suffix says of the name after it, not a word of that name.
        m.glued_next = False
    if (m.glued_prev or m.glued_next) and ctx.L.owner_after_head and m.known.cands \
            and ctx.g.kind_name(m.known.cands[0].row) == "country":
        m.glued_prev = m.glued_next = False
    m.case_form = m.si in ctx.morph_known and gz.fold(m.sp.text) != m.sp.key
    m.case_after_prep = m.case_form and prev_k >= 0 and toks[prev_k].text in ctx.L.place_cues_before \
        and next_k < ctx.n and ctx.names.a.person(toks[next_k].text)
    return KEEP


@inflected_only
def case_form_apart(ctx: Context, m: Mention):
    """A country or region in a case form is no part of the name after it ("Глава Чечни
    Рамзан Кадыров": Chechnya's leader), nor is a town before a given name ("Burmistrz
    Kłodzka Michał Piszko": Kłodzko's mayor), nor any place in a case form after its
    preposition, before a person's name ("переселенец из Купянска Виктор Вертиев"; but
    "w Nysie Kłodzkiej" is one name): the glue after it is cut."""
    if m.glued_next and m.case_form and (m.known.big_unit or ctx.toks[m.next_k].text in ctx.given
                                         or m.case_after_prep):
        m.glued_next = False
    return KEEP


def acronym_beside(ctx: Context, m: Mention):
    """An acronym beside a place is the place's station, office or branch ("CBC
    Toronto", "Calgary MLA", "California DMV"): the glue is cut and the place stays."""
    toks = ctx.toks
    glued_prev, glued_next = m.glued_prev, m.glued_next
    acronym_prev = glued_prev and _is_acronym(toks[m.prev_k].text)
    acronym_next = glued_next and _is_acronym(toks[m.next_k].text)
    if (acronym_prev or acronym_next) and not (glued_prev and not acronym_prev) \
            and not (glued_next and not acronym_next) and (m.known.big_unit or m.known.top_imp >= LOCATED_MIN):
        m.glued_prev = m.glued_next = False
    return KEEP


def glued_to_name(ctx: Context, m: Mention):
    """Glued to unknown capitalised words, it is part of a person's or an
    organisation's name. A one-word lesser place is a person for the whole text
    ("Bill Jones", "Scott West"), but not beside an acronym or as a name's first word
    ("CBC Toronto", "Manitoba Underdogs Rescue" are organisations)."""
    glued_prev, glued_next = m.glued_prev, m.glued_next
    if not (glued_prev or glued_next):
        return KEEP
    toks = ctx.toks
    if m.single and m.known.top_imp < 6.5 and not (glued_prev and not glued_next and toks[m.prev_k].text.isupper()
                                                   and len(toks[m.prev_k].text) > 1) \
            and not (glued_next and not glued_prev and m.first.text not in ctx.given):
        return PERSON
    return DROP


def small_towns_together(ctx: Context, m: Mention):
    """Small towns side by side with nothing between them are the words of one name:
    "Gael García Bernal" is an actor, not three villages."""
    known = m.known
    if m.single and not known.big_unit and known.top_imp < SMALL_TOWN and _common(m.first.text, ctx.L) < 3.0 and (
            (m.join_prev and ctx.small_town(m.prev_k))
            or (m.join_next and ctx.small_town(m.next_k) and not m.case_after_prep)):
        return DROP
    return KEEP


def given_name_first(ctx: Context, m: Mention):
    """A given name followed by a capitalised word: "Paris Hilton", "Georgia Stevens";
    when only small towns bear the given name, also a surname that is an everyday word
    ("Tim Cook", "Jim Baker")."""
    toks, next_k = ctx.toks, m.next_k
    if m.single and m.join_next and m.first.text in ctx.given and toks[next_k].cap \
            and (_common(toks[next_k].text, ctx.L) < 3.0
                 or (m.known.top_imp < SMALL_TOWN and not toks[next_k].sent_start)):
        return DROP
    return KEEP


def org_prefix(ctx: Context, m: Mention):
    """A word that opens an organisation's name before a place's: "United Russia",
    "Real Madrid", "AC Milan"."""
    if m.join_prev and ctx.toks[m.prev_k].text in ctx.L.org_prefixes:
        return DROP
    return KEEP


def event_name(ctx: Context, m: Mention):
    """A people's name before an event's head ("the Korean War", "the American
    Revolution"); a place's own name keeps its place ("the Vietnam War")."""
    if m.join_next and ctx.toks[m.next_k].text in ctx.L.event_heads and _all_demonyms(m.cands):
        return DROP
    return KEEP


def org_head(ctx: Context, m: Mention):
    """An organisation's head after it ("Washington Post", "Wichita Drive"), unless
    a country's or state's name before a body of it ("Ohio Senate", "Florida Highway
    Patrol")."""
    L = ctx.L
    nxt = ctx.toks[m.next_k].text if m.join_next else None
    if m.join_next and nxt in L.org_heads \
            and not (m.known.big_unit and nxt in L.state_bodies and not _all_demonyms(m.cands)):
        return DROP
    return KEEP


def title_before(ctx: Context, m: Mention):
    """A title before it: "President Obama", and Obama alone is him too when only small
    towns bear the name. A title before a name whose first readings include a country
    or region, or before a case form ("Burmistrz Kłodzka": the office of that place),
    does not count."""
    known = m.known
    if m.join_prev and ctx.toks[m.prev_k].text in ctx.L.name_titles and not known.top3_region and not m.case_form:
        if m.single and not known.big_unit and known.top_imp < SMALL_TOWN:
            return PERSON
        return DROP
    return KEEP


def state_abbreviation(ctx: Context, m: Mention):
    """Sets m.state_abbr: "Harrisburg, Pa.", "W.Va.", "D-S.C.": a state's abbreviation,
    period included (place_found takes the period into the span)."""
    sp, text, after = m.sp, ctx.text, m.after
    m.state_abbr = after[:1] == "." and len(m.last.text) <= 4 and after[1:2] in (" ", ",", ")", "\n", "") \
        and ("." in sp.text or text[max(0, sp.start - 2):sp.start] == ", ") \
        and m.known.alt_admin1
    return KEEP


def speaker(ctx: Context, m: Mention):
    """"Nelson said": someone speaking; a government may speak ("Moscow said"), a
    village does not, nor after a place cue ("in Nelson said"). A comma before the verb
    turns it round: in "... into the port of Havana, said the minister" (Russian "...
    порт Гаваны, сообщил министр") the speaker comes after the verb."""
    known = m.known
    if m.single and not known.big_unit and known.top_imp < 6.5 and not m.cue and not m.after.lstrip(" ").startswith(","):
        w = m.after.lstrip(" ").split(" ", 1)[0].strip(".,;:\"'”")
        if w in ctx.L.speech_verbs:
            return PERSON
    return KEEP


def quoted_speaker(ctx: Context, m: Mention):
    """'..." said Georgia.': a quote attributed after the verb is a person's, even when
    the name is a country's (a government does not say things in quotes)."""
    before, sp = m.before, m.sp
    if m.single and len(before) >= 1 and before[-1] in ctx.L.speech_verbs \
            and _QUOTE_END.search(ctx.text, max(0, sp.start - 40), sp.start) and m.after[:1] in (".", ",", ";", ""):
        return PERSON
    return KEEP


def currency(ctx: Context, m: Mention):
    """"US$460": a currency's sign after the letters."""
    if m.after[:1] == "$":
        return DROP
    return KEEP


def direction_of_name(ctx: Context, m: Mention):
    """"South" of "South Florida", "East" of "East Texas": a direction before another
    name is no place of its own."""
    if m.single and m.first.text in ctx.L.direction_words and m.join_next and m.next_k in ctx.matched_tokens:
        return DROP
    return KEEP


def age_after(ctx: Context, m: Mention):
    """"Hailey, 6, and Caleb, 4": people and their ages (names only small towns bear)."""
    known = m.known
    if m.single and not known.big_unit and known.top_imp < SMALL_TOWN and _AGE_AFTER.match(m.after):
        return PERSON
    return KEEP


def flight_number(ctx: Context, m: Mention):
    """"GA 991": an airline's code before a flight number."""
    if m.sp.acronym and _FLIGHT_NUMBER.match(m.after):
        return DROP
    return KEEP


def acronym_big_unit(ctx: Context, m: Mention):
    """Short all-caps names are acronyms unless they name a big unit ("US", "UK", "AS",
    "NSW") and are written all in capitals; a town called "Us" does not count."""
    sp = m.sp
    if sp.acronym and (not m.known.kinds & {"country", "admin1", "region", "continent"}
                       or sp.text != sp.text.upper()):
        return DROP
    return KEEP


def _in_region_after(ctx: Context, m: Mention) -> bool:
    """"Bath in Somerset", "Reading, Berkshire": the next name, after a comma or "in", is
    a region of the country of one of its towns, within 150 km of that town."""
    nxt = m.si + 1
    if nxt >= len(ctx.spans) or ctx.text[m.sp.end:ctx.spans[nxt].start] not in (", ", " in "):
        return False
    region = ctx.ex._known(ctx.spans[nxt].text)
    if region is None or not region.top3_region:
        return False
    g = ctx.g
    # by its own name: "Bridge Road, Southampton" is no alternate of Rode, Somerset
    towns = [c.row for c in m.cands[:10] if c.match == gz.MATCH_NAME and g.kind_name(c.row) == "city"]
    for c in region.cands[:3]:
        if g.kind_name(c.row) not in ("admin1", "admin2", "region"):
            continue
        cc, lat, lon = g.country_code(c.row), float(g.lat[c.row]), float(g.lon[c.row])
        for t in towns:
            dy, dx = float(g.lat[t]) - lat, (float(g.lon[t]) - lon) * math.cos(math.radians(lat))
            if g.country_code(t) == cc and (dx * dx + dy * dy) ** 0.5 * 111.2 < 150:
                return True
    return False


def everyday_word(ctx: Context, m: Mention):
    """A one-word name (no acronym) that is an everyday word ("Young Man of the Year",
    "Reading", "Malang nasibnya") is no place unless the text says so: a place cue
    ("in Reading"), an office, a region after a place and a comma ("Park County,
    Colorado"), or a home town's own name. Also: names of one or two letters go, and
    "Wichita, Kan.", "Churchill, Man. (" set m.state_abbr."""
    sp = m.sp
    if sp.acronym or not m.single:
        return KEEP
    L, names, known, first, text, after = ctx.L, ctx.names, m.known, m.first, ctx.text, m.after
    toks, prev_k, next_k = ctx.toks, m.prev_k, m.next_k
    big_unit, top_imp = known.big_unit, known.top_imp
    z = 0.0 if m.state_abbr or (names is not None and sp.key in names.extra) else _common(first.text, L)
    # "Young Man of the Year": an everyday lower-case word is a big unit only by
    # its own name ("Chad" is; "Man" is the Isle of Man only by a short form).
    # Only a table of lower-case words says that: wordfreq's counts mix in the
    # capitalised name ("Amerika" in Indonesian).
    if z >= 5.5 and not (big_unit and (L.common is None or known.name_big)) \
            and not (names is not None and sp.key in names.demonyms):  # "Українські війська"
        return DROP
    # "Park County, Colorado": a region after a place and a comma is the
    # region, however common the word.
    if big_unit and prev_k >= 0 and prev_k in ctx.matched_tokens and toks[prev_k].cap \
            and text[toks[prev_k].end:first.start] == ", " and not (m.join_next and toks[next_k].cap):
        z = 0.0
    if m.office or (sp.key in ctx.located and top_imp >= LOCATED_MIN) or _in_region_after(ctx, m) \
            or (m.join_prev and toks[prev_k].text in L.outside_prefixes
                and not (m.join_next and toks[next_k].cap)):
        # ... or a unit word before it says what it is ("Kabupaten Nunukan", but "Kecamatan
        # Muara Tiga" is a longer name the gazetteer lacks, not Muara)
        z = 0.0
    elif L.common is None and L.home_countries and not (m.join_prev and ctx.in_name(prev_k)) \
            and not (m.join_next and ctx.in_name(next_k)) \
            and (ctx.ex._home_town(known, L) or ctx.ex._home_town(known, L, big=True)):
        # A home town's count is mostly its own name: only a very common word
        # ("Kota", "Warga") or a sentence opener that is also a word ("Malang
        # nasibnya") still needs a cue, and so does a word inside a longer name
        # the gazetteer does not know ("Polda Metro Jaya").
        # A home province's or region's name ("Papua") is no everyday word
        # however often wordfreq counts it.
        z = 0.0 if (z < 5.0 or ctx.ex._home_town(known, L, big=True)) and not first.sent_start else z
    if first.sent_start:
        if z >= 3.0 and top_imp < 6.0:
            return DROP
    elif (z >= 4.3 and top_imp < 6.0) or (z >= 3.3 and top_imp < 5.0):
        return DROP
    if len(first.text) <= 2 and not m.state_abbr:
        return DROP
    # "Wichita, Kan.", "Churchill, Man. (": a state abbreviation keeps its period.
    # (not a country or region by its full name: "Dallas, Texas." ending the text)
    if len(first.text) <= 5 and after[:1] == "." and not known.name_big \
            and ctx.g.kind_name(m.cands[0].row) != "country" and text[max(0, sp.start - 2):sp.start] == ", " \
            and (after[1:2] in (" ", ",", ")", "\n", "") ) and not after[1:].lstrip()[:1].isupper():
        # (the next word, past any run of spaces or lines: "Kairo, Mesir.  Informasi" ends a sentence)
        m.state_abbr = True
    return KEEP


def kind_cues(ctx: Context, m: Mention):
    """A kind word before or after the name says what it is ("the city of Reading",
    "Reading county"): sets the span's kind hint."""
    sp, L, before = m.sp, ctx.L, m.before
    last = -1  # the cue listed last wins
    for n, cues in L.kind_cue_tails:
        hit = cues.get(" ".join(before[-n:]))
        if hit is not None and hit[0] > last:
            last = hit[0]
            sp.kind_hint = hit[1]
    words_after = m.after.lower().split()
    if words_after and words_after[0].strip(".,;") in L.kind_cues_after:
        sp.kind_hint = L.kind_cues_after[words_after[0].strip(".,;")]
    return KEEP


RULES = (unit_word, in_gazetteer, dateline_name, native_script_name, acronym_shape, stop_word_or_title, article_and_noun,
         lemma_everyday_word, inflected_person, genitive_of_organisation, adjective_on_noun, vessel, office_of_place,
         after_given_name, county_office, glue, case_form_apart, acronym_beside, glued_to_name,
         small_towns_together, given_name_first, org_prefix, event_name, org_head, title_before,
         state_abbreviation, speaker, quoted_speaker, currency, direction_of_name, age_after, flight_number,
         acronym_big_unit, everyday_word, kind_cues)


def place_found(ctx: Context, m: Mention) -> Span:
    """What a span that passed every rule keeps: the state abbreviation's period, the
    cue before it and its candidates."""
    sp = m.sp
    if m.state_abbr:
        sp.end += 1
        sp.text = ctx.text[sp.start:sp.end]
    sp.cue = m.cue
    sp.candidates = m.cands
    return sp


def apply_rules(ctx: Context, rules=RULES) -> list[Span]:
    """Every span of pass 1 through the span rules, in order; the places found."""
    out = []
    if ctx.names is None:
        rules = tuple(r for r in rules if not getattr(r, "inflected_only", False))
    person_keys, vessel_keys = ctx.person_keys, ctx.vessel_keys
    for si, sp in enumerate(ctx.spans):
        m = Mention(ctx, si, sp)
        verdict = KEEP
        for rule in rules:
            verdict = rule(ctx, m)
            if verdict is not KEEP:
                break
        if verdict is KEEP:
            out.append(place_found(ctx, m))
        elif verdict == ACCEPT:
            out.append(sp)
        elif verdict == PERSON:
            person_keys.add(sp.key)
        elif verdict == VESSEL:
            vessel_keys.add(sp.key)
    return out


# --- list rules, in LIST_RULES order ----------------------------------------------

def _big_in_top3(g, sp: Span) -> bool:
    return any(g.kind_name(c.row) in _BIG_KINDS for c in sp.candidates[:3])


def ships_throughout(ctx: Context, out: list[Span]) -> list[Span]:
    """A ship keeps its name through the text ("the Angara ... the Angara docked"):
    every mention of a key vessel() dropped goes, unless it names a big unit."""
    if ctx.vessel_keys:
        vessel_keys, g = ctx.vessel_keys, ctx.g
        out = [sp for sp in out if sp.key not in vessel_keys or _big_in_top3(g, sp)]
    return out


def lowercase_demonyms(ctx: Context, out: list[Span]) -> list[Span]:
    """Lower-case demonyms of an inflected language ("украинские", "syryjscy",
    "afghanische"), outside the names already found, join the list."""
    if ctx.names is not None:
        out += _lowercase_demonyms(ctx.toks, out, ctx.names)
    return out


def people_throughout(ctx: Context, out: list[Span]) -> list[Span]:
    """One sense per discourse: a one-word name the text uses for a person ("Obama
    said ... in Obama") is a person throughout, unless it names a big unit."""
    if ctx.person_keys:
        person_keys, g = ctx.person_keys, ctx.g
        out = [sp for sp in out if sp.key not in person_keys or sp.tok_end - sp.tok_start > 1
               or _big_in_top3(g, sp)]
    return out


def misspelt_places(ctx: Context, out: list[Span]) -> list[Span]:
    """Pass 2: an unknown capitalised word of six letters or more that no name, person
    or ship claims may be a misspelt place ("Usurisk"): a guarded fuzzy lookup. Not a
    sentence opener, a possessor ("Verduin's family"), a word glued to a name or a
    surname the text gives ("Scott Verduin ... dropped Verduin off": no fuzzy Verdun)."""
    text, toks, n, L, given = ctx.text, ctx.toks, ctx.n, ctx.L, ctx.given
    name_like, given_name, matched_tokens = ctx.name_like, ctx.given_name, ctx.matched_tokens
    person_keys, vessel_keys = ctx.person_keys, ctx.vessel_keys
    # (given_name asks first what the cheap test before it asks: a capitalised listed given name)
    surnames = {toks[k].key for k in range(1, n)
                if toks[k].cap and toks[k - 1].cap and toks[k - 1].text in given and given_name(k - 1)
                and _joinable(text, toks[k - 1], toks[k])}
    taken = set()
    for sp in out:
        taken.update(range(sp.tok_start, sp.tok_end))
    for k, tk in enumerate(toks):
        if not tk.cap or len(tk.key) < 6 or tk.sent_start or k in taken or k in matched_tokens:
            continue
        if tk.key in L.not_places or tk.text in L.name_titles or tk.text.isupper() or tk.text in given:
            continue
        if k + 1 < n and toks[k + 1].text in _POSSESSIVE:
            continue  # "Verduin's family": an unknown name that owns things is a person's
        if name_like(k - 1) and _joinable(text, toks[k - 1], tk) or name_like(k + 1) and _joinable(text, tk, toks[k + 1]):
            continue
        if given_name(k - 1) and _joinable(text, toks[k - 1], tk):
            continue
        if tk.key in person_keys or tk.key in surnames or tk.key in vessel_keys:
            continue
        if _is_vessel(text, tk.start, tk.end, toks[k - 1] if k else None, L):
            continue
        if gz.is_common_word(tk.text):
            continue
        cands = ctx.g.fuzzy(tk.text, min_similarity=0.85, limit=5)
        if not cands:
            continue
        before = text[max(0, tk.start - 25):tk.start].lower().split()
        sp = Span(tk.start, tk.end, tk.text, tk.key, candidates=cands, fuzzy=True, tok_start=k, tok_end=k + 1,
                  cue=bool(before) and before[-1] in L.place_cues_before)
        out.append(sp)
    return out


def by_position(ctx: Context, out: list[Span]) -> list[Span]:
    """The mentions in text order: the demonyms and misspelt places added last ("Leeds ...
    Vladivostock" found as [Leeds, Vladivostock] whatever came first); stable for equal starts."""
    out.sort(key=lambda s: s.start)
    return out


def datelines(ctx: Context, out: list[Span]) -> list[Span]:
    """Marks the mentions inside a wire dateline ("LONDON (Reuters) -", "JAKARTA,
    KOMPAS.com -"): where the story was filed. Needs the list in text order."""
    if out:
        starts = [sp.start for sp in out]
        for d in _DATELINE.finditer(ctx.text):
            # spans sorted by start: only those from the dateline's start on can lie in it
            for k in range(bisect_left(starts, d.start(1)), bisect_left(starts, d.end(1))):
                if out[k].end <= d.end(1):
                    out[k].dateline = True
    return out


def outside_prefixes(ctx: Context, out: list[Span]) -> list[Span]:
    """Move a span's start past an opening unit word ("Kabupaten Cianjur" -> "Cianjur"),
    keeping the candidates of the whole match; "Kota Kinabalu", "Pulau Galang" keep the
    word, which is part of the name."""
    L, toks, text = ctx.L, ctx.toks, ctx.text
    if not L.outside_prefixes:
        return out
    for sp in out:
        k = sp.tok_start
        if sp.tok_end - k < 2 or toks[k].text not in L.outside_prefixes or sp.fuzzy:
            continue
        rest = text[toks[k + 1].start:sp.end]
        top = sp.candidates[0] if sp.candidates else None
        if top is None or top.match == gz.MATCH_NAME or (
                ctx.ex._known(rest) is None and ctx.g.kind_name(top.row) != "port"):
            continue
        sp.start, sp.tok_start, sp.text = toks[k + 1].start, k + 1, rest
    return out


def links(ctx: Context, out: list[Span]) -> list[Span]:
    """Marks what the text says between each mention and the next: a comma ("Paris,
    Texas"), "is a town in", "near" (see links.py)."""
    _link(ctx.text, out, ctx.L)
    return out


LIST_RULES = (ships_throughout, lowercase_demonyms, people_throughout, misspelt_places, by_position, datelines,
              outside_prefixes, links)


# --- helpers of the rules above -------------------------------------------------------


def _org_owner(text: str, toks: list[Token], i: int, analyser, L: Lang) -> bool:
    """Does the name at token i close an organisation's name: a capitalised run of up to four words right
    before it, one of them an organisation's head ("Служба безпеки України", "Збройних сил України")?"""
    k = i
    while k > 0 and i - k < 4 and _joinable(text, toks[k - 1], toks[k]) and toks[k - 1].text[:1].isalpha():
        k -= 1
        w = toks[k].text
        if w.lower() in L.org_heads_before or any(x.lower() in L.org_heads_before for x in analyser.lemmas(w)[:2]):
            return toks[k].cap or any(toks[q].cap for q in range(k - 1, max(-1, k - 4), -1)
                                      if _joinable(text, toks[q], toks[q + 1]))
    return False


def _lowercase_demonyms(toks: list[Token], found: list[Span], names) -> list[Span]:
    """Lower-case demonyms of an inflected language ("украинские", "syryjscy",
    "afghanische"), outside the names already found."""
    covered = set()
    for sp in found:
        covered.update(range(sp.start, sp.end))
    out = []
    for k, t in enumerate(toks):
        if t.cap or t.start in covered or not t.text[:1].isalpha() or len(t.text) < 4:
            continue
        hit = names.demonym(t.text)
        if hit is not None:
            # a key of its own: "po stronie polskiej" must not make "do Polski" (the same lemma key) a demonym,
            # as one key keeps one sense per document
            out.append(Span(t.start, t.end, t.text, "\x00demonym " + hit[0], candidates=list(hit[1]), tok_start=k,
                            tok_end=k + 1))
    return out
