"""A least-recently-used store bounded by bytes, for the page and compression caches."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class ByteLRU:
    """Keep bytes values up to a total size, dropping the least recently used first.

    Bounding by bytes rather than entries keeps memory predictable whatever the values weigh;
    a value larger than an eighth of the budget is not kept, so one cannot empty the rest.
    """

    def __init__(self, budget: int) -> None:
        self.budget = int(budget)
        self.size = 0
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> list[Hashable]:
        """Return the keys held, least recently used first."""
        with self._lock:
            return list(self._items)

    def get(self, key: Hashable) -> bytes | None:
        """Return the value kept for a key (marking it recently used), or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: bytes) -> None:
        """Keep a value, dropping the least recently used ones until it fits the budget."""
        weight = len(value)
        if weight * 8 > self.budget:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= len(old)
            while self._items and self.size + weight > self.budget:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)
            self._items[key] = value
            self.size += weight
