"""Urgency cues: someone may be at risk now. Recall first; figures of speech are not emergencies."""
from __future__ import annotations

import re
from functools import lru_cache

from .fastmatch import WordIndex, shortest_forms, word_start_literal_sets
from .urgency_languages import CUES as OTHER_LANGUAGE_CUES, LOOK_ALIKES as OTHER_LANGUAGE_LOOK_ALIKES
from .look_alikes import LOOK_ALIKES as ENGLISH_LOOK_ALIKES
from .urgency_signs import SIGNS

# reason -> patterns. Written wide on purpose: a CD worker reading a false alarm costs minutes,
# a missed one can cost a life. Figures of speech are removed by LOOK_ALIKES below.
CUES: dict[str, list[str]] = {
    "self_harm": [
        r"\b(don'?t|dont|do not|no longer) want to (live|be alive)", r"\bhad enough of (life|living|it all)",
        r"\bno point (in )?(me|my) (being|living)", r"\bend(ing)? (it|things|it all)\b", r"\bkill (himself|herself|themselves)\b",
        r"\b(taken|took|swallowed) (something|pills|tablets|an overdose|too many)", r"\bpills in front of me\b",
        r"\bstockpil", r"\bself[- ]?harm(ing)?\b.{0,30}\b(again|worse|tonight|now)", r"\bdo something stupid\b",
        r"\bnot safe (on my own|tonight|alone)", r"\b(standing|sat|sitting) on the (roof|edge|bridge|balcony)",
        r"\b(going|go) to the (bridge|roof|tracks)\b", r"\b(threaten|threatening|going) to jump\b",
        r"\blive or die\b", r"\bthinking about dying\b", r"\bpain to stop\b", r"\bgiv(e|ing) up (on life|for good)",
        r"\bno way out\b", r"\bwritten (letters|a letter|notes?) to my\b", r"\bposted (goodbye|a goodbye)",
        r"\bwould(n'?t)? (even )?notice if i was gone\b", r"\bi have a rope\b", r"\bdon'?t want to be alive\b",
        r"\b(kill|killing|hurt|hurting|harm|harming|cut|cutting)\s+(my ?self|myself)\b",
        r"\bsuicid\w*", r"\bend (it|it all|my life|things)\b", r"\b(take|taking|took) my (own )?life\b",
        r"\b(don'?t|dont|do not|cant|can'?t|no longer) (see|find) (the |any )?(point|reason)",
        r"\bno (point|reason) (in )?(living|going on|carrying on|being here|anymore|any more)",
        r"\bwhat'?s the point (of|in) (living|going on|anything|me)",
        r"\b(better off|be better) without me\b", r"\bwant(ing)? to die\b", r"\bwish i (was|were) dead\b",
        r"\b(don'?t|dont|do not) want to (be here|live|wake up|go on)", r"\bnot wake up\b",
        r"\b(can'?t|cant|cannot) (go on|cope|take (it|this|any more|anymore))\b",
        r"\bsaid (my )?goodbyes?\b", r"\b(overdose|od'd|od-ed|took all my (pills|tablets))\b",  # not "odd"
        r"\b(nothing|no one|nobody) (left )?to live for\b", r"\bgive up on (life|everything)\b",
        r"\btired of (living|life|being alive|everything)\b", r"\bjump(ing)? (off|in front)\b",
        # Life not worth it; not seeing the point however it is hedged ("really", "even").
        r"\blife\b.{0,12}\b(not|isn'?t|isnt|ain'?t|aint) worth (it|living|anything|going on|carrying on)\b", r"\bnot worth living\b",
        r"\b(don'?t|dont|do not|can'?t|cant|cannot) (really |even |honestly )?(see|find) (the |any )?(point|reason)",
        r"\bpoint (in|of) (carrying on|living|being alive|being here)\b",
        # Tablets taken or saved up; belongings given away; "no one would notice if i wasn't here".
        r"\b(taken|took|swallowed|had) (all|loads|a load|a lot|a handful|a bunch|most|half) (of )?(the |her |his |my |their )?"
        r"(pills|tablets|meds|medication|paracetamol)", r"\b(pills|tablets|meds)\b.{0,20}\b(saved|stashed|hoarded)\b",
        r"\b(saved|saving|stashed|stashing|hoarding) (up )?(all )?(my |his |her )?(pills|tablets|meds)\b",
        r"\b(gave|given|giving) (away )?(me |us )?(her|his|my|their) (cat|dog|pets?|things|stuff|belongings)\b.{0,60}\b(won'?t|wont|not going to) need",
        r"\b(notice|care|miss me)\b.{0,12}\bif i (was|were|wasn'?t|weren'?t) (gone|here|around|alive|dead)\b",
        r"\b(can'?t|cant|cannot) (do (it|this)|keep going|carry on|go on)\b.{0,15}\b(longer|any ?more)\b",
        # A decision announced, pills set out, wanting it all to stop, or a goodbye to whoever reads it.
        r"\b(tablets|pills|meds)\b.{0,25}\b(out on|on the (table|side|bed)|lined up|counted out)\b",
        r"\bwant (it|it all|everything|the pain) to (stop|end)\b", r"\btonight('s| is) the night\b",
        r"\bsorry to (whoever|whomever|anyone who) (reads|finds)\b", r"\bwriting this so (someone|somebody|people) (knows?|know)\b",
        r"\b(notice|care|miss me)\b.{0,12}\bif i (stopped|disappeared|vanished|went away|wasn'?t around)\b",
        # Self-harm going on now, someone else saying they'd be better off gone, a goodbye-like last message.
        r"\bself[- ]?harm(s|ing)\b", r"\b(better|be better)( off)? without (her|him|them)\b",
        r"\blast (message|text)\b.{0,40}\b(thanks? for everything|goodbye|look after)",
        r"\b(can'?t|cant|cannot) do (it|this) (much )?longer\b",
    ],
    "domestic_abuse": [
        r"\bbeating (her|him|me)\b", r"\bblack eye\b", r"\bpunched (his|her|my)\b", r"\bthreatening me\b",
        r"\b(hiding|hide) from (my|him|her)\b", r"\bsmashing the (flat|house|place) up\b", r"\bbeing dragged\b",
        r"\b(going|gonna) to (kill|hurt) me\b", r"\b(he|she)'?ll (hurt|find|kill) (me|her|him)\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend|ex)\s+(hit|hits|hitting|beat|beats|beating|"
        r"punched|kicked|strangled|choked|threatened|slapped)\s+(me|her|him|the kids|my)",
        r"\b(hit|beat|hurt|punched|strangled|choked) me (again|last night|today)\b",
        r"\bscared (to go|of going) home\b", r"\b(afraid|scared|frightened|terrified) of (him|her|my (partner|husband|wife|boyfriend|ex))\b",
        r"\bdomestic (abuse|violence)\b", r"\b(screaming|screams|crying for help|shouting help)\b.{0,60}\b(next door|upstairs|downstairs|neighbou?r)",
        r"\b(next door|upstairs|downstairs|neighbou?r)\b.{0,60}\b(screaming|hitting her|hitting him|beating)",
        r"\bwon'?t let me (leave|out|see)\b", r"\blocked me in\b",
        # What a neighbour hears through the wall; threats at the door.
        r"\bheard (a |some |the )?(slap|slaps|smack|smacks|punch|punches|hitting|beating)\b",
        r"\b(scream|screams|screaming|crying)\b.{0,60}\b(thud|thuds|slap|slaps|things being thrown)\b",
        r"\b(thud|thuds|slap|slaps)\b.{0,60}\b(scream|screams|screaming)\b", r"\bjust threatened me\b",
        r"\bthreatened me\b.{0,40}\b(tonight|now|at the door|with a)\b",
    ],
    "child_at_risk": [
        r"\b(haven'?t|havent|not) been fed\b", r"\bhits (him|her) with\b", r"\bgroomed\b",
        r"\boffering (kids|children|girls|boys) (sweets|lifts|money)", r"\bno adult\b",
        r"\bdrugs to (young )?(girls|boys|kids|children)", r"\b(made|forced) to (carry|sell|deliver) drugs\b",
        r"\b(child|kid|toddler|baby|little (boy|girl)|children|kids)\b.{0,60}\b(alone|on (his|her|their) own|by (him|her|them)sel(f|ves))\b.{0,40}\b(night|\d ?am|hours?|days|road|street|flat)",
        r"\b(child|kid|toddler|little (boy|girl))\b.{0,40}\b(wandering|in the road|locked out|left outside)\b",
        r"\b(hitting|beating|hurting|slapping) (the|a|his|her|their) (child|kid|baby|son|daughter|kids|children)\b",
        r"\b(child|kid|baby|children|kids)\b.{0,30}\b(being|getting) (hit|beaten|hurt|abused|groomed)\b",
        r"\bgroom(ing|ed)\b.{0,40}\b(child|kid|girl|boy|teen)", r"\b(child|baby|kid)\b.{0,30}\bnot (fed|eaten|been fed)\b",
        r"\b(child|kid|kids|toddler|baby|little one|\d ?(year|yr)s? old|children)\b.{0,40}\b(left|leaves|leaving|home) "
        r"(alone|on (his|her|their) own|by (him|her|them)sel(f|ves))",
        r"\b(hitting|slapping|smacking|beating|hurting|shaking) (her|his|their|the|them|my)? ?(kids|children|child|baby|little one|toddler)\b",
        r"\bwon'?t let (him|her|them) (out|go|leave)\b",
        # Exploitation: children drawn into dealing, people kept somewhere against their will.
        r"\bcounty lines\b.{0,80}\b(1[0-7]|boy|girl|kid|child|son|daughter|missing)\b", r"\bcuckoo(ing|ed)\b",
        r"\b(being )?(kept|held) (in|inside) (the|a|that) (flat|house|room|basement)\b",
        r"\b(child|kid|toddler|baby|little (boy|girl)|son|daughter)\b.{0,50}\b(in the middle of the (road|street)|"
        r"got out of the (gate|front door|house|flat)|on (the|a) (balcony|window ?(sill|ledge)|ledge|roof)\b.{0,30}\b(alone|by (him|her)self|crying|on (his|her) own))",
    ],
    "vulnerable_adult": [
        r"\bno heating\b.{0,40}\b(elderly|old|\d\d year old|frail|not well|newborn|baby|barely|freezing)",
        r"\b(hasn'?t|hasnt|has not) (answered|been out|collected (her|his))\b", r"\b(bad )?smell (coming )?from the flat\b",
        r"\bfrail\b", r"\b(not|barely) responding\b", r"\bwandering\b.{0,30}\b(night|rain|midnight|road|confused)",
        r"\b(can'?t|cant) get out of bed\b", r"\bno food since\b", r"\bno insulin\b", r"\boxygen (has )?run out\b",
        r"\b(leaving|left) the gas on\b",
        r"\b(curtains?|blinds?)\b.{0,40}\b(closed|shut|drawn|not (been )?opened|hasn'?t opened|haven'?t opened)\b.{0,40}\b(days|week|since)\b",
        r"\b(hasn'?t|haven'?t|has not|have not|not|never) (opened|drawn|open|pulled) (her|his|their|the) (curtains|blinds)",
        r"\b(hasn'?t|haven'?t|has not|have not|not) (been )?(seen|heard)\b.{0,40}\b(days|week|since|for ages)\b",
        r"\b(post|mail|milk|letters|parcels)\b.{0,30}\b(piling|piled|stacking) up\b",
        r"\b(elderly|old|disabled|vulnerable)\b.{0,40}\b(fallen|fell|on the floor|can'?t get up|no food|no heating|confused|wandering)\b",
        r"\bnot answering (the|her|his) door\b",
        # Someone who lives alone has gone quiet: phone unanswered, nobody has seen them, the post piles up.
        r"\b(nan|nana|gran|granny|grandad|grandma|grandpa|mum|dad|mother|father|neighbou?r|old (man|lady|woman|boy|girl)|"
        r"elderly|aunt|auntie|uncle|brother|sister|friend|mate)\b.{0,40}\b(not|hasn'?t|hasnt|isn'?t|isnt|has not|is not|haven'?t)"
        r"( been)? (answering|picking up|picked up|answered)\b.{0,15}\b(phone|door|calls?|texts?|messages?|mobile)\b",
        r"\b(nobody|no one|no-one|noone)('s| has| have)? (seen|heard from)\b.{0,50}\b(days|week|since|ages)\b",
        r"\b(milk( bottles)?|post|mail|letters|parcels|papers|newspapers)\b.{0,40}\b(piling|piled|stacking|stacked|still (on|outside|there))",
        r"\b(heating|boiler|heat)\b.{0,30}\b(off|broken|not working|gone)\b.{0,60}\b(copd|oxygen|\d\d ?(year|yr)s? old|frail|"
        r"newborn|housebound|bedbound|bed bound)",
        r"\b(\d\d ?(year|yr)s? old|frail|copd|newborn|housebound|bedbound)\b.{0,60}\b(no heating|heating (is |has been |'s been )?(off|broken|not working))",
        r"\b(heating|boiler|heat)\b.{0,30}\b(broke|stopped|packed up|died|bust|gone off)\b.{0,100}\b(newborn|\d+ ?(week|wk|day)s? old|baby)\b",
        r"\b(newborn|\d+ ?(week|wk|day)s? old)\b.{0,60}\b(freezing|no heat|heating (stopped|off|broke))",
        r"\b(hasn'?t|hasnt|has not|not) (taken|took|brought|picked) (her|his|their|the) (milk|post|paper|papers|bins?)\b.{0,10}\b(in|up)\b",
        r"\b(heard|was|there was) a (bang|thud|crash|scream)\b.{0,60}\b(now nothing|no answer|not answering|silence|door('s| is) locked)",
        r"\b(hasn'?t|hasnt|has not|not) moved\b.{0,30}\b(all day|for hours|since)\b",
        r"\bcarer\b.{0,30}\b(didn'?t|didnt|did not|hasn'?t|hasnt|never) (turn up|come|show|arrive)",
        r"\binsulin\b.{0,60}\b(no food|haven'?t eaten|havent eaten|shaking|run out|ran out)\b",
        r"\b(no food|haven'?t eaten|havent eaten)\b.{0,60}\binsulin\b",
        r"\b(kicked|thrown|chucked) out\b.{0,60}\b(i'?m 1[0-7]|slept (at|in|on)|sleeping (at|in|on) (the )?(station|street|bus|park))",
        r"\b(bailiffs|being evicted|locked out)\b.{0,60}\b(right now|tonight|nowhere to (go|take|sleep|stay))",
        r"\bstuck in (the|a) lift\b",
        # A very old or gravely ill person with no heat ("he's 92 and his boiler's broken").
        r"\b(i'?m|is|he'?s|she'?s|aged?) (7[5-9]|[89]\d|1[01]\d)\b.{0,100}\b(heating|boiler|heat)\b",
        r"\b(heating|boiler)\b.{0,60}\b(i'?m|is|he'?s|she'?s|aged?) (7[5-9]|[89]\d|1[01]\d)\b",
        r"\b(no heating|heating (is |has )?(broken|off|gone))\b.{0,60}\bterminal", r"\bterminal\w*\b.{0,60}\bno heating\b",
    ],
    "danger_now": [
        r"\bknives\b", r"\bmachete\b", r"\bgun ?shots?\b", r"\bshots fired\b", r"\barmed (men|man|robbers?)\b",
        r"\b(attacking|kicking|beating) (a |an |some|him|her|my|the )", r"\bfollowed (home|by a)\b", r"\bweapon\b",
        r"\bwith a (hammer|knife|bat|blade)\b", r"\blocked in\b", r"\bheld in a\b", r"\btook my passport\b",
        r"\bpull(ing)? (a|the) (girl|boy|child|woman) into\b", r"\bcrashed into\b.{0,30}\b(hurt|people|canal|river|injured)",
        r"\bhit by a (car|bus|lorry|van)\b", r"\b(lorry|car|bus|van) hit a\b", r"\btrapped\b", r"\bdrowning\b",
        r"\bfallen into (the )?(canal|river|water)\b", r"\bcrashed into the (canal|river)\b",
        r"\b(being|getting) (attacked|stabbed|mugged|beaten|robbed|chased)\b", r"\bstabb(ed|ing)\b",
        r"\b(knife|gun|machete|blade)\b.{0,40}\b(fight|now|right now|pulled|waving|threaten|attack)",
        r"\bright now\b.{0,60}\b(fight|attack|knife|blood|hurt|help)", r"\bhelp (me|us) (please|now|pls)\b",
        r"\b(someone|man|woman|person|kid|child|boy|girl)\b.{0,30}\b(in the (canal|river|water|lea))\b",
        r"\bbreaking in\b.{0,30}\b(now|right now)\b", r"\b(in|into) my (house|flat|home) (now|right now)\b",
        r"\bfollowing me\b", r"\bthreaten(ed|ing) to kill\b",
        r"\b(waving|brandishing|wielding|pulled out|pulling out|pointing|swinging) (a |an |his |their |the )?(knife|knives|machete|gun|blade|weapon|bat|hammer)\b",
        r"\b(screaming|shouting|crying|yelling)( out)? for help\b(?! with)",
        r"\b(threw|thrown|kicked|locked|chucked) me out\b.{0,40}\b(tonight|now|nowhere)\b", r"\bnowhere to (sleep|stay|go)\b.{0,15}\btonight\b",
        # Something happening now, however it is worded: the time and the danger within a sentence or two.
        r"\b(happening (right )?now|right now|just now|as we speak)\b.{0,100}\b(chas\w*|cornered|pinned|threaten\w*|throw\w*|"
        r"dropping|fight\w*|bottle|swerv\w*|on the floor|trapped|squaring up|smash\w*|bleeding|attack\w*|knocked)",
        r"\b(chas\w*|cornered|pinned|threaten\w*|throw\w*|dropping|fight\w*|bottle|swerv\w*|on the floor|trapped|"
        r"squaring up|smash\w*|bleeding|attack\w*|knocked)\b.{0,100}\b(happening (right )?now|right now|just now|as we speak)\b",
        r"\bfight\b.{0,60}\b(knife|knives|machete|weapon|blade)\b",
        r"\b(someone|somebody|some ?one|a man|men|intruder|burglar|stranger)s?('s| is| are)? (in|inside) (my|our|the) "
        r"(house|flat|home|garden|back garden|kitchen|bedroom|hallway)\b",
        r"\b(someone|somebody|a man)\b.{0,40}\btrying (the|my|our) (door|patio|window|handle|back door|front door)",
        r"\b(people|someone|somebody|a (man|woman|child|kid)) (is |are )?(stuck |trapped |pinned )?under (it|the car|a car|the bus|the van)\b",
        r"\b(got|been|was|just) (hit|knocked (off|down|over))\b.{0,60}\b(just now|bleeding|crying|can'?t move|ambulance|drove off)",
        r"\b(middle of|in) the (road|street)\b.{0,40}\b(right now|confused|cars? (everywhere|swerving))",
        # Armed, chased, cornered or under attack, however it is put.
        r"\b(has|have|got|carrying|with) (a |an )?(knife|knives|machete|broken bottle|blade|gun)\b",
        r"\b(girl|boy|kid|child|woman|man|lad|someone)\b.{0,20}\bcornered\b", r"\b(chasing|cornered|surrounded)\b.{0,40}\b(boy|girl|kid|child|man|woman|lad|someone|him|her)\b",
        r"\bthrowing (fireworks|bricks|stones|bottles|rocks) at (a |an |the |some )?(old|man|woman|kid|child|people|person|boy|girl|him|her)",
    ],
    "fire_gas": [
        r"\belectrical fire\b", r"\bgas (cooker|hob|pipe)? ?(is )?leaking\b", r"\bsmoke (pouring|coming)\b",
        r"\bfire on the \w+ floor\b", r"\b(sparking|smoking) (and|&) (smoking|sparking)\b",
        r"\b(smell|smells|smelling|whiff) of gas\b", r"\bgas (leak|smell)\b", r"\bsmell(s|ing)? gas\b",
        r"\b(fire|flames|smoke)\b.{0,40}\b(now|right now|spreading|coming|everywhere|in the (stairwell|building|flat|block|bin store))",
        r"\b(on fire|is burning|set alight|set fire)\b", r"\bcarbon monoxide\b", r"\bsparking\b.{0,30}\b(wire|socket|cable)",
        r"\b(filling|filled|full|thick) (up )?with smoke\b",
        r"\bsparks? (from|coming (out of|from)|flying (out of|from)) (the |a |my |our )?(socket|plug|meter|fuse|wire|wiring|cable|cupboard|light|switch|electric)",
        r"\bburning smell\b.{0,40}\b(fuse|socket|meter|wiring|wires|plug|electrics|cupboard)",
        r"\b(fuse ?box|socket|meter|wiring|plug|electrics)\b.{0,30}\b(burning|smoking|sparking|melting|melted)\b",
        r"\b(flames|fire)\b.{0,60}\b(catching|going up|reaching|spread|up the (wall|side|building))",
        r"\b(carbon monoxide|co) alarm\b.{0,30}\b(going off|beeping|sounding)",
        r"\b(wires?|cables?)\b.{0,30}\bsparking\b",
        r"\b(fire|flames|smoke)\b.{0,90}\b(spreading|getting closer|towards (the|our|my) (houses|boats|flats|block|homes))",
        r"\b(chemical|toxic|strange) (smell|fumes)\b.{0,80}\b(throwing up|being sick|vomit\w*|stinging|dizzy|can'?t breathe)",
        # Water meeting electrics, a ceiling about to give way.
        r"\b(water|leak\w*)\b.{0,50}\b(ceiling light|light fitting|socket|fuse ?box|electrics)\b",
        r"\bceiling\b.{0,40}\b(about to (come|fall|give)|going to (come|fall|collapse|give)) (down|in|through|way)?\s*(any (minute|second)|now|tonight)",
    ],
    "medical": [
        r"\blips (are|turning) blue\b", r"\basthma attack\b", r"\bhead injury\b", r"\bbleeding\b.{0,20}\b(at|badly|heavily|lot|now)",
        r"\b(can'?t|cant|cannot) move (his|her|my) legs\b", r"\bconfused and shaking\b", r"\bfeeling (really )?faint\b",
        r"\bfoaming at the mouth\b", r"\bon the floor and not\b",
        r"\b(collapsed|unconscious|not breathing|can'?t breathe|cant breathe|struggling to breathe|"
        r"having a fit|fitting|seizure|stroke|heart attack|chest pains?|overdosed|bleeding (badly|heavily|a lot)|"
        r"passed out|won'?t wake up|isn'?t moving|not moving|turning blue)\b",
        r"\b(baby|child|toddler)\b.{0,40}\b(fever|temperature|floppy|limp|not waking|rash)\b",
        r"\bfloppy\b", r"\bgrunting\b", r"\bbreathing\b.{0,20}\b(strange|funny|weird|fast|noisy|rattl\w*|shallow|odd|wrong)\b",
        r"\b(temp|temperature|fever)( of| is| was)? (39|40|41)\b", r"\b(not|won'?t|wont|isn'?t|isnt) (waking|wake)( up)?\b",
        r"\bfound (my |her |him |them |a |an |the )?\w+ (on the floor|unconscious|collapsed)\b", r"\bbleeding from (his|her|the|my|their) head\b",
        r"\b(fell|fallen|fall|head)\b.{0,50}\bnot making (any )?sense\b",
        r"\bchest\b.{0,20}\b(crushing|tight|pain|hurts)\b.{0,60}\b(arm|jaw|numb|sweat\w*)",
        r"\b(arm|face|side|leg)\b.{0,15}\b(gone numb|going numb|droop\w*)\b",
        r"\b(pregnant)\b.{0,40}\bbleeding\b", r"\bbleeding\b.{0,40}\bpregnan\w*", r"\bcoughing (up )?blood\b",
        r"\bhead\b.{0,10}\b(is |was )?bleeding\b", r"\b(can'?t|cant|cannot) move (his|her|my) leg\b",
    ],
}
for _reason, _signs in SIGNS.items():  # the guidance's warning signs, beside the cues above
    CUES[_reason] = CUES[_reason] + _signs
LOOK_ALIKES = list(ENGLISH_LOOK_ALIKES)  # figures of speech and calm mentions (nlp/look_alikes.py)
# The same kinds of risk in the other languages residents text in (nlp/urgency_languages.py), after the English.
for _reason, _patterns in OTHER_LANGUAGE_CUES.items():
    CUES[_reason] = CUES[_reason] + _patterns
LOOK_ALIKES += OTHER_LANGUAGE_LOOK_ALIKES
# One pattern per kind of risk, and one for all the look-alikes (the text is lower-cased first).
# cue() finds what reading each kind's whole alternation with finditer finds (tests hold it to that).
_CUES = {reason: re.compile("|".join(f"(?:{p})" for p in patterns)) for reason, patterns in CUES.items()}
_LOOK_ALIKE = re.compile("|".join(f"(?:{p})" for p in LOOK_ALIKES))
# Every cue pattern needs one of a few plain strings at a word start ("suicid", "knife"...): one
# scan for those names the few patterns that could match at all, and each of those is tried alone.
# Only those that do match go into the alternation that is then read in full: a pattern that
# matches nowhere in the text never wins a place in it, so the matches (and so what is weighed
# against the look-alikes) are exactly those of the whole alternation, found for a fraction of it.
_SINGLE = {reason: [re.compile(p) for p in patterns] for reason, patterns in CUES.items()}
_LITERALS = {reason: [word_start_literal_sets(p) for p in patterns] for reason, patterns in CUES.items()}
# (reason, index of the pattern) -> its strings; public so that one scan may serve other word lists too.
CUE_LITERALS = {(reason, i): sets[0] for reason, found in _LITERALS.items() for i, sets in enumerate(found) if sets}
_PREFILTER = WordIndex(CUE_LITERALS)
_ALWAYS = frozenset((reason, i) for reason, found in _LITERALS.items()  # no plain string known
                    for i, sets in enumerate(found) if not sets)
# A pattern's other needed strings ("got a" ... and "knife"), as plain substrings: a text that lacks
# one of a set cannot match, and `in` says so for far less than the pattern's own search.
_ALSO = {(reason, i): tuple(shortest_forms(extra) for extra in sets[1:] if len(extra) <= 16)
         for reason, found in _LITERALS.items() for i, sets in enumerate(found)}


def cue(text: str) -> str | None:
    """The kind of risk the text names, or None; figures of speech around the cue cancel it."""
    return cue_lowered(text.lower())


def cue_lowered(lowered: str, found: set | None = None) -> str | None:
    """cue() of a text already lower-cased; `found` is a WordIndex scan of it that holds CUE_LITERALS."""
    candidates = _PREFILTER.find(lowered) if found is None else found & CUE_LITERALS.keys()
    if _ALWAYS:
        candidates |= _ALWAYS
    if not candidates:
        return None
    possible: dict[str, list[int]] = {}
    for reason, i in candidates:
        possible.setdefault(reason, []).append(i)
    for reason in _CUES:
        if reason not in possible:
            continue
        singles = _SINGLE[reason]
        matched = tuple(i for i in sorted(possible[reason])
                        if all(any(part in lowered for part in parts) for parts in _ALSO[reason, i])
                        and singles[i].search(lowered))
        if not matched:
            continue  # no pattern of this kind matches anywhere, so the alternation does not either
        pattern = singles[matched[0]] if len(matched) == 1 else _alternation(reason, matched)
        for match in pattern.finditer(lowered):
            window = lowered[max(0, match.start() - 40): match.end() + 40]
            if _has_look_alike(window) and not _strong(reason, lowered[match.start(): match.end() + 40]):
                continue
            return reason
    return None


def figure_of_speech(text: str, lowered: str | None = None) -> bool:
    """Whether the text holds one of the look-alikes (a figure of speech, a past or calm mention)."""
    return _has_look_alike(text.lower() if lowered is None else lowered)


# The look-alikes the same way as the cues: a scan names the few that could match, and only those
# are searched; any of them matching is the whole alternation matching (tests hold it to that).
_LOOK_ALIKE_SINGLE = [re.compile(p) for p in LOOK_ALIKES]
_LOOK_ALIKE_SETS = [word_start_literal_sets(p) for p in LOOK_ALIKES]
_LOOK_ALIKE_INDEX = WordIndex({i: sets[0] for i, sets in enumerate(_LOOK_ALIKE_SETS) if sets})
_LOOK_ALIKE_ALWAYS = frozenset(i for i, sets in enumerate(_LOOK_ALIKE_SETS) if not sets)


def _has_look_alike(lowered: str) -> bool:
    """_LOOK_ALIKE.search(lowered) is not None, found by searching only the look-alikes that could match."""
    candidates = _LOOK_ALIKE_INDEX.find(lowered) | _LOOK_ALIKE_ALWAYS
    return any(_LOOK_ALIKE_SINGLE[i].search(lowered) for i in candidates)


@lru_cache(maxsize=1024)
def _alternation(reason: str, indexes: tuple[int, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{CUES[reason][i]})" for i in indexes))


# Cues so plain that no figure of speech nearby may cancel them (an alarm that is going off is
# not the calm "smoke alarm needs a battery" the look-alikes are for).
_STRONG = re.compile(r"kill myself|end my life|want to die|alarm\b.{0,30}\b(going off|beeping|sounding)|"
                     r"gas \w* ?(is )?leaking|burning smell\b.{0,40}\b(fuse|socket|meter|wiring|plug|electrics)|"
                     r"throwing (fireworks|bricks|stones|bottles|rocks) at|can'?t do (it|this) (much )?longer")


def _strong(reason: str, matched: str) -> bool:
    """Whether a cue is plain enough that no surrounding figure of speech may cancel it."""
    return _STRONG.search(matched) is not None
