"""Item 5 under load: N = 20 clients clicking on PostGIS at once (60 s at most, loopback only), each answer compared
with the single-client answer from the GeoPackage. With every connection slot but three taken, clients get errors
(counted) — and still no wrong answer."""

from __future__ import annotations

import faulthandler
import sys
import threading
import time

from digiresan_plugin.core.identify import TwinEngine
from digiresan_plugin.core.identify.pg_reader import CONNECT_TIMEOUT_S, STATEMENT_TIMEOUT_MS
from digiresan_plugin.core.layers import twin_layer
from digiresan_plugin.core.loader import TwinLoader
from digiresan_plugin.core.read_faults import POOL_WAIT_MS, TwinReadError
from digiresan_plugin.core.twin_source import TwinSource
from tests.conftest import TODAY

from .pg_faults import EPSG_3006, expected_cards, slots_taken, without_fids

CLIENTS = 20
CLICKS = 10  # per client
DEADLINE_S = 60.0
#: a click begun just before the deadline may still wait for a pooled connection (or a new one) and one statement
LAST_CLICK_S = max(CONNECT_TIMEOUT_S, POOL_WAIT_MS / 1000) + STATEMENT_TIMEOUT_MS / 1000 + 2


def run_clients(project, catalog, points, cards) -> dict[str, int]:
    """Every client clicks CLICKS times (round robin over the points); counts answers, errors, wrong answers."""
    engines = [TwinEngine.snapshot(catalog, lambda lid: twin_layer(project, lid), today=TODAY, language="en")
               for _ in range(CLIENTS)]  # snapshots are made on the main thread
    counts = {"answers": 0, "errors": 0, "wrong": 0, "unexpected": 0}
    lock = threading.Lock()
    ends = time.monotonic() + DEADLINE_S

    def client(n: int, engine: TwinEngine) -> None:
        for click in range(CLICKS):
            if time.monotonic() > ends:
                return
            i = (n + click) % len(points)
            try:
                got = without_fids(engine.report_at_point(points[i], EPSG_3006, 2.0).to_dict())
            except TwinReadError:
                kind = "errors"
            except Exception:  # noqa: BLE001 - counted, and the test fails on it
                kind = "unexpected"
            else:
                kind = "answers" if got == cards[i] else "wrong"
            with lock:
                counts[kind] += 1

    threads = [threading.Thread(target=client, args=(n, e), daemon=True) for n, e in enumerate(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.1, ends - time.monotonic() + LAST_CLICK_S))
    if any(t.is_alive() for t in threads):
        faulthandler.dump_traceback(sys.stderr, all_threads=True)  # where they wait, for the report
    assert not any(t.is_alive() for t in threads), "a client hung past the deadline"
    return counts


def test_twenty_clients_all_right(project, catalog, pg_demo, demo_twin):
    points, cards = expected_cards(project, catalog, demo_twin)
    assert TwinLoader(catalog, project, "en").load(TwinSource.parse(
        f"pgservice:{pg_demo.service_uri('reader')}")).problems == []
    counts = run_clients(project, catalog, points, cards)
    assert counts == {"answers": CLIENTS * CLICKS, "errors": 0, "wrong": 0, "unexpected": 0}


def test_twenty_clients_out_of_slots_errors_but_no_wrong_answer(project, catalog, pg_demo, demo_twin):
    points, cards = expected_cards(project, catalog, demo_twin)
    assert TwinLoader(catalog, project, "en").load(TwinSource.parse(
        f"pgservice:{pg_demo.service_uri('reader')}")).problems == []
    with slots_taken(pg_demo, leave=1):
        counts = run_clients(project, catalog, points, cards)
    assert counts["wrong"] == 0 and counts["unexpected"] == 0, counts
    assert counts["answers"] + counts["errors"] == CLIENTS * CLICKS
    assert counts["errors"] > 0  # the pressure was real
