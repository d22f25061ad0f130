"""Sign-in throttling, as a pure rule over the times of recent failures."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta

THROTTLE_WINDOW = timedelta(minutes=15)
FAILURES_PER_ACCOUNT = 5  # wrong passwords for one e-mail address within the window
FAILURES_PER_ADDRESS = 20  # wrong e-mail/password pairs from one client address within the window
SESSION_MAX_AGE = timedelta(hours=12)  # a working day with a long form open; then sign in again


def seconds_to_wait(failures: Iterable[datetime], *, limit: int, now: datetime,
                    window: timedelta = THROTTLE_WINDOW) -> int | None:
    """Seconds until another attempt is allowed when `limit` failures fall within `window` before `now`;
    None while fewer have. The wait ends when the oldest of the last `limit` failures leaves the window."""
    recent = sorted(moment for moment in failures if moment > now - window)
    if len(recent) < limit:
        return None
    return max(1, math.ceil((recent[-limit] + window - now).total_seconds()))
