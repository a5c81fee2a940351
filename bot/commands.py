"""Recognise commands however residents type them: "stop pls", "Stop.", "/start", "YES i agree"."""
from __future__ import annotations

import re

COMMANDS = {
    "stop": {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout",
             "opt out", "stop all"},
    "start": {"start", "unstop", "subscribe"},
    "help": {"help", "info", "commands"},
    "forget": {"forget", "forget me", "delete", "delete me", "delete my data"},
    "meetings": {"meetings", "meeting", "next meeting", "next meetings"},
    "yes": {"yes", "y", "yeah", "yep", "ok yes", "agree", "i agree", "yes i agree", "yes please", "aye"},
    "no": {"no", "n", "nope", "no thanks", "no thank you"},
}
# Words a resident may add around a command without changing it.
FILLER = {"pls", "please", "plz", "thanks", "thank", "you", "thx", "ta", "now", "me", "ok", "okay",
          "x", "xx", "mate", "sir", "i", "want", "to", "just", "the", "all"}
ABOUT_US = {"sending", "messaging", "texting", "messages", "texts", "msgs", "msg", "this", "it",
            "these", "them", "contact", "contacting", "txt", "txts", "spam"}
_LOOKUP = {phrase: name for name, phrases in COMMANDS.items() for phrase in phrases}


def normalise(raw: str) -> str:
    """Lower case, no punctuation or emoji, single spaces; a Telegram /command loses its slash and @bot."""
    cleaned = raw.strip().lower()
    cleaned = re.sub(r"^/(\w+)(@\w+)?", r"\1", cleaned)
    cleaned = re.sub(r"[^\w\s]", " ", cleaned)
    return re.sub(r"\s+", " ", cleaned).strip()


def parse_command(raw: str) -> str | None:
    """The command a message is, or None when it is an ordinary message."""
    cleaned = normalise(raw)
    if not cleaned or len(cleaned) > 40:
        return None
    if cleaned in _LOOKUP:
        return _LOOKUP[cleaned]
    words = cleaned.split()
    core = [w for w in words if w not in FILLER]
    if not core:
        return _LOOKUP.get(cleaned)
    phrase = " ".join(core)
    if phrase in _LOOKUP:
        return _LOOKUP[phrase]
    # "stop sending me these", "STOP STOP" are a stop; "stop the speeding" is a concern.
    if _LOOKUP.get(core[0]) == "stop" and all(w in ABOUT_US or _LOOKUP.get(w) == "stop" for w in core[1:]):
        return "stop"
    return None
