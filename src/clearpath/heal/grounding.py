"""Grounding exercises: two breathing patterns and the 5-4-3-2-1 senses (written for Clearpath)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BreathStep:
    phase: str  # in, hold-full, out, hold-empty (the circle's state)
    seconds: int
    word: str


@dataclass(frozen=True)
class Breathing:
    key: str
    name: str
    intro: str
    steps: tuple[BreathStep, ...]
    rounds: int

    def as_data(self) -> list[dict[str, object]]:
        return [{"phase": s.phase, "seconds": s.seconds, "word": s.word} for s in self.steps]

    def paced(self) -> list[str]:
        """The same exercise as lines to read slowly, one count a second."""
        return [
            f"{step.word}: " + ", ".join(str(n) for n in range(1, step.seconds + 1)) + "."
            for step in self.steps
        ]


BREATHINGS = (
    Breathing(
        "box",
        "Box breathing",
        "Four sides of four counts each. It gives busy thoughts a simple shape to follow.",
        (
            BreathStep("in", 4, "Breathe in"),
            BreathStep("hold-full", 4, "Hold gently"),
            BreathStep("out", 4, "Breathe out"),
            BreathStep("hold-empty", 4, "Rest"),
        ),
        4,
    ),
    Breathing(
        "longer",
        "Longer breath out",
        "Breathing out for longer than you breathe in tells your body it can slow down.",
        (BreathStep("in", 4, "Breathe in"), BreathStep("out", 6, "Breathe out slowly")),
        6,
    ),
)

SENSES = (
    (5, "things you can see", "A cup, a light switch, the colour of a wall."),
    (4, "things you can feel", "Your feet on the floor, the chair behind you, your sleeve."),
    (3, "things you can hear", "A car far away, a fridge humming, your own breath."),
    (2, "things you can smell", "Soap, coffee, fresh air. Or two smells you like."),
    (1, "thing you can taste", "A sip of water, or the taste in your mouth right now."),
)
