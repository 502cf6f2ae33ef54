"""Demo Digiresan ideas for the twin GeoPackage: tables ``ideas`` (Point, EPSG:3006, nullable) and ``idea_events``.

About 200 ideas over the two years and ten months before ``today``, shaped as the real programme ran 2020–2022: just
over 60 from employees in the first ten months, then residents, businesses and organisations too; statuses through
the flow Inkommen → Under bedömning → decision → Genomförd / Återkallad as of yesterday, so only the newest ideas
still wait, and every decision lies after its submission and before today; grants within the 50 MSEK; many ideas
located in the twin, some linked to a road segment or a building. Every status change is in ``idea_events`` and
``version`` counts the saves, as PostgreSQL's audit trigger would have it. Personal data are fictitious (``.example``
addresses, the telephone numbers Swedish regulators reserve for fiction).

Deterministic for (seed, today). Written with GDAL/OGR into an existing GeoPackage; ``count`` grows the list for
benchmarks (streamed in transactions of 20 000 rows). ``texts`` holds the words, ``places`` reads where ideas can
be, ``maker`` makes the ideas and their status flow, ``writer`` writes them.
"""

from .maker import DEFAULT_COUNT
from .writer import write_ideas, write_ideas_for_twin

__all__ = ["DEFAULT_COUNT", "write_ideas", "write_ideas_for_twin"]
