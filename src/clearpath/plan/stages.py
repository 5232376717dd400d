"""The four stages of the exit plan and their listed tasks, written for Clearpath.

A listed task has a stable key (used in addresses and to store its status once touched)
and the safety plan part it concerns ("" when none, "leaving" for the leaving page).
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = (("todo", "To do"), ("doing", "Doing"), ("done", "Done"), ("skip", "Not for me"))
STATUS_WORDS = dict(STATUSES)


@dataclass(frozen=True)
class StageSpec:
    number: int
    title: str
    intro: str
    tasks: tuple[tuple[str, str, str], ...]  # (key, title, part)
    caution: str = ""


STAGES: tuple[StageSpec, ...] = (
    StageSpec(
        1,
        "Practise boundaries",
        "Small, safe acts that remind you of your own voice, while you are still there.",
        (
            ("s1-phrases", "Write two or three short boundary phrases and practise them "
             "where no one hears", ""),
            ("s1-grey-rock", "Try grey rock in one small conversation: brief, calm, "
             "uninteresting answers", ""),
            ("s1-independence", "Do one small thing on your own each week: a walk, a class, "
             "a call with a friend", ""),
            ("s1-notice", "Notice what happens when you say no, and write it down somewhere "
             "safe", ""),
            ("s1-reconnect", "Quietly get back in touch with one person you trust", "people"),
            ("s1-digital", "Read the digital safety checklist, without changing anything yet",
             "digital"),
        ),
        "A new boundary can be met with anger. If saying no could put you in danger, your "
        "safety comes first: going along for now is a safe choice, not a step back.",
    ),
    StageSpec(
        2,
        "Logistics",
        "Where you go, how you get there, and what you need. Quiet preparation, at your pace.",
        (
            ("s2-where", "Decide where you go first, and a second choice", "places"),
            ("s2-transport", "Plan transport for you, and for any belongings", "places"),
            ("s2-money", "Set aside some money, and find out which agencies help with money "
             "or housing", "financial"),
            ("s2-documents", "Gather documents or copies, and keep them outside the home",
             "documents"),
            ("s2-bag", "Pack an emergency bag and keep it with someone you trust", "bag"),
            ("s2-essentials", "Write the short list of what to grab if you must leave fast",
             "leaving"),
            ("s2-children", "Plan for the children: where they stay, school and pickup",
             "children"),
            ("s2-pets", "Plan for pets: where they go, and their records", "pets"),
            ("s2-advocate", "Talk your plan through with a hotline or a domestic-violence "
             "advocate", "numbers"),
        ),
        "Preparations can be noticed: a missing folder, a new account, a packed bag. Keep "
        "them out of the home where you can, and move slowly.",
    ),
    StageSpec(
        3,
        "The leaving",
        "The day itself. Keep it simple and keep people around you.",
        (
            ("s3-time", "Choose a safe time, when the other person is away or busy", ""),
            ("s3-company", "Ask someone to be with you, or to know when you go", "people"),
            ("s3-help", "If violence is possible, ask the police or a domestic-violence "
             "organisation to help on the day", "numbers"),
            ("s3-words", "Keep words at the door to a minimum: no arguing, no explaining", ""),
            ("s3-message", "Write the message to send if you leave quickly, and who gets it",
             "leaving"),
            ("s3-phone", "Check your phone: location sharing off, charger in the bag",
             "digital"),
        ),
        "The time around leaving is often the most dangerous. Do not announce it. If the "
        "other person has been violent or threatening, plan the day with a domestic-violence "
        "advocate, and call the emergency number if you are in danger.",
    ),
    StageSpec(
        4,
        "No contact and boundaries",
        "After you have left: protecting the distance you made.",
        (
            ("s4-block", "Block or mute their numbers and accounts, keeping what you already "
             "have as records", "digital"),
            ("s4-written", "Where contact cannot be avoided, keep it written, short and "
             "neutral", ""),
            ("s4-hoovering", "Watch for being pulled back: sudden charm, promises, "
             "emergencies, messages through others", ""),
            ("s4-legal", "Follow up legal steps with advice: orders, property, accounts",
             "legal"),
            ("s4-support", "Keep one or two people you can call when you feel pulled back",
             "people"),
            ("s4-changes", "Make the digital and financial changes you chose to wait with",
             "financial"),
        ),
        "Blocking can lead to attempts through other people or new accounts. Keep what "
        "arrives as records; you do not need to read or answer it.",
    ),
)

STAGE_BY_NUMBER = {stage.number: stage for stage in STAGES}
DEFAULT_TASKS = {key: (stage.number, title, part) for stage in STAGES
                 for key, title, part in stage.tasks}
