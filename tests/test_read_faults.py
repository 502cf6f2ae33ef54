"""A failed read ends the click: once a read watched on this thread has failed, the next reads raise at once
instead of asking a refusing database again (each try costs a connection attempt)."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeatureRequest

from digiresan_plugin.core.read_faults import TwinReadError, features_or_fault, raise_on_faults, watch_reads


class _Iterator:
    def __init__(self, rows: list, valid: bool):
        self._rows, self._valid = iter(rows), valid

    def __iter__(self):
        return self._rows

    def isValid(self) -> bool:
        return self._valid


class _Source:
    """A feature source whose every iterator is valid (``rows``) or has no connection (empty, invalid)."""

    def __init__(self, rows: list, valid: bool = True):
        self.rows, self.valid, self.asked = rows, valid, 0

    def getFeatures(self, request):
        self.asked += 1
        return _Iterator(self.rows if self.valid else [], self.valid)


def test_reads_after_a_failed_one_raise_without_asking_the_source():
    broken, healthy = _Source([], valid=False), _Source([1, 2, 3])
    with watch_reads() as faults:
        assert list(features_or_fault(broken, QgsFeatureRequest(), "Road segments")) == []
        assert faults == ["Road segments: the data source gave no connection, the read failed"]
        with pytest.raises(TwinReadError, match="Road segments: the data source gave no connection"):
            list(features_or_fault(healthy, QgsFeatureRequest(), "Signs"))
    assert (broken.asked, healthy.asked) == (1, 0)
    with pytest.raises(TwinReadError):
        raise_on_faults(faults)


def test_reads_that_work_go_on_and_a_new_watch_starts_clean():
    broken, healthy = _Source([], valid=False), _Source([1, 2, 3])
    with watch_reads():
        list(features_or_fault(broken, QgsFeatureRequest(), "Road segments"))
    with watch_reads() as faults:  # the next click asks again
        assert list(features_or_fault(healthy, QgsFeatureRequest(), "Signs")) == [1, 2, 3]
        assert list(features_or_fault(healthy, QgsFeatureRequest(), "Parks")) == [1, 2, 3]
    assert faults == [] and healthy.asked == 2
    # no watch: nothing noted, nothing raised
    assert list(features_or_fault(broken, QgsFeatureRequest(), "Unwatched")) == []
