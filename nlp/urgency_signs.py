"""Warning signs of each kind of risk, as safeguarding and first-aid guidance names them.

The cues in urgency.py grew from the training split's own misses, so they knew the phrasings of
the people who wrote that data and little else: on messages written apart from it they caught two
urgent messages in three. These are written from what the signs are (stroke signs, a goodbye
with belongings given away, a child being lured into a car, a carer who never came, a gas pipe
hissing), not from any dataset's wording. urgency.py adds them to its cues; the look-alikes and the
fast path apply to them as to the rest.
"""
from __future__ import annotations

_PERSON = r"(girl|boy|child|kid|lad|teen|teenager|daughter|son|pupil|\d{1,2} ?(yo|y/o|year old|yr old))"
_YOUNG = r"(child|kid|toddler|baby|little (boy|girl|one)|son|daughter|boy|girl|\d{1,2} ?(yo|y/o|year old|yr old|yr))"
_OLD = r"(\d\d ?(year|yr)s? old|i'?m (7[5-9]|[89]\d|1[01]\d)|i am (7[5-9]|[89]\d|1[01]\d)|aged (7[5-9]|[89]\d)|" \
       r"(7[5-9]|[89]\d) odd|elderly|pensioner|old (lady|man|woman|boy|girl|fella|gentleman)|frail|housebound)"

SIGNS: dict[str, list[str]] = {
    "self_harm": [
        # A goodbye: affairs put in order, belongings given away, a last thank-you, not being around.
        r"\b(won'?t|wont|will not|not going to|ain'?t gonna) be (around|here|alive)\b.{0,30}\b(after|by|much longer|"
        r"for long|next|tomorrow|anymore|any more|to see)",
        r"\b(don'?t|dont|won'?t|wont) need (them|it|any of (it|this|them)|my \w+) (where i'?m going|anymore|any more)\b",
        r"\b(affairs|things) in order\b", r"\b(writing|texting|message|here) to say goodbye\b(?! to)",
        r"\bsorry for everything\b", r"\b(save|saving|spare) (everyone|every1|you all) the (trouble|bother|hassle)\b",
        r"\b(walk|step|throw myself|jump) (out )?in front of (the|a) (bus|train|tube|car|lorry|\d{2,3})\b",
        r"\bi'?m done (fighting|with (life|everything|it all)|trying)\b", r"\bnothing left to (sort|live for|give)\b",
        r"\b(better|be) gone by then\b", r"\bor (be )?gone\b.{0,15}\b(by then|soon)\b",
        r"\bwon'?t be a (problem|burden|bother) (much longer|for long|anymore|any more)\b",
        r"\b(gave|given|giving|sold|selling) (away )?(all )?(my|the) \w+ (and|&) (all )?(my )?\w+ (away|to)\b.{0,60}\b(nothing|done|need)\b",
        r"\bnobody would (notice|care|miss)\b|\bno one would (notice|care|miss)\b|\bwouldn'?t (even )?be missed\b",
        r"\b(end|finish) it (tonight|tomorrow|today|this week)\b", r"\b(wrote|written|writing) (my )?(a )?(suicide|goodbye) (note|letter)\b",
    ],
    "child_at_risk": [
        # Being lured or taken; exploited by older people; hurt or locked up at home; lost and alone.
        r"\b(grabbed|tried to (get|pull|drag|take)|pulling|dragging)\b.{0,30}\b" + _PERSON + r"s?\b.{0,30}\b(car|van|into)\b",
        r"\b" + _PERSON + r"s?\b.{0,60}\b(into|in) (a|his|their|the) (car|van)\b.{0,40}\b(older|men|man|stranger)",
        r"\b(girls?|boys?|kids|children|" + _PERSON + r")\b.{0,80}\b(older|grown) (men|man)\b",
        r"\b(older|grown) (men|man)\b.{0,80}\b(girls?|boys?|kids|children|" + _PERSON + r")\b",
        r"\b(picked up|picking up|pick up)\b.{0,40}\bby (older|grown) (men|man)\b",
        r"\b(made|making|forced|forcing) (to |them to |him to |her to )?(go|carry|hold|sell|deliver|run)\b.{0,60}\b(parties|packages|drugs|knife|money|older)",
        r"\b(gave|give|giving) (him|her|them) (a )?(knife|blade|gun|package)s? to (hold|keep|carry)\b",
        r"\blocks? (him|her|them) (in|up)\b", r"\blocked (him|her|them) in\b",
        r"\b(can'?t|cant|cannot) find (their|his|her) (house|home|mum|mummy|dad|parents|way home)\b",
        r"\b(their|kids'?|children'?s) (mum|mother|mam|parents?|dad)\b.{0,30}\b(hasn'?t|hasnt|never|not) (come|came|been) (home|back)\b",
        r"\b(missing|hasn'?t come home)\b.{0,30}\b(child|boy|girl|son|daughter|\d{1,2} ?(year|yr)s? old)\b",
        r"\b(child|boy|girl|son|daughter|\d{1,2} ?(year|yr)s? old)\b.{0,30}\b(is |has gone |gone |went )missing\b",
        # A child not home when expected, or lost in a crowd or a park: the first hour is the one that counts.
        r"\b" + _YOUNG + r"\b.{0,40}\b(hasn'?t|has not|didn'?t|did not|never|not) (come|came|got|get|arrived?) "
        r"(home|back)\b(?!.{0,20}\b(till|until|til|before|from (uni|work|holiday)|this weekend|last (week|night)))",
        r"\b" + _YOUNG + r"\b.{0,30}\b(is |are |has |have |gone |went |has gone )?(missing|wandered off|run off|ran off)\b"
        r"(?!.{0,20}\b(school|lessons|class|out on)\b)",
        r"\b(can'?t|cant|cannot) find (my|our) " + _YOUNG + r"\b",
    ],
    "vulnerable_adult": [
        # No power, heat, food or care for someone old, ill or disabled; exploited; lost and confused.
        _OLD + r".{0,80}\b(no (electric|electricity|power|gas|heat|food)|meter (has )?run out|very cold|freezing)\b",
        r"\b(no (electric|electricity|power|gas|heat)|meter (has )?run out)\b.{0,80}" + _OLD,
        r"\bcarers?\b.{0,40}\b(never (came|come|turned up|showed)|not (come|been|turned up)|haven'?t (come|been)|"
        r"hasn'?t (come|been)|didn'?t (come|turn up|show)|for (a|two|2|three|3) (week|days))",
        r"\b(can'?t|cant|cannot) get to the (toilet|loo|bathroom)\b", r"\bsame (chair|bed|clothes) for days\b",
        r"\b(got|taken|took) (her|his) bank card\b", r"\bmaking (her|him) sign\b",
        r"\b(doesn'?t|does not|don'?t) know (how to get|where (she|he) lives|her way|his way|where (she|he) is)\b",
        _OLD + r".{0,80}\b(hasn'?t|not|haven'?t) (been )?(out|seen|answering|answered)\b.{0,40}\b(days|week|door)\b",
    ],
    "domestic_abuse": [
        # Control and fear: phone or keys taken, money withheld, threats over the children, escape.
        r"\b(he|she|he'?s|hes|she'?s|shes|he has|she has) (taken|took|takes|smashed|hidden|hid) my (phone|keys|passport|bank card)\b",
        r"\bnot allowed (to )?(leave|go out|out)\b", r"\b(can'?t|cant|cannot) leave the (flat|house)\b.{0,40}\b(he|she|him|her)\b",
        r"\bneed somewhere safe (today|tonight|now|to (go|stay|sleep))\b|\bsomewhere safe (today|tonight|right now)\b",
        r"\b(help me|need to|have to) get (me )?out\b.{0,60}\b(he|she)\b",
        r"\b(he'?s|hes|she'?s|shes) (at work|out|asleep) (til|till|until)\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend)\b.{0,20}\b(controls?|takes) (all )?(the|my) money\b",
        r"\b(he|she|partner|husband|wife|boyfriend|girlfriend)\b.{0,20}\b(keeps )?(hitting|pushing|slapping|kicking|choking) me\b",
        r"\b(no one|nobody|noone) will believe (me|you|a man|a woman|us)\b",
        r"\bif i tell (anyone|any1|someone|the police)\b.{0,40}\b(take|kill|hurt)\b",
    ],
    "danger_now": [
        # Weapons, shots, being followed or waited for, threats to hurt, something giving way with people on it.
        r"\bmachetes?\b", r"\b(heard|hear|hearing)\b.{0,20}\b(shots|gunshots|gun ?fire)\b", r"\bshots\b.{0,40}\b(bangs|screaming|fired)\b",
        r"\bwaiting (for me |for us )?outside (my|our|the) (building|flat|house|door|block)\b",
        r"\b(said|says|saying|shouting|screaming) (they'?d|theyd|they will|they'?ll|he'?d|he'?ll|she'?ll|gonna|going to) "
        r"(do|get|kill|stab|hurt|shoot|cut) (me|us|her|him)\b",
        r"\b(strangers?|men|man)\b.{0,30}\b(knocking|banging)\b.{0,30}\b(doors?|windows?)\b.{0,40}\b(knife|shouting|screaming|scared|frightened)",
        r"\b(balcony|wall|ceiling|roof|scaffold\w*|building|floor)\b.{0,30}\b(coming away|collaps\w*|falling (down|in|off)|giving way)\b"
        r".{0,60}\b(kids|children|people|someone|on it|under it|inside)\b",
        r"\b(bottle|glass)\b.{0,30}\b(smashed|broke)\b.{0,40}\b(screaming|towards|family|him|her)\b",
        r"\b(screaming|shouting)\b.{0,40}\b(at|towards) (a|the) (family|woman|man|kids|child|girl|boy)\b.{0,40}\b(bottle|knife|weapon|hammer)\b",
    ],
    "fire_gas": [
        # Gas: hissing, rotten eggs, a pipe hit; fire or smoke seen now, or a way out blocked by it.
        r"\brotten eggs?\b(?!.{0,40}\b(drains?|sewers?|sewage|bins?)\b)", r"\bhiss(ing)?\b.{0,40}\b(boiler|pipe|cooker|meter|gas)\b", r"\b(boiler|pipe|cooker|meter|gas)\b.{0,40}\bhiss(ing)?\b",
        r"\b(hit|cut|burst|broke|damaged) (a |the )?gas (pipe|main)\b", r"\bgas main\b",
        r"\b(fire|smoke|flames)\b.{0,30}\b(on|from|coming (out|off) of) the roof\b",
        r"\bis that (a )?fire\b", r"\b(fire|smoke|flames|burning)\b.{0,80}\b(can'?t|cant|cannot) get out\b",
        r"\b(can'?t|cant|cannot) get out\b.{0,60}\b(fire|smoke|flames|burning)\b",
        # A shouted alarm ("FIRE!!!", "gas!!") is how people text when there is no time for sentences;
        # "the fire!!", "out of gas!!" and bills or displays are talk about one, not an alarm.
        r"(?<!of )(?<!the )(?<!a )(?<!my )\b(fire|gas)\s?!{2,}(?!.{0,40}\b(display|amazing|bill|meter|top ?up|price)s?\b)",
    ],
    "medical": [
        # Stroke (face, arm, speech), bleeding that will not stop, broken bones, diabetic and allergic emergencies.
        r"\b(face|mouth)\b.{0,25}\b(dropped|drooping|droopy|fallen)\b.{0,25}\bside\b", r"\bone side of (his|her|my|their) face\b", r"\b(can'?t|cant|cannot) (lift|raise|move) (his|her|my) arm\b",
        r"\b(talking|speech|speaking)\b.{0,10}\b(funny|slurred|strange|weird|nonsense|all wrong)\b", r"\bslurring (his|her|their) words\b",
        r"\bblood everywhere\b", r"\b(won'?t|wont|will not|doesn'?t|can'?t) stop (bleeding|the bleeding)\b",
        r"\bbleeding\b.{0,30}\b(won'?t|wont|will not|doesn'?t|isn'?t) stop", r"\b(leg|arm|hip|ankle|wrist)\b.{0,20}\b(looks |is |might be )?broken\b.{0,60}\b(grey|pale|can'?t move|screaming|on the (floor|ground|ice|pavement))",
        r"\b(lips|face|skin|he'?s|she'?s|hes|shes|is) (going|gone|turning|turned) (grey|gray|blue)\b", r"\b(diabetic|diabetes|insulin|hypo)\b.{0,60}\b(shaking|sweat\w*|confused|not making sense|drowsy|won'?t wake)",
        r"\b(fell|fallen|fall|collapsed)\b.{0,50}\b(can'?t|cant|cannot|unable to|won'?t) (get (up|her up|him up|off the floor)|move)\b",
        r"\ballergic reaction\b", r"\b(throat|tongue|lips) (is |are )?(swelling|swollen|closing)\b", r"\banaphyla\w*\b", r"\bepi ?pen\b",
    ],
}
