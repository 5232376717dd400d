"""The words of the draft checker (outgoing, English): categories, and the wording rules.

Rules about what a draft reveals (personal details) and how sharp it is (hostile) live in
drafts_en_details.py; the pack is put together in drafts_en.py.
"""

from __future__ import annotations

from clearpath.analysis.rules import Category, Rule

CATEGORIES = (
    Category(
        "jade",
        "Explaining or defending",
        "Reasons and defences give the other person something to argue with, and you do not "
        "need their agreement.",
        "State the decision or the fact once, without the reasons. For example: "
        "\u201cThe car stays with me.\u201d",
    ),
    Category(
        "emotional",
        "Feelings",
        "Telling the other person how you feel can give them a way to pull at you or hurt you.",
        "Keep your feelings for people who are safe for you. Say only what needs to happen.",
    ),
    Category(
        "apology",
        "Apologising or smoothing things over",
        "Apologies and reassurance can read as taking the blame, and can invite more pressure.",
        "Leave the apology out and say what happens next. For example: "
        "\u201cThe form will be with you by Friday.\u201d",
    ),
    Category(
        "open_question",
        "A question that invites debate",
        "This question opens a discussion about the past or the relationship, and asks for a "
        "reply you may not want.",
        "Ask only practical questions with a short answer, like a time, a date or a yes or no.",
    ),
    Category(
        "personal_detail",
        "A detail about your life",
        "This tells the other person about your life: where you are, who you are with, or what "
        "you do and when.",
        "Leave it out. Share only what the arrangement needs; handovers can happen at a "
        "neutral place.",
    ),
    Category(
        "hostile",
        "Insults, sarcasm or threats",
        "Sharp words can make things escalate, and they can be used against you later, for "
        "example in court.",
        "Leave it out. A calm, plain reply protects you more than a sharp one.",
    ),
    Category(
        "too_long",
        "Too long",
        "More than five sentences: a long reply gives more to pick apart and keeps the exchange "
        "going.",
        "Keep to the practical point in two to four sentences.",
    ),
)

_NOT = "(?:n't| not)"

JADE = (
    Rule("out.jade.because", "jade", r"\b(?:just |only )?because\b"),
    Rule("out.jade.reason", "jade", r"\b(?:the |my )(?:only )?reasons? (?:i|why|is|was|for)\b"),
    Rule("out.jade.explain", "jade", r"\b(?:let me|i(?:'ll| will)?|to) explain\b"),
    Rule(
        "out.jade.understand",
        "jade",
        r"\bi (?:just |only )?(?:want|need) you to (?:understand|know|see)\b"
        r"|\bi hope (?:one day |someday )?you(?:'ll| will)? (?:understand|see)\b",
    ),
    Rule("out.jade.framing", "jade", r"\b(?:just so you know|to be fair|in my defen[cs]e)\b"),
    Rule(
        "out.jade.contradict",
        "jade",
        r"\b(?:that|it)(?:'s| is| was)? not (?:true|what happened|what i said|what we agreed"
        r"|fair)\b"
        r"|\byou(?:'re| are) (?:wrong|twisting|lying about)\b",
        "Contradicting their version starts an argument about what is true.",
    ),
    Rule(
        "out.jade.not_my_fault",
        "jade",
        rf"\b(?:it |that )?(?:was|is){_NOT} (?:my fault|me)\b|\bnot my fault\b",
    ),
    Rule(
        "out.jade.denial",
        "jade",
        rf"\bi (?:never|did{_NOT}) (?:said|say|did|do|told|tell|took|take|lie|lied|stole|steal"
        r"|touched|touch|missed|asked)\b",
        "Denying gives them a claim to argue over.",
    ),
    Rule("out.jade.no_choice", "jade", r"\bi had no (?:choice|option|other option)\b"),
    Rule(
        "out.jade.you_know",
        "jade",
        r"\byou know (?:perfectly|full|very) well\b|\band you know it\b|\byou know that\b",
    ),
    Rule(
        "out.jade.rights",
        "jade",
        r"\bi(?:'m| am) (?:allowed|entitled) to\b|\bi have (?:every|the|a) right to\b",
    ),
    Rule(
        "out.jade.reasonable",
        "jade",
        r"\bi(?:'m| am) not being (?:difficult|unreasonable|dramatic|selfish)\b"
        r"|\bi(?:'m| am) (?:just|only) (?:following|doing|trying)\b",
    ),
    Rule("out.jade.only_did", "jade", r"\bi only (?:did|told|said|kept|took|asked|wanted|went)\b"),
    Rule(
        "out.jade.effort",
        "jade",
        r"\bi (?:did|tried|have done|'ve done) (?:everything|my best|so hard|all i could)\b"
        r"|\bi(?:'ve| have) always (?:been|paid|done|tried)\b",
    ),
    Rule("out.jade.proof", "jade", r"\bi can (?:show|prove)\b|\bfor the record\b"),
    Rule(
        "out.jade.repeat",
        "jade",
        r"\b(?:as i (?:already )?(?:said|told you|explained)|i (?:already|have already) "
        r"(?:said|told you|explained)|the truth is|that's why|which is why"
        r"|it's not like i|i'm not the one who|let me be clear|you can't blame me"
        r"|i (?:did|have done|'ve done) nothing wrong|(?:that|it) was your idea"
        r"|i(?:'ve| have) (?:already )?explained)\b"
        r"|\bhonestly,? i\b|\bi was (?:only |just )?(?:at home|at work|busy|asleep|driving)\b",
    ),
    Rule(
        "out.jade.accuse",
        "jade",
        r"\byou (?:always|never)\b(?! know\b| see\b)",
        "Pointing at what they always or never do starts an argument about the past.",
    ),
    Rule("out.jade.arguing", "jade", r"\bif you had (?:read|listened|bothered|checked)\b"),
    Rule(
        "out.jade.ownership",
        "jade",
        r"\b(?:it|the \w+|that) (?:was|is) mine\b|\bi (?:earned|paid for|bought) it\b"
        r"|\byou never (?:contributed|paid|helped)\b",
    ),
)

EMOTIONAL = (
    Rule(
        "out.emotional.i_feel",
        "emotional",
        r"\bi(?:'m| am)? (?:feel|felt|feeling)\b(?! free)",
        unless=r"\bfeel free\b|\bfeel (?:fine|ok|okay) (?:with|about) (?:the )?\d",
    ),
    Rule(
        "out.emotional.state",
        "emotional",
        r"\bi(?:'m| am|'ve been| have been| was)(?: so| really| very| just| completely"
        r"| absolutely| still| truly| honestly){0,2} (?:hurt|sad|scared|afraid|terrified"
        r"|frightened|angry|furious|upset|devastated|heartbroken|broken|crushed|exhausted"
        r"|tired of|lonely|miserable|overwhelmed|shaking|hurting|desperate|depressed"
        r"|worried sick|drained|numb|stressed|anxious|nervous|ashamed|humiliated|gutted|hopeless"
        r"|helpless|betrayed|disappointed|jealous)\b",
    ),
    Rule("out.emotional.heart", "emotional", r"\b(?:breaks?|broke|broken) my heart\b"),
    Rule(
        "out.emotional.love",
        "emotional",
        r"\bi (?:still )?love you\b|\bi miss (?:you|us|how|the way|what we|our)\b",
        "Words of love or missing them can be read as an opening to come back.",
    ),
    Rule(
        "out.emotional.appeal",
        "emotional",
        r"\bi(?:'m| am) begging\b|\bi beg you\b|\bfor the sake of (?:everything|us|what we)"
        r"|\bwhat this (?:is doing|does) to me\b",
        "An appeal to their feelings asks them to care, which they may use.",
    ),
    Rule(
        "out.emotional.strong",
        "emotional",
        r"\b(?:this|it|you(?:'re| are)) (?:is )?killing me\b|\bcan't breathe\b"
        r"|\bi (?:cried|cry|was crying|am crying|'ve been crying)\b|\bin tears\b"
        r"|\bi can(?:'t|not) (?:take|keep doing|do) (?:this|it)\b|\b(?:it|this|that) hurts\b"
        r"|\bhurts me\b|\bi wish (?:things|we|you|it|i)\b"
        r"|\byou (?:meant|mean) (?:everything|so much|the world) to me\b"
        r"|\bi hate (?:what|this|that|how|the way)\b",
    ),
    Rule(
        "out.emotional.you_did_to_me",
        "emotional",
        r"\byou (?:scared|hurt|frightened|terrified|scare|terrify|upset) me\b",
    ),
    Rule("out.emotional.no_idea", "emotional", r"\byou have no idea how\b"),
    Rule(
        "out.emotional.struggle",
        "emotional",
        r"\bi(?:'m| am) (?:so |really )?(?:struggling|falling apart|a wreck|in pieces|sick of this"
        r"|sick and tired|so done)\b|\bi can't sleep\b|\b(?:it|this|you) makes? me "
        r"(?:feel|sad|angry|cry|sick)\b|\bit(?:'s| has) been so (?:hard|painful|difficult)\b",
    ),
)

APOLOGY = (
    Rule("out.apology.sorry", "apology", r"(?<!be )\bsorry\b"),
    Rule("out.apology.apologise", "apology", r"\bapologi[sz]e\b|\b(?:my )?apologies\b"),
    Rule(
        "out.apology.fault",
        "apology",
        r"(?<!not )(?<!n't )(?<!n\u2019t )\b(?:it's |it is |it was )?(?:all )?my (?:fault|bad)\b",
    ),
    Rule("out.apology.forgive", "apology", r"\b(?:please )?forgive me\b|\bpardon me\b"),
    Rule(
        "out.apology.hope_ok",
        "apology",
        r"\bi hope you(?:'re| are) not (?:too )?(?:upset|angry|mad|annoyed|cross)\b"
        r"|\bi hope (?:that|this|it)(?:'s| is) (?:ok|okay|alright|all right|fine) "
        r"(?:with|for|by) you\b",
    ),
    Rule("out.apology.dont_be_mad", "apology", r"\bdon't be (?:mad|angry|upset|cross)\b"),
    Rule("out.apology.didnt_mean", "apology", rf"\bi (?:did{_NOT}|never) mean(?:t)? (?:to|for)\b"),
    Rule(
        "out.apology.placate",
        "apology",
        r"\bwhatever you (?:want|think|say|prefer|decide)\b"
        r"|\bi don't want (?:to upset you|any trouble|to cause|to make you)\b"
        r"|\bdon't hold it against me\b"
        r"|\bi know (?:you(?:'re| are) (?:upset|angry|hurt|mad)|this is hard for you)\b",
        "Smoothing things over puts their mood in your hands.",
    ),
    Rule(
        "out.apology.let_down",
        "apology",
        r"\bi let you down\b|\bi made (?:a )?mistakes?\b|\bi owe you an apology\b"
        r"|\bi shouldn't have\b|\bmake it up to you\b|\bhope you don't mind\b|\bi regret\b"
        r"|\bexcuse me for\b",
    ),
)

_QUESTION_END = r"[^.!?\n]*\?"
OPEN_QUESTION = (
    # "Why not meet at 5?" proposes a plan; "Why not?" on its own still challenges.
    Rule("out.question.why", "open_question", rf"\bwhy\b(?! not \w){_QUESTION_END}"),
    Rule(
        "out.question.how_could",
        "open_question",
        rf"\bhow (?:could|can|dare|do) you (?:say|do|tell|think|live|be|treat|sleep)"
        rf"{_QUESTION_END}|\bhow could you\b{_QUESTION_END}",
    ),
    Rule(
        "out.question.what_about_us",
        "open_question",
        r"\bwhat (?:do you want from me|is (?:your problem|wrong with)|did i (?:ever )?do"
        rf"|happened to|were you thinking|about us|am i supposed to|was i supposed to"
        rf"|'s wrong with you|'s going on with you)\b{_QUESTION_END}",
    ),
    Rule(
        "out.question.past",
        "open_question",
        r"\b(?:(?:where|when) did (?:it|we|you|things|this)|who do you think|how do you think"
        r"|what(?:'s| is) the point|are you happy now|was it (?:all )?worth it|how would you feel"
        r"|do you (?:have any idea|even know|know how)"
        r"|is (?:that|it) (?:too much|so hard|really so)|have you (?:ever )?(?:thought|considered"
        rf"|stopped)|do you (?:remember|still))\b{_QUESTION_END}",
    ),
    Rule(
        "out.question.challenge",
        "open_question",
        r"\b(?:(?:do|did) you (?:really|honestly|even|actually|ever) (?:think|believe|care|want"
        r"|love|miss)"
        r"|(?:don't|doesn't|didn't|can't|won't|wouldn't|shouldn't|aren't|isn't) (?:you|we|it)"
        rf"|are you (?:ever|serious|kidding|even|going to take))\b{_QUESTION_END}",
    ),
    Rule(
        "out.question.talk",
        "open_question",
        r"\b(?:can|could|shall|should|would) we (?:please )?(?:just )?(?:talk|discuss|meet for"
        rf"|sort (?:this|things|it) out|work (?:this|things|it) out|try again|go back)\b"
        rf"{_QUESTION_END}|\bis there anything you want to (?:say|tell)\b{_QUESTION_END}",
        "Inviting a talk about the two of you opens the door to more contact.",
    ),
)
