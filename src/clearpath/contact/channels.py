"""The channels a person may want to block, mute or keep, with short hints written for
Clearpath.

The hints are general on purpose: apps move their settings often, so they say where such a
setting usually lives, never an exact menu path. Checked in general terms on 2026-11-24.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Channel:
    key: str
    name: str
    hint: str


STATUSES = {
    "blocked": "Blocked",
    "muted": "Muted",
    "filtered": "Filtered",
    "kept": "Kept for required contact",
    "not_used": "Not used",
}

CHANNELS: tuple[Channel, ...] = (
    Channel(
        "phone",
        "Phone calls and text messages",
        "Most phones can block a number from the contact's details or the recent calls list. "
        "Blocked callers can often still leave voicemail; check your voicemail settings too.",
    ),
    Channel(
        "whatsapp",
        "WhatsApp",
        "Blocking is usually in the chat's contact info. Also look at who can see your "
        "profile photo, status and last seen in the privacy settings.",
    ),
    Channel(
        "signal",
        "Signal",
        "Open the conversation's settings to block. Blocked people cannot call or message "
        "you; they may still see you in shared groups.",
    ),
    Channel(
        "telegram",
        "Telegram",
        "Block from the person's profile. The privacy settings also control who can see your "
        "phone number, last seen time and profile photo.",
    ),
    Channel(
        "email",
        "Email",
        "A filter or rule can move their messages into a folder you open only when you "
        "choose, so nothing is lost as a record. Blocking may delete messages instead.",
    ),
    Channel(
        "facebook",
        "Facebook and Messenger",
        "Blocking covers the profile and Messenger. Check who can see your friends list, "
        "posts and tagged photos; mutual friends may still show your activity.",
    ),
    Channel(
        "instagram",
        "Instagram",
        "Block, restrict or mute from their profile. A private account and a look at your "
        "followers list help too. Blocking can include new accounts they make.",
    ),
    Channel(
        "tiktok",
        "TikTok",
        "Block from their profile. The privacy settings control who can message you, see "
        "your likes and find your account through your contacts.",
    ),
    Channel(
        "snapchat",
        "Snapchat",
        "Block from their profile or the chat. Turn on the map's ghost mode so your "
        "location is not shared.",
    ),
    Channel(
        "x",
        "X (Twitter)",
        "Block or mute from their profile. A protected account limits who sees your posts; "
        "check whether your photos show your location.",
    ),
    Channel(
        "linkedin",
        "LinkedIn",
        "Block from their profile. Also check who can see your connections and whether "
        "people are told when you view their profile.",
    ),
    Channel(
        "payments",
        "Payment apps",
        "Payment notes can carry messages. Look for a block option in the app, remove shared "
        "cards, and check whether your payments are public or visible to contacts.",
    ),
    Channel(
        "cloud",
        "Shared cloud folders and photo albums",
        "Leave shared albums and folders, or stop sharing your own. Check which devices are "
        "signed in to your account and sign out any you do not recognise.",
    ),
    Channel(
        "location",
        "Location sharing",
        "Look in your phone's location or people-finding settings, in map apps and in "
        "family-sharing groups. Stopping sharing may be noticed; plan the timing.",
    ),
    Channel(
        "smart_home",
        "Smart home devices",
        "Speakers, cameras, doorbells, thermostats and locks often have shared owners. Check "
        "the app's household or members settings; factory settings remove old accounts.",
    ),
    Channel(
        "car",
        "Car apps and trackers",
        "A connected car app can show where the car is. Check who is on the account, and ask "
        "a garage or advocate about trackers you cannot see.",
    ),
    Channel(
        "streaming",
        "Shared streaming and shopping accounts",
        "Shared accounts show what you watch, order and where things are delivered. Change "
        "the password and sign out all devices, or open an account of your own.",
    ),
    Channel(
        "group_chats",
        "Mutual friends' group chats",
        "You can leave, mute, or ask one friend to tell you only what you need. Messages in a "
        "group can reach the other person even when you have blocked them.",
    ),
)

CHANNEL_NAMES = {channel.key: channel.name for channel in CHANNELS}
# Where a message or attempt came from, for the pull log and the contact log.
MESSAGE_CHANNELS = {
    **{channel.key: channel.name for channel in CHANNELS},
    "in_person": "In person",
    "through_someone": "Through someone else",
    "post": "Letter or parcel",
    "other": "Somewhere else",
}
