"""Credentials out of every text we print, log, raise or save: one function, :func:`redact`.

It knows the forms a connection string takes in QGIS, libpq and the ideas sources:

- libpq/QGIS ``key=value`` lists: ``password='it''s secret'`` or ``password=secret`` (also ``pass``/``pwd``,
  quoted with ``'`` or ``"``, backslash escapes as QGIS writes them);
- URIs with user info: ``postgres://user:secret@host/db``, ``https://user:secret@host/``;
- query parameters: ``?password=secret&…``, ``access_token=…``, ``token=…``;
- HTTP ``Authorization: Bearer …`` / ``Basic …`` header values.

``service=…`` and ``authcfg=…`` are references, not secrets: they stay, so a message still says which
connection failed.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "***"

_SECRET_KEYS = r"(?:password|passwd|pass|pwd|secret|token|access_token|api_key|apikey)"
# key=value: a quoted value (' or ", with \-escapes or doubled quotes) or a bare word up to a space, & or ;
_KEY_VALUE = re.compile(
    r"(?P<key>\b" + _SECRET_KEYS + r")(?P<sep>\s*=\s*)"
    r"(?P<value>'(?:[^'\\]|\\.|'')*'|\"(?:[^\"\\]|\\.|\"\")*\"|[^\s&;,)\]}'\"]+)",
    re.IGNORECASE,
)
# scheme://user:password@host  (the password ends at the last @ before the host part)
_USERINFO = re.compile(r"(?P<scheme>(?:\b[a-z][a-z0-9+.\-]*:)?//)(?P<user>[^:/@\s]*):(?P<pw>[^@\s/]*)@", re.IGNORECASE)
_AUTH_HEADER = re.compile(r"(?P<head>\bAuthorization\b['\"]?\s*[:=]\s*['\"]?(?:Bearer|Basic|Token)\s+)"
                          r"(?P<value>[^\s'\",}]+)", re.IGNORECASE)
# a JSON/dict form: "password": "secret"
_JSON = re.compile(r"(?P<key>['\"]" + _SECRET_KEYS + r"['\"]\s*:\s*)(?P<value>'[^']*'|\"[^\"]*\")", re.IGNORECASE)


def redact(text: Any) -> str:
    """``text`` (any object, as ``str``) with every password, token and user-info password replaced by ``***``."""
    result = "" if text is None else str(text)
    if not result:
        return result
    result = _KEY_VALUE.sub(lambda m: f"{m['key']}{m['sep']}{MASK}", result)
    result = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:{MASK}@", result)
    result = _AUTH_HEADER.sub(lambda m: f"{m['head']}{MASK}", result)
    result = _JSON.sub(lambda m: f"{m['key']}\"{MASK}\"", result)
    return result


def has_plain_password(text: str) -> bool:
    """Whether ``text`` still carries a password (what :func:`redact` would hide)."""
    return redact(text) != (text or "")


__all__ = ["MASK", "has_plain_password", "redact"]
