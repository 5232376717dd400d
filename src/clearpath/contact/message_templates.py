"""Message templates written for Clearpath: brief, informative, friendly enough, firm.

A template has fields; ``fill`` puts the person's words into them and leaves a visible
[placeholder] for any field left empty. Nothing is ever sent: the person copies the text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

FIELD_LIMIT = 300
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class MessageTemplate:
    key: str
    title: str
    when: str
    body: str
    fields: tuple[Field, ...]
    caution: str = ""


TOPIC = Field("topic", "The topic", "For example: the children, the house sale, money")
CHANNEL = Field("channel", "The channel", "For example: email, a co-parenting app")
DEADLINE = Field("deadline", "By when", "A date, for example Friday 4 December")
DAY = Field("day", "The day")
TIME = Field("time", "The time")
PLACE = Field("place", "The place", "Somewhere public and safe, if you can")

TEMPLATES: tuple[MessageTemplate, ...] = (
    MessageTemplate(
        "reconnect",
        "When you are asked to get back together",
        "A reply that closes the subject without opening a discussion.",
        "I have made my decision and it is final. I will not discuss our relationship. "
        "If you need to contact me about {topic}, please use {channel} only.",
        (TOPIC, CHANNEL),
    ),
    MessageTemplate(
        "leaving_now",
        "A short safety message when you leave quickly",
        "For someone you trust, not for the other person. Agree on it with them beforehand.",
        "{name}, I am leaving now. I am going to {place}. If you do not hear from me by "
        "{time}, please call {who}.",
        (
            Field("name", "Who it is for", "Someone you trust"),
            PLACE,
            TIME,
            Field("who", "Who they should call", "For example: the police, my sister"),
        ),
        caution="Send it from a device the other person cannot see, then delete it there.",
    ),
    MessageTemplate(
        "one_channel",
        "Moving all contact about the children to one channel",
        "For co-parenting: one channel, a response time and what counts as an emergency.",
        "From now on, please send everything about the children through {channel}. I will "
        "reply within {window}. In an emergency involving the children, call {emergency}.",
        (
            CHANNEL,
            Field("window", "How soon you will reply", "For example: 48 hours"),
            Field("emergency", "The number for emergencies", "A number you are safe to share"),
        ),
    ),
    MessageTemplate(
        "decline_meeting",
        "Saying no to meeting",
        "When a meeting is asked for and writing is enough.",
        "I will not be meeting in person. If something needs to be arranged about {topic}, "
        "please write to me through {channel}.",
        (TOPIC, CHANNEL),
    ),
    MessageTemplate(
        "return_gifts",
        "Returning gifts",
        "When gifts keep arriving and you want them to stop.",
        "I am returning the things you sent. They will be {how} on {day}. Please do not send "
        "anything more.",
        (Field("how", "How they will come back", "For example: left with your brother"), DAY),
    ),
    MessageTemplate(
        "handover",
        "Arranging a handover",
        "For the children, or belongings, at a set time and place.",
        "The handover is on {day} at {time} at {place}. {who} will be with me. If you need to "
        "change it, please write through {channel} by {deadline}.",
        (
            DAY,
            TIME,
            PLACE,
            Field("who", "Who will be with you", "A friend, a relative"),
            CHANNEL,
            DEADLINE,
        ),
    ),
    MessageTemplate(
        "schedule_change",
        "A change to the schedule",
        "When an agreed day or time has to move.",
        "I need to change the arrangement for {day}. Instead of {before}, I suggest {after}. "
        "Please confirm in writing by {deadline}.",
        (
            DAY,
            Field("before", "What was agreed"),
            Field("after", "What you suggest instead"),
            DEADLINE,
        ),
    ),
    MessageTemplate(
        "documents",
        "Asking for documents",
        "Passports, school papers, bank or tax documents.",
        "I need {document} for {purpose}. Please send it through {channel} by {deadline}.",
        (
            Field("document", "Which document", "For example: the children's passports"),
            Field("purpose", "What it is for"),
            CHANNEL,
            DEADLINE,
        ),
    ),
    MessageTemplate(
        "lawyer",
        "Referring to your lawyer",
        "When a question belongs with your lawyer or advocate.",
        "Please send any questions about {topic} to my lawyer, {lawyer}, at {lawyer_contact}. "
        "I will not discuss this directly.",
        (
            TOPIC,
            Field("lawyer", "Your lawyer's name"),
            Field("lawyer_contact", "How to reach them", "Their office email or phone"),
        ),
    ),
    MessageTemplate(
        "go_between",
        "To a friend who carries messages",
        "For a mutual friend or relative who passes messages on.",
        "{friend}, I know you mean well. Please do not pass on messages between me and "
        "{person}. If something is needed, they can use {channel}. I would still like to talk "
        "with you about other things.",
        (
            Field("friend", "Your friend's name"),
            Field("person", "Who the messages are from"),
            CHANNEL,
        ),
    ),
    MessageTemplate(
        "no_relationship_talk",
        "Not discussing the relationship",
        "When a practical message turns to the past or to feelings.",
        "I will not discuss our relationship or the past. I will reply about {topic} only.",
        (TOPIC,),
    ),
    MessageTemplate(
        "confirm_agreement",
        "Confirming an agreement in writing",
        "After a call or a meeting, so there is a written record.",
        "To confirm what we agreed on {day}: {agreement}. If this is not your understanding, "
        "please reply in writing by {deadline}.",
        (DAY, Field("agreement", "What was agreed", "Plain facts: who, what, when"), DEADLINE),
    ),
    MessageTemplate(
        "reply_by",
        "Asking for an answer by a date",
        "When you need a decision and silence is holding things up.",
        "I need an answer about {question} by {deadline}. If I have not heard from you by "
        "then, I will {next_step}.",
        (
            Field("question", "What you need an answer about"),
            DEADLINE,
            Field("next_step", "What you will do then", "For example: ask my lawyer to write"),
        ),
    ),
    MessageTemplate(
        "emergency_only",
        "Emergency contact only",
        "When contact must stop except for real emergencies.",
        "Please contact me only in an emergency involving {who}. For anything else, please "
        "write through {channel} and I will reply within {window}.",
        (
            Field("who", "Who an emergency would be about", "For example: the children"),
            CHANNEL,
            Field("window", "How soon you will reply", "For example: 48 hours"),
        ),
    ),
    MessageTemplate(
        "smear",
        "A reply to a smear",
        "For someone who heard untrue things about you. You owe no one a defence.",
        "Thank you for telling me, {name}. I am not going to respond to what is being said. "
        "If you have a question for me, you are welcome to ask me directly.",
        (Field("name", "Their name"),),
    ),
    MessageTemplate(
        "money",
        "A payment that is due",
        "Child support, shared bills, money owed.",
        "The payment of {amount} for {purpose} is due on {day}. Please confirm when it has "
        "been sent.",
        (Field("amount", "The amount"), Field("purpose", "What it is for"), DAY),
    ),
    MessageTemplate(
        "belongings",
        "Collecting belongings",
        "When things need to be picked up without you meeting.",
        "Your belongings will be ready to collect on {day} at {time}. {who} will hand them "
        "over at {place}. I will not be there.",
        (DAY, TIME, Field("who", "Who will hand them over"), PLACE),
    ),
    MessageTemplate(
        "received",
        "Saying you received a message",
        "When you need time before you reply.",
        "I have received your message about {topic}. I will reply by {deadline}.",
        (TOPIC, DEADLINE),
    ),
)

BY_KEY = {template.key: template for template in TEMPLATES}


def fill(template: MessageTemplate, values: Mapping[str, str]) -> str:
    """The message with the person's words in it; an empty field shows as [its label]."""
    labels = {field.name: field.label for field in template.fields}

    def put(match: re.Match[str]) -> str:
        name = match.group(1)
        value = " ".join(values.get(name, "").split())
        return value or f"[{labels.get(name, name).lower()}]"

    return _PLACEHOLDER.sub(put, template.body)


def placeholders(template: MessageTemplate) -> set[str]:
    """The field names the body uses (the tests check they match the fields)."""
    return {name for _, name, _, _ in string.Formatter().parse(template.body) if name}
