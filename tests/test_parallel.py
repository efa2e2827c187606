"""How a large build shares out the cores (hooks/zwgk/base/parallel.py)."""

from __future__ import annotations

import pytest
from zwgk.base import parallel


def test_work_beside_the_search_index_leaves_it_a_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_JOBS", "3")
    assert parallel.shards(1000) == 3
    assert parallel.shards(parallel.MIN_ITEMS_TO_SPLIT - 1) == 1  # too few to be worth a fork
    with parallel.reserved(1):
        assert parallel.shards(1000) == 2
        with parallel.reserved(5):
            assert parallel.shards(1000) == 1  # never none
    assert parallel.shards(1000) == 3
