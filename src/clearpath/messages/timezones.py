"""Time zones: the device's own, the list a person picks from, and wall-clock times to UTC."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

FALLBACK = "UTC"


def device_zone() -> str:
    """The device's zone name (TZ, else /etc/localtime's target), or UTC when unknown."""
    named = os.environ.get("TZ", "").lstrip(":")
    if named and is_zone(named):
        return named
    try:
        target = Path("/etc/localtime").resolve()
    except OSError:
        return FALLBACK
    parts = target.parts
    if "zoneinfo" in parts:
        name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        if is_zone(name):
            return name
    return FALLBACK


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every zone name the system knows, sorted, for a choice list."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


class WallClock:
    """Turns the export's ISO text into a UTC moment.

    Times with Z or an offset are exact already. Times without one are read in the zone the
    person confirmed; in the hour a clock goes back, the earlier reading is taken.
    """

    def __init__(self, zone: str) -> None:
        self.zone = ZoneInfo(zone)
        # The zone's offset changes at most on the hour: remember it per date and hour.
        self._offsets: dict[str, timedelta] = {}

    def to_utc(self, iso: str) -> datetime:
        moment = datetime.fromisoformat(iso)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        return moment.astimezone(UTC)

    def utc_text(self, iso: str) -> str:
        """to_utc() written the way the database keeps DateTime columns (UTC, no zone)."""
        moment = datetime.fromisoformat(iso)
        if moment.tzinfo is not None:
            utc = moment.astimezone(UTC).replace(tzinfo=None)
        else:
            hour = iso[:13]
            offset = self._offsets.get(hour)
            if offset is None:
                offset = moment.replace(tzinfo=self.zone).utcoffset() or timedelta(0)
                self._offsets[hour] = offset
            utc = moment - offset
        return utc.isoformat(" ", "microseconds")
