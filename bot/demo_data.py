"""Made-up residents' messages for `townsquare demo`: varied, in residents' own styles, per theme."""
from __future__ import annotations

import random

# {street} is filled with one of the neighbourhood's streets; a few carry personal details, which
# the classifier's redaction removes before anything reaches a digest.
TEMPLATES = {
    "road_safety": [
        "Cars speeding down {street} every night, someone will get killed",
        "the crossing on {street} needs a lollipop person, kids nearly got hit this morning",
        "can we have speed bumps on {street} please, drivers treat it like a race track",
        "Vans parking on the pavement on {street}, I cant get past with the buggy",
        "Near miss at the junction of {street} again. The traffic lights are too short to cross",
        "speeding cars outside the school on {street}, 20mph sign ignored",
        "motorbikes racing up and down {street} at 2am",
        "Pavement on {street} is broken and my mum tripped, its dangerous for older people",
    ],
    "antisocial_behaviour": [
        "Group of lads on bikes hanging round the shops on {street} shouting at people",
        "loud music every night from the flats on {street}, cant sleep",
        "young people smoking weed in the stairwell at {street}, smell is terrible",
        "fireworks being let off at people on {street} again",
        "people drinking on the benches on {street} and leaving cans everywhere",
        "Noise from a party on {street} till 4am, third weekend running. Call me on 07700 900461",
    ],
    "environment": [
        "fly tipping on {street} again, mattress and fridge been there a week",
        "bins not collected on {street} for two weeks, rats everywhere",
        "Dog mess all over the path on {street}, disgusting",
        "overflowing litter bins by the bus stop on {street}",
        "street lights out on {street}, whole stretch is pitch black",
        "Graffiti on the wall at {street} - can the council clean it off",
        "rubbish dumped behind the garages on {street}, someone is using it as a tip",
    ],
    "housing": [
        "Damp and mould in our flat on {street}, landlord wont fix it, my son has asthma",
        "heating broken for three weeks at {street}, housing association not answering",
        "the lift at {street} has been broken for a month, I'm on the 9th floor with a bad hip",
        "leak from the flat above coming through our ceiling, repairs keep cancelling",
        "mould in the bedroom again, email me at sam.jones@example.com if you need pictures",
        "rent going up again and the repairs never get done on {street}",
    ],
    "crime": [
        "My car was broken into on {street} last night, third one this month",
        "Drug dealing outside the shop on {street} in broad daylight",
        "bike stolen from outside my flat on {street}, the lock was cut",
        "catalytic converters being stolen on {street}, two cars on our road",
        "shoplifting at the corner shop on {street} every day, owner is scared",
    ],
    "health": [
        "cant get a GP appointment for weeks, have to ring at 8am and its always full",
        "we need a mental health drop in near {street}, people are struggling",
        "no dentist taking NHS patients anywhere near here",
        "My elderly neighbour is lonely and not eating properly, who can help",
        "pharmacy on {street} closed down, nearest one is two buses away",
    ],
    "community_facilities": [
        "the youth club on {street} closed, kids have nowhere to go",
        "Can the community hall open in the evenings for a homework club",
        "playground on {street} is broken, swings taped off for months",
        "we need somewhere for older people to meet up, the library cut its hours",
        "Would love a community garden on the empty land by {street}",
    ],
    "transport": [
        "the 55 bus never turns up on time, waited 40 minutes on {street}",
        "bus stop on {street} has no shelter, older people standing in the rain",
        "no step free access at the station, I cant get there in my wheelchair",
        "buses from {street} stop running too early for people on late shifts",
    ],
}
URGENT = [
    "I don't feel safe at home, my partner hit me again last night",
    "there is a strong smell of gas in the stairwell at {street}",
    "my elderly neighbour hasn't answered the door in 3 days and her post is piling up",
]
SMALL_TALK = ["thanks for this", "hello is this the community thing", "ok", "when is the next meeting"]

# Messages per week for each theme, in each neighbourhood; road safety rises in Kingsmead at the end.
BASE_RATE = {"road_safety": 6, "antisocial_behaviour": 7, "environment": 9, "housing": 6, "crime": 4,
             "health": 3, "community_facilities": 3, "transport": 3}


def weekly_rate(theme: str, hood_index: int, week_index: int, weeks: int) -> int:
    """How many messages on `theme` the demo makes in one neighbourhood's week."""
    rate = BASE_RATE.get(theme, 2) * (1.2 if hood_index == 0 else 0.9)
    if theme == "road_safety" and hood_index == 1 and week_index == weeks - 1:
        rate *= 5     # a rising theme for the digest to call out
    if theme == "environment" and week_index >= weeks - 3:
        rate *= 0.6   # falling after a clean-up
    return max(0, round(rate))


def message_text(rng: random.Random, theme: str, streets: tuple[str, ...]) -> str:
    """One made-up message about `theme` on one of `streets`."""
    text = rng.choice(TEMPLATES[theme]).format(street=rng.choice(streets))
    if rng.random() < 0.15:
        text = text.lower()
    if rng.random() < 0.1:
        text += rng.choice([" pls sort it", " Thank you", " its getting worse", "!!", " x"])
    return text


def urgent_text(rng: random.Random, streets: tuple[str, ...]) -> str:
    """A made-up urgent message (digests count these, never quote them)."""
    return rng.choice(URGENT).format(street=rng.choice(streets))
