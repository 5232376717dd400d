"""Draft checker rules (outgoing, English) for what a draft reveals and how sharp it is.

Personal details matter most: a new address, a workplace, a routine or a new partner can help
the other person find or pressure you. These rules lean towards flagging; most of them need the
sentence to be about you ("I", "my", "we"), so the children's dentist or the school's phone
number stays unflagged.
"""

from __future__ import annotations

from clearpath.analysis.rules import Rule

FIRST_PERSON = r"\b(?:i|i'm|i've|i'll|i'd|my|me|mine|we|we're|we've|we'll|our|us)\b"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PLACE = r"[A-Z][a-z\u00e0-\u00ff]+"

PERSONAL_DETAIL = (
    Rule(
        "out.detail.address",
        "personal_detail",
        r"\bmy (?:new )?(?:address|flat|apartment|place|home|street)\b(?! number)"
        r"|\b(?:my|a|our) new (?:house|home|flat|apartment|place|car)\b"
        r"|\bi live (?:in|at|on|near|with|by|close)\b"
        r"|\bmy (?:landlord|landlady|neighbou?rs?|flatmate|roommate|postcode|zip code)\b",
        "This gives away where you live.",
        unless=r"\bmy (?:home|flat|place) (?:phone|number)\b",
    ),
    Rule(
        "out.detail.moved",
        "personal_detail",
        r"\b(?:i|we)(?:'ve| have)? (?:just |finally |now )?moved\b|\bmoving (?:in|to|out)\b"
        r"|\b(?:i|we)(?:'m| am|'re| are) (?:now |currently |still )?(?:living|staying|renting"
        r"|lodging)\b|\bliving with\b|\bmoved in\b",
        "This tells where you live or stay now.",
    ),
    Rule(
        "out.detail.contact",
        "personal_detail",
        r"\bmy (?:new |other |work )?(?:number|phone|mobile|cell|email|e-mail|whatsapp)\b"
        r"|\breach me (?:on|at)\b|\bcall me (?:on|at) \+?\d"
        r"|\bi(?:'ve| have)? (?:got|get|bought) a new (?:phone|number|mobile|email)\b",
        "This gives a way to reach you that they may not have.",
    ),
    Rule(
        "out.detail.work",
        "personal_detail",
        r"\bmy (?:new )?(?:job|work|office|workplace|boss|employer|manager|colleagues?"
        r"|shifts?|hours)\b"
        r"|\bi(?:'ve)? (?:got|have|found|started|start|begin) (?:a |my )?(?:new )?"
        r"(?:job|position|work|working)\b"
        r"|\bi(?:'m| am)? (?:now )?work(?:ing)? (?:at|for|in|nights?|night shifts?|shifts?"
        r"|from home|as)\b|\bi (?:leave|finish|start) (?:work|my shift)\b|\boff work\b"
        r"|\bnight shifts?\b|\bon (?:nights|earlies|lates|the (?:early|late|night) shift)\b"
        r"|\bi(?:'ve| have)? (?:just )?(?:started|joined|enrolled (?:at|in|on))"
        r" (?:a |the |my )?(?:new )?(?:course|class|college|university|uni|gym|club|choir|team)\b"
        r"|\bi(?:'m| am) (?:now )?(?:studying|training|volunteering) (?:at|as|in)\b",
        "This says where you work or when you are there.",
        requires=FIRST_PERSON,
    ),
    Rule(
        "out.detail.routine",
        "personal_detail",
        r"\bi (?:go to|do|take|attend|have|catch) (?:the |my )?(?:[\d:.]+ )?(?:gym|yoga|pilates"
        r"|class|classes|church|mosque|temple|synagogue|choir|football|swimming|running"
        r"|train|bus|tram|ferry|lessons?|course)\b"
        rf"|\bevery (?!other\b|second\b)(?:day|morning|evening|night|week|weekday|weekend"
        rf"|{_DAYS})\b|\b(?:on )?{_DAYS}s\b|\b{_DAYS} (?:nights|evenings|mornings)\b"
        r"|\b(?:usually|normally|most (?:days|evenings|mornings|nights))\b"
        r"|\bmy (?:gym|church|club|class|team|commute|routine|schedule)\b",
        "A regular time and place makes you easy to find.",
        requires=r"\b(?:i|i'm|my|me)\b",
        unless=r"\b(?:kids|children|school|he|she|they) (?:have|has|go|goes)\b",
    ),
    Rule(
        "out.detail.place_named",
        "personal_detail",
        r"\b(?:[Ii](?:'m| am|'ll be| will be)|[Ww]e(?:'re| are|'ll be| will be)) "
        r"(?:now |currently |still |back )?(?:in|at|near|going to) (?:my |our )?"
        rf"(?:\w+'s )?(?:in )?{_PLACE}"
        rf"|\b(?:flying|fly|travel(?:l)?ing|driving|heading|going|off) to (?:my \w+'s in )?{_PLACE}"
        rf"|\bto my \w+'s in {_PLACE}",
        "This says where you are or will be.",
        case_sensitive=True,
    ),
    Rule(
        "out.detail.travel",
        "personal_detail",
        r"\b(?:on|for|our|my) (?:holiday|vacation|trip)\b|\bi(?:'ll| will) be (?:away|abroad)\b"
        r"|\b(?:i|we)(?:'re| are|'m| am) (?:flying|travelling|traveling|going away)\b"
        r"|\bmy (?:sister|brother|mum|mom|mother|dad|father|aunt|uncle|friend|cousin)'s\b"
        r"|\bmy (?:parents|grandparents|friends)'",
        "This tells where you will be, and when.",
    ),
    Rule(
        "out.detail.partner",
        "personal_detail",
        r"\bmy (?:new )?(?:boyfriend|girlfriend|partner|husband|wife|fianc[e\u00e9]e?"
        r"|date|bf|gf)\b|\bseeing someone\b|\bnew (?:boyfriend|girlfriend|partner|relationship)\b"
        r"|\bi(?:'m| am) (?:now )?(?:dating|engaged|remarried|in a relationship)\b",
        "News of a new partner can stir jealousy or give them someone to target.",
    ),
    Rule(
        "out.detail.health",
        "personal_detail",
        r"\b(?:therapist|therapy|counsell?(?:or|ing)|psychiatrist|medication|antidepressants?"
        r"|diagnosed|diagnosis|pregnant|pregnancy|operation|surgery|chemo(?:therapy)?"
        r"|hospital|sick leave|off sick|my doctor|my gp|anxiety|depression|panic attacks?"
        r"|mental health|cancer)\b"
        r"|\bi(?:'m| am|'ve been| have been) (?:\w+ )?(?:ill|unwell|sick)\b(?! of| and tired)",
        "Health details are private and can be used to question how you cope.",
        requires=FIRST_PERSON,
        unless=r"\b(?:his|her|their|the kids'|the children's|[A-Z][a-z]+'s) "
        r"(?:therapist|therapy|medication|operation|surgery|doctor)\b",
    ),
)

HOSTILE = (
    Rule(
        "out.hostile.insult",
        "hostile",
        r"\b(?:idiot|moron|pathetic|loser|liar|psycho|jerk|bitch|bastard|asshole|arsehole"
        r"|prick|dickhead|deadbeat|lunatic|narcissist|scumbag|disgusting|useless|worthless"
        r"|clown|stupid|disgrace|delusional)s?\b|\bpiece of work\b"
        r"|\b(?:terrible|awful|lousy|sorry excuse for a|bad|selfish) (?:parent|father|mother"
        r"|dad|mum|mom|person|husband|wife)\b",
        "An insult can make things escalate and can be used against you.",
        unless=r"\bnot (?:stupid|useless)\b|\bstupid (?:traffic|bus|train|car|phone|app)\b",
    ),
    Rule(
        "out.hostile.rude",
        "hostile",
        r"\b(?:shut up|get a life|go to hell|grow up|screw you|fuck\w*|damn you|piss off"
        r"|you disgust me|stop acting like a child|get lost)\b"
        r"|\b(?:everyone|everybody) knows you\b|\bclearly you can't\b|\byou make me sick\b"
        r"|\byou(?:'re| are) (?:crazy|insane|a joke|unbelievable)\b|\bnobody cares\b"
        r"|\bdrop dead\b|\brot in\b|\bgood luck with that\b|\btypical(?: of you)?[.!]"
        r"|\bget over yourself\b",
    ),
    Rule(
        "out.hostile.sarcasm",
        "hostile",
        r"\b(?:father|mother|parent|dad|mum|mom) of the year\b"
        r"|\bthanks (?:a lot |so much )?for (?:ruining|nothing|being on time|finally)\b"
        r"|\bnice of you to\b|\bfor once in your life\b|\bfor once\b"
        r"|\b(?:oh )?(?:great|wonderful|brilliant|perfect), thanks\b|\breally appreciate it\b"
        r"|\bwell done,? (?:genius|really)\b|\bdon't make me laugh\b|\byeah,? right\b"
        r"|\bhow convenient\b|\b(?:what a|big) surprise\b",
        "Sarcasm reads as an attack, and it keeps the conflict going.",
    ),
    Rule(
        "out.hostile.threat",
        "hostile",
        r"\byou(?:'ll| will) (?:regret|be sorry|pay for)\b"
        r"|\bi(?:'ll| will) make sure you (?:never|don't|regret|lose)\b"
        r"|\bwatch (?:yourself|your back)\b|\bor else\b"
        r"|\bi(?:'ll| will) (?:destroy|ruin|end|expose|get) you\b"
        r"|\byou(?:'ll| will) never see (?:them|the kids|the children)\b"
        r"|\bdon't test me\b|\byou(?:'ve| have) been warned\b|\bi know where you\b",
        "A threat can escalate things and can be used against you, even in court.",
    ),
)
