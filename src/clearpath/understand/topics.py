"""The Understand pages: which topics there are, in reading order.

The words of each page live in its template (templates/understand/topics/<slug>.html); this
module only names them, so links, the index and the reflections agree on the same slugs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    summary: str
    # A pattern page ends with "Have you noticed this?" and keeps the person's reflections.
    pattern: bool

    @property
    def template(self) -> str:
        return f"understand/topics/{self.slug}.html"


TOPICS: tuple[Topic, ...] = (
    Topic(
        "cycle",
        "Warmth, then coldness, then warmth again",
        "The cycle of being idealised, put down and pushed away, and why the good moments "
        "hold on so tightly.",
        pattern=True,
    ),
    Topic(
        "gaslighting",
        "Being made to doubt what you know",
        "When what you saw, heard or remember is denied until you start to doubt yourself.",
        pattern=True,
    ),
    Topic(
        "control",
        "Control: money, people, moods and watching",
        "Financial pressure, isolation, emotional punishment and monitoring.",
        pattern=True,
    ),
    Topic(
        "empathy",
        "When care wears away",
        "Your feelings stop counting, a little at a time.",
        pattern=True,
    ),
    Topic(
        "hoovering",
        "Being pulled back in",
        "Promises, pleading, crises and sudden kindness after distance or a break-up.",
        pattern=True,
    ),
    Topic(
        "after-leaving",
        "What often happens after leaving",
        "Legal threats, smear campaigns, sudden charm and escalation, and how to be ready.",
        pattern=True,
    ),
    Topic(
        "why-leaving-is-hard",
        "Why leaving is hard",
        "Mixed feelings, a bond made of ups and downs, shame, practical ties and fear.",
        pattern=False,
    ),
    Topic(
        "pitfalls",
        "Common pitfalls",
        "Believing a show of remorse, pulling away from people, rushing big moves alone.",
        pattern=False,
    ),
    Topic(
        "questions",
        "Questions people ask",
        "Labels, legal help without money, replying after saying you would not, trusting again.",
        pattern=False,
    ),
)

_BY_SLUG = {topic.slug: topic for topic in TOPICS}


def topic_by_slug(slug: str) -> Topic | None:
    """The topic with this slug, or None."""
    return _BY_SLUG.get(slug)


def pattern_slugs() -> list[str]:
    return [topic.slug for topic in TOPICS if topic.pattern]
