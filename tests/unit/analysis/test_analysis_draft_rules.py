"""Every rule of the draft checker, with words it must catch and words it must leave alone."""

from __future__ import annotations

import pytest

from clearpath.analysis import Direction, analyse
from clearpath.analysis.engine import pack_for

# rule id -> [(text, the exact words the flag must hold)]
POSITIVE: dict[str, list[tuple[str, str]]] = {
    "out.jade.because": [("I was late because of the bus.", "because")],
    "out.jade.reason": [("The reason I said no is the cost.", "The reason I")],
    "out.jade.explain": [("Let me explain what happened.", "Let me explain")],
    "out.jade.understand": [("I need you to understand this.", "I need you to understand")],
    "out.jade.framing": [("For context, and to be fair, it was agreed.", "to be fair")],
    "out.jade.contradict": [
        ("That is not true.", "That is not true"),
        ("You're wrong.", "You're wrong"),
    ],
    "out.jade.not_my_fault": [("It wasn't my fault.", "It wasn't my fault")],
    "out.jade.denial": [
        ("I never said that.", "I never said"),
        ("I didn't take it.", "I didn't take"),
    ],
    "out.jade.no_choice": [("I had no choice.", "I had no choice")],
    "out.jade.you_know": [("You know full well it was paid.", "You know full well")],
    "out.jade.rights": [("I am entitled to a holiday.", "I am entitled to")],
    "out.jade.reasonable": [("I'm not being unreasonable here.", "I'm not being unreasonable")],
    "out.jade.only_did": [("I only asked once.", "I only asked")],
    "out.jade.effort": [("I tried my best.", "I tried my best")],
    "out.jade.proof": [
        ("I can prove it.", "I can prove"),
        ("For the record, no.", "For the record"),
    ],
    "out.jade.repeat": [("As I said, the form is signed.", "As I said")],
    "out.jade.accuse": [("You always change the plan.", "You always")],
    "out.jade.arguing": [("If you had checked, you would know.", "If you had checked")],
    "out.jade.ownership": [("The sofa was mine.", "The sofa was mine")],
    "out.emotional.i_feel": [("I feel awful about it.", "I feel")],
    "out.emotional.state": [("I'm really scared.", "I'm really scared")],
    "out.emotional.heart": [("It broke my heart.", "broke my heart")],
    "out.emotional.love": [
        ("I miss you.", "I miss you"),
        ("I still love you.", "I still love you"),
    ],
    "out.emotional.appeal": [("I beg you, stop.", "I beg you")],
    "out.emotional.strong": [("I cried for days.", "I cried"), ("It hurts.", "It hurts")],
    "out.emotional.you_did_to_me": [("You frightened me.", "You frightened me")],
    "out.emotional.no_idea": [("You have no idea how long it took.", "You have no idea how")],
    "out.emotional.struggle": [("I'm struggling.", "I'm struggling")],
    "out.apology.sorry": [("Sorry about that.", "Sorry"), ("I\u2019m so sorry.", "sorry")],
    "out.apology.apologise": [("I apologise for the delay.", "apologise")],
    "out.apology.fault": [("It's my fault.", "It's my fault")],
    "out.apology.forgive": [("Please forgive me.", "Please forgive me")],
    "out.apology.hope_ok": [("I hope that's ok with you.", "I hope that's ok with you")],
    "out.apology.dont_be_mad": [("Don't be angry.", "Don't be angry")],
    "out.apology.didnt_mean": [("I didn't mean to.", "I didn't mean to")],
    "out.apology.placate": [("Whatever you prefer.", "Whatever you prefer")],
    "out.apology.let_down": [("I shouldn't have said it.", "I shouldn't have")],
    "out.question.why": [("Why did you do that?", "Why did you do that?")],
    "out.question.how_could": [("How could you?", "How could you?")],
    "out.question.what_about_us": [("What about us?", "What about us?")],
    "out.question.challenge": [("Don't you see it?", "Don't you see it?")],
    "out.question.past": [("Where did it go wrong?", "Where did it go wrong?")],
    "out.question.talk": [("Can we talk tonight?", "Can we talk tonight?")],
    "out.detail.address": [("My new address is 3 Elm Row.", "My new address")],
    "out.detail.moved": [("We've moved.", "We've moved")],
    "out.detail.contact": [("My new number is below.", "My new number")],
    "out.detail.work": [("I work at the library now.", "I work at")],
    "out.detail.routine": [("I swim every morning.", "every morning")],
    "out.detail.place_named": [("I'm in Madrid this week.", "I'm in Madrid")],
    "out.detail.travel": [("I'll be away from the 4th.", "I'll be away")],
    "out.detail.partner": [("My fiancée will be there.", "My fiancée")],
    "out.detail.health": [("I have surgery on Monday.", "surgery")],
    "out.hostile.insult": [("You idiot.", "idiot"), ("What a selfish father.", "selfish father")],
    "out.hostile.rude": [("Shut up.", "Shut up")],
    "out.hostile.sarcasm": [("Mum of the year.", "Mum of the year")],
    "out.hostile.threat": [("Watch your back.", "Watch your back")],
}

# Words that look close to a rule but are ordinary logistics or kind words.
NEGATIVE = [
    "Please feel free to call the school.",
    "Can you confirm pickup at 5 on Friday?",
    "Can we meet at the station at 5?",
    "Which day works better for you, Saturday or Sunday?",
    "The school's new phone number is 01632 960 123.",
    "Leo has a dentist appointment on Tuesday.",
    "Jonas is ill, so he stays home tomorrow.",
    "The kids have swimming on Mondays.",
    "The handover is at the usual place.",
    "Thanks so much for taking them to the party.",
    "I will drop the kids at school on Monday morning as usual.",
    "I'll be there at 5.",
    "Please send the signed form by Friday.",
    "I have signed my part of the form.",
    "You will need your own car insurance from March.",
    "The house sale completes on the 28th.",
    "My lawyer will send the papers.",
    "The stupid app would not load, so here are the dates: 4th and 11th.",
    "I'll make sure the kids have their coats.",
    "Sam forgot his book, it is in my car.",
]


def flags_of(text: str) -> list[tuple[str, str]]:
    return [(flag.rule, flag.match) for flag in analyse(text, Direction.OUT).flags]


@pytest.mark.parametrize(
    ("rule", "text", "words"),
    [(rule, text, words) for rule, cases in POSITIVE.items() for text, words in cases],
)
def test_each_rule_catches_its_words_exactly(rule: str, text: str, words: str) -> None:
    assert (rule, words) in flags_of(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ordinary_logistics_are_not_flagged(text: str) -> None:
    assert flags_of(text) == []


def test_every_rule_of_the_pack_has_a_positive_example() -> None:
    pack = pack_for(Direction.OUT, "en")
    assert pack is not None
    assert {rule.id for rule in pack.rules} == set(POSITIVE)


def test_rule_ids_are_unique_and_name_their_direction() -> None:
    pack = pack_for(Direction.OUT, "en")
    assert pack is not None
    ids = [rule.id for rule in pack.rules]
    assert len(ids) == len(set(ids))
    assert all(rule.id.startswith("out.") for rule in pack.rules)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("It wasn't my fault.", "jade"),  # a defence, not an apology
        ("Try that and you'll be sorry.", "hostile"),  # a threat, not an apology
        ("I'm sick of this.", "emotional"),  # a feeling, not health
        ("I have every right to decide where I live.", "jade"),
    ],
)
def test_near_misses_land_in_the_right_category_only(text: str, category: str) -> None:
    assert set(analyse(text, Direction.OUT).categories) == {category}


def test_personal_details_about_the_children_are_not_flagged() -> None:
    text = "Her therapist moved the session to Thursday. His medication is in the bag."
    assert "personal_detail" not in analyse(text, Direction.OUT).categories


def test_a_logistics_question_passes_and_a_debate_question_does_not() -> None:
    assert analyse("Can you confirm pickup at 5 on Friday?", Direction.OUT).flags == ()
    found = analyse("Why can't you ever be on time?", Direction.OUT)
    assert found.categories == ("open_question",)
    assert found.flags[0].match == "Why can't you ever be on time?"


# Everyday phrasings beyond the suite's, one category each (written after the first rules, so
# they are regression tests, not a measure of recall).
PHRASINGS = {
    "jade": [
        "You can't blame me for that.",
        "I did nothing wrong.",
        "That was your idea, not mine.",
        "I've explained this a hundred times.",
        "Let me be clear, I wasn't there.",
        "Honestly, I was at home all evening.",
        "It's not fair that you keep changing it.",
    ],
    "emotional": [
        "This hurts so much.",
        "I'm so stressed about Friday.",
        "I wish things were different.",
        "You meant everything to me.",
        "I'm so disappointed in you.",
        "I hate what this is doing to us.",
    ],
    "apology": ["I regret what I said.", "Hope you don't mind.", "Excuse me for asking again."],
    "open_question": [
        "What's the point?",
        "Are you happy now?",
        "Was it worth it?",
        "Do you have any idea what you did?",
        "How would you feel if I did that?",
    ],
    "personal_detail": [
        "I've started a course at the college.",
        "I got a new phone.",
        "I'm on nights this week.",
        "I've joined a gym near the station.",
        "He's moved in with me.",
        "I'm back at my parents' house.",
        "I'm studying at the university now.",
        "I'm renting a flat in Camden now.",
    ],
    "hostile": [
        "You're a disgrace.",
        "You are a piece of work.",
        "Get over yourself.",
        "You're delusional.",
        "Don't make me laugh.",
        "Yeah right.",
        "Oh, how convenient.",
        "What a surprise, late again.",
    ],
}
MORE_NEGATIVE = [
    "Is 5 ok with you?",
    "The course fee for Sam's swimming is 40 euros.",
    "Sam has a new phone, his number is in the group.",
    "Can we swap to Sunday, it works better for the kids.",
    "Please confirm you got the new school forms.",
    "Honestly no rush, next week is fine.",
    "The court was clear about weekends.",
    "Please let me know if that works.",
]


@pytest.mark.parametrize(
    ("category", "text"), [(c, t) for c, texts in PHRASINGS.items() for t in texts]
)
def test_everyday_phrasings_are_caught(category: str, text: str) -> None:
    assert category in analyse(text, Direction.OUT).categories


@pytest.mark.parametrize("text", MORE_NEGATIVE)
def test_more_ordinary_sentences_pass(text: str) -> None:
    assert flags_of(text) == []
