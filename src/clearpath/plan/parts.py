"""The parts of the safety plan: what each asks, why it matters, and what to be careful of.

Written for Clearpath. The views and the PDF build every part from these definitions, so a
part's words live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from clearpath.plan.fields import LONG, FieldSpec, area, check, phone, text

# How a checklist item can stand. "documents" checklists have their own fields instead.
DONE_STATES = (("open", "Not yet"), ("done", "Done"), ("skip", "Not for me"))
BAG_STATES = (("open", "Not yet"), ("done", "Packed"), ("skip", "Not needed"))


@dataclass(frozen=True)
class ListSpec:
    """A list the person fills (places, people, numbers...). ``kind`` names its rows."""

    key: str
    title: str
    noun: str
    kind: str
    fields: tuple[FieldSpec, ...]
    intro: str = ""


@dataclass(frozen=True)
class ChecklistSpec:
    """Listed items to tick. With ``documents`` each item has original / copy / where kept."""

    key: str
    items: tuple[tuple[str, str], ...]
    states: tuple[tuple[str, str], ...] = DONE_STATES
    documents: bool = False
    title: str = "Checklist"


@dataclass(frozen=True)
class PartSpec:
    slug: str
    title: str
    summary: str
    why: str
    caution: str = ""
    texts: tuple[FieldSpec, ...] = ()
    checklist: ChecklistSpec | None = None
    lists: tuple[ListSpec, ...] = ()
    reminder: str = ""


PLACES = ListSpec(
    "places",
    "Your safe places",
    "place",
    "place",
    (
        text("name", "Name of the place", "For example: Sam's flat, the shelter on Hill Road.",
             required=True),
        area("address", "Address", limit=500),
        text("contact", "Who to contact there, and how"),
        area("route", "How to get there", "Bus, walking route, a taxi number, a friend's car.",
             limit=1000),
        FieldSpec(
            "they_know",
            "Do they know you may come?",
            "choice",
            choices=(("", "Not decided"), ("yes", "Yes"), ("not yet", "Not yet"), ("no", "No")),
        ),
        area("notes", "Notes"),
    ),
)

PEOPLE = ListSpec(
    "people",
    "Your trusted people",
    "person",
    "person",
    (
        text("name", "Name", "A first name or a nickname is enough.", required=True),
        phone(),
        check("keeps_things", "Can keep documents or a bag"),
        check("calls_for_help", "Can call for help"),
        check("comes_along", "Can come along"),
        text("code_word", "Code word agreed with them",
             "An ordinary word or phrase that means: I need help now."),
        area("notes", "Notes"),
    ),
)


def _contacts(key: str, title: str, noun: str, kind: str, detail: str, hint: str) -> ListSpec:
    return ListSpec(
        key,
        title,
        noun,
        kind,
        (text("name", "Name", required=True), phone(), area("detail", detail, hint)),
    )


NUMBERS = ListSpec(
    "numbers",
    "Your own numbers",
    "number",
    "own_number",
    (
        text("name", "Who", "For example: my sister, the local shelter, my doctor.",
             required=True),
        phone(required=True),
        area("detail", "Notes", "When to call, opening hours, what to say."),
    ),
)

CHILD_CONTACTS = _contacts(
    "contacts", "Contacts for the children", "contact", "child_contact", "Role and notes",
    "Child advocate, school counsellor, family lawyer, a relative.",
)
SHELTERS = _contacts(
    "shelters", "Pet-friendly shelters and carers", "shelter", "pet_shelter", "Notes",
    "Which animals they take, for how long, what they need from you.",
)
LAWYERS = _contacts(
    "lawyers", "Lawyers and legal aid", "contact", "legal_contact", "Notes",
    "A free or sliding-scale first consultation? Languages? How to reach you safely?",
)
COURT_DATES = ListSpec(
    "dates",
    "Court dates",
    "date",
    "court_date",
    (
        text("name", "What it is", "For example: hearing on the protection order.",
             required=True),
        FieldSpec("on_date", "Date", "date", 10, True),
        area("detail", "Notes", "Where, what to bring, who comes with you."),
    ),
)
PROPERTY = ListSpec(
    "property",
    "Personal property to get back",
    "item",
    "property",
    (
        text("name", "What", required=True),
        area("detail", "Where it is, and how you might get it back",
             "Some places let the police or a court officer come with you.", limit=1000),
    ),
)

DOCUMENTS = ChecklistSpec(
    "documents",
    (
        ("id", "Identity card or driving licence"),
        ("passport", "Passports (yours and your children's)"),
        ("birth", "Birth certificates"),
        ("custody", "Custody or parenting papers"),
        ("immigration", "Immigration papers, visas, work permits"),
        ("marriage", "Marriage or civil partnership certificate"),
        ("orders", "Protection or restraining orders"),
        ("financial", "Financial papers: bank cards, statements, pay slips, tax papers"),
        ("medical", "Medical records and prescriptions"),
        ("insurance", "Insurance papers"),
        ("housing", "Lease, rental agreement or deed"),
        ("children", "Children's records: school, health, vaccinations"),
        ("pets", "Pets' records"),
    ),
    documents=True,
    title="Your documents",
)

PARTS: tuple[PartSpec, ...] = (
    PartSpec(
        "places",
        "Safe places",
        "Where you could go, and how to get there.",
        "Knowing where you could go before you need it saves minutes, and worry, on the day.",
        "If you tell someone they may be needed, pick a moment and a way the other person "
        "cannot see or overhear: not a shared phone, computer or account.",
        lists=(PLACES,),
    ),
    PartSpec(
        "people",
        "Trusted people",
        "Who can keep a bag, call for help or come along.",
        "A few people who know what to do can act quickly when you cannot. A code word lets "
        "you ask for help without saying why.",
        "Agree the code word in person if you can. Messages about your plan can be read on "
        "a phone or computer the other person checks.",
        lists=(PEOPLE,),
    ),
    PartSpec(
        "documents",
        "Documents",
        "Which papers you have, as originals or copies, and where they are.",
        "Papers make housing, money, benefits and court steps easier later. Replacing them "
        "can take months.",
        "A missing folder can be noticed. Copying a few papers at a time, and keeping the "
        "copies with someone you trust, is often less visible than taking originals. A photo "
        "on a phone that is checked can be found.",
        checklist=DOCUMENTS,
    ),
    PartSpec(
        "bag",
        "Emergency bag",
        "What is packed, and where the bag is kept.",
        "A bag kept outside the home means you can leave in minutes without going back for "
        "anything.",
        "A packed bag at home can be found. Keep it with someone you trust, or at work, "
        "and add to it slowly.",
        texts=(
            area("where_kept", "Where the bag is kept",
                 "Somewhere outside the home if you can: with a trusted person, at work, "
                 "in a locker.", limit=1000),
        ),
        checklist=ChecklistSpec(
            "bag",
            (
                ("cash", "Some cash, in small notes and coins"),
                ("medication", "Medications and prescriptions"),
                ("keys", "Spare keys: home, car, work"),
                ("phone", "A phone and a charger (an old phone can still call emergency numbers)"),
                ("clothes", "Clothes for a few days"),
                ("copies", "Copies of your important documents"),
                ("glasses", "Glasses, contact lenses, hearing aids"),
                ("children", "Children's essentials: medicine, nappies, a favourite toy"),
                ("small", "Something small that means a lot to you"),
            ),
            states=BAG_STATES,
            title="What is in the bag",
        ),
    ),
    PartSpec(
        "numbers",
        "Emergency numbers",
        "Emergency services, your hotlines and your own numbers.",
        "In a crisis it is hard to remember or search for a number. Here they are in one place.",
        "Call logs and saved contacts can be seen on a phone that is checked. You can save a "
        "hotline under an ordinary name, or learn one number by heart.",
        lists=(NUMBERS,),
    ),
    PartSpec(
        "children",
        "Children",
        "What to tell them, where they stay, school and pickup.",
        "Children cope better with a little preparation and a clear plan for where they "
        "will be.",
        "Children may repeat what they hear without meaning to. Share only what they can "
        "keep, and a plan they can follow.",
        texts=(
            area("what_to_tell", "What to tell them, at their age",
                 "Simple words. Young children can learn a safe room and how to call for help."),
            area("where_during", "Where they stay while you leave"),
            area("where_after", "Where they stay afterwards"),
            area("school", "School and pickup arrangements",
                 "Who may collect them, and whether the school knows about any order."),
        ),
        lists=(CHILD_CONTACTS,),
    ),
    PartSpec(
        "pets",
        "Pets",
        "Where they go, their records and shelters that take pets.",
        "Many people stay longer because of a pet. A plan for your pet removes one reason "
        "to wait.",
        "Moving a pet early can be noticed. A friend looking after a pet for a few days is "
        "often less visible.",
        texts=(area("where_go", "Where they go", "A friend, family, a boarding kennel, a "
                    "shelter that takes pets."),),
        checklist=ChecklistSpec(
            "pet_records",
            (
                ("vaccination", "Vaccination records"),
                ("adoption", "Adoption or ownership papers"),
                ("medical", "Medical records and medicines"),
                ("microchip", "Microchip and registration details"),
            ),
            documents=True,
            title="Their records",
        ),
        lists=(SHELTERS,),
    ),
    PartSpec(
        "digital",
        "Digital safety",
        "Accounts, devices and location sharing.",
        "Accounts and devices can show where you are, who you talk to and what you plan.",
        "Changes can be noticed. If the other person loses access to an account, gets a "
        "sign-in alert or sees that location sharing stopped, they may guess you are "
        "planning to leave. If a change could make you less safe, wait until you have left, "
        "or talk it through with an advocate first. Settings cannot make a device that may "
        "be monitored safe; use a device the other person has never had.",
        checklist=ChecklistSpec(
            "digital",
            (
                ("passwords", "Change your passwords, from a device the other person has "
                 "never used"),
                ("two_factor", "Turn on two-step sign-in for email, bank and social accounts"),
                ("forwarding", "Check your email for forwarding rules and filters you did "
                 "not set"),
                ("recovery", "Check the recovery email and phone number on each account"),
                ("sessions", "Sign out every other session and device"),
                ("location", "Stop location sharing: phone, maps, family apps, photos"),
                ("shared", "Check shared cloud storage, family plans and shared albums"),
                ("smart", "Check smart devices: speakers, cameras, doorbells, the car's app"),
                ("new_email", "A separate email address that only your helpers know"),
                ("new_number", "A new phone number, if harassment is likely"),
                ("tracking", "Check for tracking apps on your phone and tracking tags in "
                 "your bag, coat or car"),
            ),
        ),
    ),
    PartSpec(
        "financial",
        "Financial safety",
        "Your own account, credit, shared apps, an emergency fund.",
        "Money is often the hardest tie. Small quiet steps now give you choices later.",
        "New bank letters, emails and app alerts can be seen. Choose statements sent to a "
        "safe email address, and change shared accounts only after advice.",
        texts=(area("notes", "Notes", "Amounts, account names you may need, what is next."),),
        checklist=ChecklistSpec(
            "financial",
            (
                ("own_account", "An account in your name only, at a bank the other person "
                 "does not use"),
                ("credit_report", "Get your credit report and look for debts you did not "
                 "agree to"),
                ("credit_freeze", "Freeze or lock your credit, where your country allows it"),
                ("payment_methods", "Remove shared cards and payment methods from your "
                 "accounts"),
                ("apps", "Unlink shared apps and block the other person's access to your "
                 "banking and payment apps"),
                ("fund", "An emergency fund, even a little at a time"),
                ("copies", "Copies of financial papers: statements, pay slips, loans, "
                 "pensions"),
                ("beneficiaries", "Check the beneficiaries on insurance, pensions and savings"),
                ("joint", "Joint accounts and shared debts: get legal advice before "
                 "changing them"),
            ),
        ),
    ),
    PartSpec(
        "legal",
        "Legal",
        "Lawyers and legal aid, orders, court dates, property.",
        "Legal steps can protect you, your children and your belongings. They work best "
        "with advice.",
        "Letters from a lawyer or a court, and calls, can be seen or overheard. Tell your "
        "lawyer how to reach you safely.",
        texts=(
            area("order", "Protection or restraining order: notes and next steps"),
            area("changes", "Beneficiaries and joint accounts to change, with legal advice"),
        ),
        lists=(LAWYERS, COURT_DATES, PROPERTY),
        reminder="Please do not rush legal or financial moves alone. Many lawyers and legal "
        "aid services offer a free or sliding-scale first consultation, and a "
        "domestic-violence advocate can help you prepare and may come with you.",
    ),
)

PART_BY_SLUG = {part.slug: part for part in PARTS}
# The leaving page keeps its own written answers under this part name.
LEAVING = "leaving"
LEAVING_TEXTS = (
    area("message", "The message to send if you leave quickly",
         "Short and ready to copy, for example: 'Code blue. I am on my way to you.'",
         limit=1000),
    text("send_to", "Who gets it"),
)
TEXT_FIELDS = {
    **{part.slug: part.texts for part in PARTS if part.texts},
    LEAVING: LEAVING_TEXTS,
}
ALL_LISTS = {spec.kind: spec for part in PARTS for spec in part.lists}
MAX_TEXT = LONG
