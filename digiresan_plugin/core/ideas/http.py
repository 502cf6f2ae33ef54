"""Ideas from the e-service's JSON export over HTTP (read-only), with ``requests``.

The export is paged: ``GET <url>?page=N&page_size=M`` answers a JSON object ``{"items": [...], "page": N,
"pages": P, "next": <url or null>}`` (``next`` or ``pages`` may be missing: an empty or short page ends the
list; a bare JSON list is one page). An item has the idea's fields by name (see :data:`~.model.COLUMNS`), the
location as ``"x"``/``"y"`` or ``"geometry": {"type": "Point", "coordinates": [x, y]}`` in EPSG:3006.

Timeouts on every request, one deadline for the whole listing (a body trickled byte by byte cannot run past it),
a size cap, retries with exponential backoff for connection errors, timeouts and 5xx/429, and errors that name the
URL and the page; the page limit and a repeated idea id are errors, never a silently short list. ``next`` links
are followed with the credentials only on the export's own origin (scheme, host, port): another origin is read
without them, and the log says why. Personal data: only when the server grants them to the token — the page
object's ``"grants"`` list holds ``"personal_data"`` (a bare list grants nothing); else the submitter fields of
the items are dropped, whatever was asked for. The bearer token comes from QGIS's auth manager through an authcfg id
(resolved in :meth:`HttpIdeaRepository.prepare`, on the UI thread); it is never logged nor put in messages.
"""

from __future__ import annotations

import http.client
import json
import time
import zlib
from typing import Any, Callable, Optional
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..log import get_logger
from ..redact import redact
from ..tr import tr
from .access import SERVER, Access
from .model import (
    DATE_FIELDS,
    MONEY_FIELDS,
    Idea,
    IdeaChange,
    IdeaEvent,
    SaveResult,
    read_lenient,
    to_date,
    to_money,
)
from .repository import IdeaRepository, RepositoryError

LOG = get_logger(__name__)

DEFAULT_PAGE_SIZE = 500
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_S = 0.5
MAX_PAGES = 10000
DEFAULT_DEADLINE_S = 300.0  # the whole listing, every page, retry and backoff included
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # the whole listing's JSON
CHUNK_BYTES = 64 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
PERSONAL_GRANT = "personal_data"  # the grant that gives the submitters' name and contact


def safe_url(url: str) -> str:
    """The URL without user:password@ nor token/password query values (for messages)."""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        url = urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    return redact(url)


def auth_headers(url: str, authcfg: str) -> dict[str, str]:
    """HTTP headers QGIS's auth manager adds for ``authcfg`` (e.g. ``Authorization: Bearer …``).

    Uses ``QgsAuthManager.updateNetworkRequest`` (Basic, OAuth2, API header … methods); a configuration whose
    settings hold a ``token`` (e.g. a custom/API-header method) gives ``Authorization: Bearer <token>``.
    """
    if not authcfg:
        return {}
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest

    manager = QgsApplication.authManager()
    if authcfg not in manager.configIds():
        raise RepositoryError(
            tr("No authentication configuration with id '{authcfg}' in QGIS").format(authcfg=authcfg), False
        )
    ok, request = manager.updateNetworkRequest(QNetworkRequest(QUrl(url)), authcfg)
    headers: dict[str, str] = {}
    if ok:
        for name in request.rawHeaderList():
            headers[bytes(name).decode("latin-1")] = bytes(request.rawHeader(name)).decode("latin-1")
    if not any(k.lower() == "authorization" for k in headers):
        config = QgsAuthMethodConfig()
        loaded, config = manager.loadAuthenticationConfig(authcfg, config, True)
        token = config.config("token", "") if loaded else ""
        if token:
            headers["Authorization"] = f"Bearer {token}"
    if not headers:
        raise RepositoryError(
            tr("The authentication configuration '{authcfg}' gives no token for {url}").format(
                authcfg=authcfg, url=safe_url(url)
            ),
            False,
        )
    return headers


def origin(url: str) -> tuple[str, str, Optional[int]]:
    """(scheme, host, port) of ``url``, the port made explicit (80/443 by default)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(scheme)


def _number(value: Any) -> Optional[float]:
    return to_money(value)


def item_to_idea(item: dict, include_personal: bool, problems: Optional[list[str]] = None) -> Idea:
    """One JSON item as an Idea (raises KeyError/ValueError/TypeError on a bad item). With ``problems``, an
    unreadable amount or date is None and named there instead (the rest of the list stays)."""
    if problems is not None:
        idea = item.get("reference") or item.get("idea_id")
        item = {**item, **{name: read_lenient(name, item.get(name), idea, problems)
                           for name in MONEY_FIELDS + DATE_FIELDS}}
    x = item.get("x")
    y = item.get("y")
    geometry = item.get("geometry")
    if x is None and isinstance(geometry, dict) and geometry.get("type") == "Point":
        x, y = geometry["coordinates"][:2]
    return Idea(
        idea_id=int(item["idea_id"]),
        reference=str(item["reference"]),
        title=str(item["title"]),
        description=str(item.get("description") or ""),
        theme=item.get("theme"),
        department=item.get("department"),
        submitter_category=item.get("submitter_category"),
        submitted_on=to_date(item.get("submitted_on")),
        status=str(item.get("status") or "Inkommen"),
        estimated_cost_sek=_number(item.get("estimated_cost_sek")),
        granted_sek=_number(item.get("granted_sek")),
        expected_yearly_effect_sek=_number(item.get("expected_yearly_effect_sek")),
        decision_text=item.get("decision_text"),
        decided_on=to_date(item.get("decided_on")),
        x=None if x is None else float(x),
        y=None if y is None else float(y),
        linked_layer=item.get("linked_layer"),
        linked_key=None if item.get("linked_key") is None else str(item.get("linked_key")),
        submitter_name=item.get("submitter_name") if include_personal else None,
        submitter_contact=item.get("submitter_contact") if include_personal else None,
        version=int(item.get("version") or 1),
        updated_at=item.get("updated_at"),
        updated_by=item.get("updated_by"),
    )


class HttpIdeaRepository(IdeaRepository):
    """The e-service's paged JSON export; read-only."""

    writable = False

    def __init__(self, url: str, authcfg: str = "", page_size: int = DEFAULT_PAGE_SIZE,
                 timeout: float = DEFAULT_TIMEOUT_S, retries: int = DEFAULT_RETRIES,
                 backoff: float = DEFAULT_BACKOFF_S, personal_data: Optional[bool] = None,
                 sleep: Callable[[float], None] = time.sleep, deadline: float = DEFAULT_DEADLINE_S,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = MAX_PAGES):
        self.url = url
        self.authcfg = authcfg
        self.page_size = page_size
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.personal_data = personal_data  # None: as the server grants; False: never (narrows further)
        self._granted: Optional[frozenset[str]] = None  # the grants of the last listing
        self.label = safe_url(url)
        self._sleep = sleep
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_pages = max_pages
        self._ends_at = 0.0
        self._bytes = 0
        self._headers: Optional[dict[str, str]] = None
        self._cache: Optional[list[Idea]] = None
        self._cache_personal = False

    def prepare(self) -> None:
        self._headers = auth_headers(self.url, self.authcfg) if self.authcfg else {}

    # -- HTTP ------------------------------------------------------------------------------------------------------
    def _get_json(self, session, url: str, params: Optional[dict], page: int) -> Any:
        import requests

        where = f"{safe_url(url)} (page {page})"
        same_origin = origin(url) == origin(self.url)
        if not same_origin and self._headers:
            LOG.warning("The ideas export %s links page %d to another server, %s: read without the credentials, "
                        "which are only sent to the export's own origin", safe_url(self.url), page, safe_url(url))
        headers = {"Accept": "application/json", "Accept-Encoding": "identity",
                   **((self._headers or {}) if same_origin else {})}
        last = ""
        attempts = self.retries + 1
        for attempt in range(attempts):
            if attempt:
                self._sleep(min(self.backoff * (2 ** (attempt - 1)), max(0.0, self._left())))
            if self._left() <= 0:
                break
            try:
                response = session.get(url, params=params, headers=headers, stream=True,
                                       timeout=min(self.timeout, max(0.001, self._left())))
                body = self._read_body(response, where) if response.status_code < 400 else b""
            except requests.Timeout:
                last = f"no answer within {self.timeout:g} s (timeout)"
                continue
            except requests.ConnectionError as exc:
                last = f"cannot connect ({_reason(exc)})"
                continue
            except requests.RequestException as exc:
                raise RepositoryError(
                    tr("Cannot read ideas from {where}: {name}").format(where=where, name=exc.__class__.__name__), False
                ) from exc
            if response.status_code in RETRY_STATUSES:
                last = f"HTTP {response.status_code} {response.reason or ''}".strip()
                continue
            if response.status_code in (401, 403):
                raise RepositoryError(
                    tr(
                        "Not authorised to read ideas from {where}: HTTP {status_code}; check the authentication "
                        "configuration"
                    ).format(where=where, status_code=response.status_code),
                    False,
                )
            if response.status_code >= 400:
                raise RepositoryError(
                    f"Cannot read ideas from {where}: HTTP {response.status_code} {response.reason or ''}".strip(),
                    False)
            try:
                return json.loads(body)  # UTF-8 (or -16/-32), as JSON is
            except ValueError as exc:
                raise RepositoryError(
                    tr("The answer from {where} is not valid JSON ({error})").format(where=where, error=exc), False
                ) from exc
        if self._left() <= 0:
            raise RepositoryError(
                tr(
                    "Cannot read ideas from {where}: the export did not finish within {deadline:g} s (deadline){detail}"
                ).format(where=where, deadline=self.deadline, detail="; " + last if last else "")
            )
        tries = tr("{count} attempts").format(count=attempts) if attempts > 1 else tr("1 attempt")
        raise RepositoryError(
            tr("Cannot read ideas from {where}: {last} after {tries}").format(where=where, last=last, tries=tries)
        )

    def _left(self) -> float:
        return self._ends_at - time.monotonic()

    def _read_body(self, response, where: str) -> bytes:
        """The body, read as it arrives: stops at the deadline and at the size cap (errors naming both)."""
        import requests

        raw = response.raw
        read_some = getattr(raw, "read1", None) or raw._fp.read1  # urllib3 2 / 1.26 (http.client beneath)
        encoding = (response.headers.get("Content-Encoding") or "identity").lower()
        inflate = zlib.decompressobj(47) if encoding in ("gzip", "deflate") and not hasattr(raw, "read1") else None
        chunks: list[bytes] = []
        try:
            while True:
                if self._left() <= 0:
                    raise requests.Timeout()
                chunk = read_some(CHUNK_BYTES)
                if not chunk:
                    break
                chunk = inflate.decompress(chunk) if inflate is not None else chunk
                self._bytes += len(chunk)
                if self._bytes > self.max_bytes:
                    raise RepositoryError(
                        tr("The export at {where} is larger than {max_bytes} MB: stopped reading it").format(
                            where=where, max_bytes=self.max_bytes // (1024 * 1024)
                        ),
                        False,
                    )
                chunks.append(chunk)
        except requests.RequestException:
            raise
        except TimeoutError as exc:  # http.client beneath urllib3 1.26: socket.timeout
            raise requests.Timeout() from exc
        except (OSError, http.client.HTTPException) as exc:
            raise requests.ConnectionError(str(exc)) from exc
        finally:
            response.close()
        return b"".join(chunks) + (inflate.flush() if inflate is not None else b"")

    def list_ideas(self, include_personal: bool = False) -> list[Idea]:
        import requests

        if self._headers is None:
            self.prepare()
        allowed = include_personal and self.personal_data is not False
        grants: Optional[frozenset[str]] = None
        self._ends_at, self._bytes = time.monotonic() + self.deadline, 0
        ideas: list[Idea] = []
        problems: list[str] = []
        pages_of: dict[int, int] = {}
        url: Optional[str] = self.url
        params: Optional[dict] = {"page": 1, "page_size": self.page_size}
        page = 1
        seen: set[str] = set()
        with requests.Session() as session:
            while url:
                if page > self.max_pages:
                    raise RepositoryError(
                        tr(
                            "The export at {url} has more than {max_pages} pages: not read to the end, so no list is "
                            "shown"
                        ).format(url=safe_url(self.url), max_pages=self.max_pages),
                        False,
                    )
                data = self._get_json(session, url, params, page)
                items, next_url, pages = _page_parts(data)
                if items is None:
                    raise RepositoryError(
                        tr("The answer from {url} (page {page}) has no list of ideas ('items')").format(
                            url=safe_url(url), page=page
                        ),
                        False,
                    )
                page_grants = _grants(data)
                grants = page_grants if grants is None else grants & page_grants  # every page must grant it
                personal = allowed and PERSONAL_GRANT in grants
                for n, item in enumerate(items, 1):
                    try:
                        idea = item_to_idea(item, personal, problems)
                    except (KeyError, ValueError, TypeError, AttributeError) as exc:
                        raise RepositoryError(
                            tr("Idea {n} on page {page} of {url} is not understood: {name} {error}").format(
                                n=n, page=page, url=safe_url(url), name=exc.__class__.__name__, error=exc
                            ),
                            False,
                        ) from exc
                    if idea.idea_id in pages_of:
                        raise RepositoryError(
                            tr(
                                "The export at {url} lists idea {idea_id} twice (pages {pages_of} and {page}): the "
                                "list is not shown"
                            ).format(
                                url=safe_url(self.url), idea_id=idea.idea_id, pages_of=pages_of[idea.idea_id], page=page
                            ),
                            False,
                        )
                    pages_of[idea.idea_id] = page
                    ideas.append(idea)
                if next_url:
                    next_url = urljoin(url, next_url)
                    if next_url in seen:
                        raise RepositoryError(
                            tr("The export at {url} pages in a loop ({next_url})").format(
                                url=safe_url(self.url), next_url=next_url
                            ),
                            False,
                        )
                    seen.add(next_url)
                    url, params = next_url, None
                elif pages is not None:
                    url = self.url if page < pages else None
                    params = {"page": page + 1, "page_size": self.page_size}
                elif not isinstance(data, list) and len(items) >= self.page_size:
                    url, params = self.url, {"page": page + 1, "page_size": self.page_size}
                else:
                    url = None
                page += 1
        ideas.sort(key=lambda i: i.idea_id)
        if grants is not None and PERSONAL_GRANT not in grants:  # a later page withdrew it: none at all
            ideas = [i.without_personal_data() if i.submitter_name or i.submitter_contact else i for i in ideas]
        self._granted = grants or frozenset()
        self._cache, self._cache_personal = ideas, allowed and PERSONAL_GRANT in self._granted
        self.problems = tuple(problems)
        return ideas

    # -- the rest of the interface -------------------------------------------------------------------------------
    def get(self, idea_id: int, include_personal: bool = False) -> Optional[Idea]:
        ideas = self._cache if self._cache is not None else self.list_ideas(include_personal)
        for idea in ideas:
            if idea.idea_id == idea_id:
                return idea
        return None

    def history(self, idea_id: int, include_personal: bool = False) -> list[IdeaEvent]:
        return []  # the export has no audit log

    def save(self, change: IdeaChange) -> SaveResult:
        return SaveResult(False, error=f"{self.label} is a read-only export: change ideas in the e-service")

    def can_read_personal_data(self) -> bool:
        """Whether the server granted personal data in the last listing (False before the first)."""
        return self.personal_data is not False and PERSONAL_GRANT in (self._granted or frozenset())

    def can_edit(self) -> bool:
        return False

    def access(self) -> Access:
        """What the server granted the token in the last listing (nothing before the first); never editing."""
        personal = self.can_read_personal_data()
        return Access(personal, False, protected=True, basis=SERVER, role=PERSONAL_GRANT if personal else "")


def _grants(data: Any) -> frozenset[str]:
    """The grants a page states (``{"grants": ["personal_data", …]}``); none for a bare list or without the key."""
    grants = data.get("grants") if isinstance(data, dict) else None
    if not isinstance(grants, list):
        return frozenset()
    return frozenset(str(g) for g in grants)


def _page_parts(data: Any) -> tuple[Optional[list], Optional[str], Optional[int]]:
    if isinstance(data, list):
        return data, None, None
    if not isinstance(data, dict):
        return None, None, None
    items = data.get("items")
    if not isinstance(items, list):
        return None, None, None
    next_url = data.get("next") or None
    pages = data.get("pages")
    return items, (str(next_url) if next_url else None), (int(pages) if isinstance(pages, int) else None)


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out", "No route to host"):
        if marker in text:
            return marker
    return exc.__class__.__name__


__all__ = ["HttpIdeaRepository", "auth_headers", "item_to_idea", "safe_url"]
