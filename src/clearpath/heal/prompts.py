"""Journal prompts to start from, grouped by what a person may be working through.

Written for Clearpath. A prompt is an invitation, never homework: any of them can be skipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PromptGroup:
    key: str
    name: str
    intro: str
    prompts: tuple[str, ...]


PROMPT_GROUPS: tuple[PromptGroup, ...] = (
    PromptGroup(
        "clarity",
        "Clarity",
        "For the days when it is hard to tell what was real.",
        (
            "What happened today, in plain words, as if you were telling a kind friend?",
            "What is one thing you know to be true, even when doubt gets loud?",
            "When did you first notice something felt wrong? What did your body tell you?",
            "What did you hear often that you now see differently?",
            "Which promises came again and again? What happened after each one?",
            "What would you tell a friend who described the same thing to you?",
            "What did you stop saying out loud to keep the peace?",
            "What did I lose by staying?",
            "What do you understand now that you could not see a year ago?",
            "Which of your memories do you trust most, and why?",
            "What questions are you still carrying? Write them down without answering them.",
        ),
    ),
    PromptGroup(
        "grief",
        "Grief",
        "Missing someone who hurt you is common. Grief does not mean you chose wrong.",
        (
            "What are you grieving today: the person, the hope, the life you planned?",
            "Which good moments do you miss? You can miss them and still be right to leave.",
            "What future did you picture together? Describe it, then say goodbye to it.",
            "Where in your body do you feel the loss today?",
            "What would you like to say to the person you were at the start?",
            "What small comfort helped a little this week?",
            "Which places, songs or dates bring the sadness back? What could soften them?",
            "Who has lost touch with you along the way, and who would you like to find again?",
            "What does your grief need from you today: rest, tears, company, quiet?",
            "What parts of yourself are you ready to bring back?",
            "If your sadness could speak, what would it ask for?",
        ),
    ),
    PromptGroup(
        "anger",
        "Anger",
        "Anger often shows where a line was crossed. It is safe to feel it here.",
        (
            "What makes you angry today? Write it without softening it.",
            "Which line was crossed that you now want to protect?",
            "What did you swallow that you would like to say now, here, safely?",
            "Where does your anger sit in your body, and what does it want you to know?",
            "What would you do with this energy if it could build something for you?",
            "Who or what do you want to be protected from from now on?",
            "What is one boundary you are proud of keeping?",
            "What do you wish someone had said to you back then?",
            "What unfairness keeps coming back in your thoughts?",
            "What helps your anger settle when it has been heard?",
        ),
    ),
    PromptGroup(
        "self-worth",
        "Self-worth",
        "For finding your own voice again, a little at a time.",
        (
            "Name three things you did well this week, however small.",
            "What do people who love you see in you?",
            "What quality helped you get through the hardest part?",
            "What did you enjoy before, just for yourself?",
            "Which words about yourself would you like to stop using? What could replace them?",
            "What are you allowed to want now?",
            "Describe a moment when you felt like yourself.",
            "What did you do today that took courage, even quietly?",
            "What kind things would you say to a younger you?",
            "Which opinions of yours are you ready to say out loud again?",
            "What do you deserve, simply because you are a person?",
        ),
    ),
    PromptGroup(
        "safety",
        "Safety",
        "Safety is more than locks. It is also feeling calm in your own space.",
        (
            "What does safety look like for me?",
            "Where do you feel most at ease right now, and what makes it so?",
            "Who can you call when you feel unsafe or shaky?",
            "What helps your body calm down after a fright?",
            "Which small habit makes your days feel more predictable?",
            "What would make your home feel more like yours?",
            "What warning signs do you now trust yourself to notice?",
            "What are you no longer willing to put up with?",
            "When did you last feel truly relaxed? What was around you?",
            "What could you prepare today so a hard day tomorrow is a little easier?",
            "Who knows what you are going through, and who would you like to tell?",
        ),
    ),
    PromptGroup(
        "future",
        "Future",
        "Small pictures of a life that is yours again.",
        (
            "What would a gentle, ordinary good day look like a year from now?",
            "What is one small thing you would like to try this month?",
            "Which friendships would you like to grow?",
            "What would you do with a free Saturday, just for you?",
            "What do you want your home to feel like?",
            "What would you like to learn, for no reason other than interest?",
            "What do you want to be true about your relationships from now on?",
            "Write a short letter from your future self, a year on.",
            "What dream did you put away that you might take out again?",
            "What is one step, however small, toward the life you want?",
            "What are you looking forward to, even a little?",
        ),
    ),
)


def all_prompts() -> list[str]:
    """Every prompt, group by group."""
    return [prompt for group in PROMPT_GROUPS for prompt in group.prompts]
