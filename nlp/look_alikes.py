"""Figures of speech and past, calm or administrative mentions of the words the urgency cues look for.

A cue near one of these ("the speeding is killing this street", "gas bill", "fire drill") does not
make a message urgent, unless the cue is one so plain no figure of speech may cancel it (urgency.py).
The same in residents' other languages is in urgency_languages.py.
"""
from __future__ import annotations

LOOK_ALIKES = [
    # A goodbye to someone retiring, leaving or moving is a send-off, not a farewell note.
    r"\b(goodbye|good bye|farewell|send ?off)\b.{0,60}\b(retir\w*|leaving do|new job|moving (to|house|out))\b",
    # What things cost: "life isn't worth much round here with these prices" is about money.
    r"\bworth (much|nothing|anything)\b.{0,40}\b(prices|rents?|bills|wages|cost of)\b",
    r"\b(speeding|traffic|noise|damp|mould|mold|heat|cold|wait|waiting|queue|rent|prices|bills?|back|feet|"
    r"knees|stairs|lift|music|bass|smell) (is|are)? ?(killing|murdering) (me|us|this|the|our|my)\b",
    r"\b(killing|murdering) (my|our|the) (sleep|ears|vibe|buzz|mood|head)\b",
    r"\bdying (for|to)\b", r"\bcould (murder|kill for)\b", r"\bkill(ing)? it\b", r"\bkill the (lights|music|noise)\b",
    r"\bdeath ?trap\b", r"\bfire (station|brigade|service|safety|alarm test|drill|door inspection|doors?|exit|work|works|pit)\b",
    r"\bopen day\b", r"\bgas (bill|bills|meter|works|engineer|safety check|prices|cooker|hob|boiler service)\b",
    r"\bbonfire\b", r"\bfireworks?\b", r"\bsuicide squad\b", r"\b(last|this) (week|month|year)\b.{0,40}\b(was|were|had)\b",
    r"\bheart attack (waiting to happen|prices)\b", r"\bnearly (gave|give) me a heart attack\b",
    r"\bnearly had a heart attack\b", r"\b(had|since) (a|my) (stroke|heart attack|fall)\b",
    r"\bset (fire to|on fire)\b.{0,40}\b(bin|bins|rubbish|wheelie|mattress|skip)", r"\b(bin|bins|rubbish|fly-tipped rubbish) (was|were)? ?set on fire\b",
    r"\bfire extinguisher\b", r"\bfire alarms?\b.{0,20}\b(for fun|test|going off again)", r"\bflare\b",
    r"\bburning rubbish\b", r"\b(smoke|carbon monoxide) alarms?\b", r"\bsuicide (prevention|awareness|squad)\b",
    r"\bwas suicidal\b", r"\b(awareness|training|talk)\b", r"\b(ceiling|wall|roof|fence|shelf) collapsed\b",
    r"\bmoving on\b", r"\bis that dangerous\b", r"\b(near|last (week|month|year))\b.{0,20}\bstabbing\b",
    r"\bstabbing near\b", r"\bgas leak last\b", r"\bdrowning in\b", r"\bdebt\b",
    r"\bkicking (a|the) (ball|door|doors|football)", r"\bwe reported it\b",
    # The writer's own innocent explanation ("they must be moving furniture", "probably diy").
    r"\b(must|might|probably|prob|maybe|guess) (be |just )?(moving|decorating|doing (diy|up)|diy)\b", r"\bmoving (furniture|house)\b",
    # "can't see the point of the new bike lane": a point about a thing, not about living.
    r"\b(point|reason) (of|in|for|to) (the|a|an|this|that|these|those|them|it|having|putting|building|doing|paying|"
    r"reporting|complaining|asking|voting|going to)\b",
]
