"""The road segment record a tile builds: geometry first (``network``), attributes later (``streets``)."""


class Segment:
    """A road segment while its tile is generated."""

    __slots__ = ("sid", "street", "index", "name", "coords", "a", "b", "length", "ns", "k", "last", "ped",
                 "from_street", "to_street", "start_cross", "end_cross", "end_piece", "through", "first", "final",
                 "speed", "width", "fc", "aadt", "last_paved", "surface", "latest_class", "planned_year")
