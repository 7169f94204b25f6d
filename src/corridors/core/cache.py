"""A bounded, thread-safe, process-wide memo that no client of the app can clear.

Streamlit's ``st.cache_data`` and ``st.cache_resource`` are emptied by the clear-cache
message any browser may send over the websocket (even with the viewer toolbar), which
would make every session reload the catalogue. Data shared by all sessions lives here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import wraps
from pathlib import Path
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
#: Files by name, change time and size: a cache key that changes when one of them does.
FilesSignature = tuple[tuple[str, int, int], ...]


def files_signature(paths: Iterable[Path]) -> FilesSignature:
    """The name, change time and size of each of ``paths`` that exists (in name order).

    Part of a cache key, so that what was read from the files is read again once one of
    them changed, appeared or went away; a path removed while it is looked at counts as gone.
    """
    found = []
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            continue
        found.append((path.name, status.st_mtime_ns, status.st_size))
    return tuple(sorted(found))


class SharedCache(Generic[P, R]):
    """``func`` memoised on its (hashable) arguments, keeping the ``maxsize`` latest results.

    Each result is computed once even when several sessions ask at the same time: callers
    of the same arguments wait for the first; callers of other arguments do not.
    """

    def __init__(self, func: Callable[P, R], maxsize: int) -> None:
        self._func = func
        self._maxsize = maxsize
        self._results: OrderedDict[Hashable, R] = OrderedDict()
        self._pending: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()
        wraps(func)(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        """The memoised value for these arguments, computed once."""
        key = (args, tuple(sorted(kwargs.items())))
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            pending = self._pending.setdefault(key, threading.Lock())
        with pending:
            with self._lock:
                if key in self._results:  # computed while this caller waited
                    return self._results[key]
            try:
                result = self._func(*args, **kwargs)
                with self._lock:
                    self._results[key] = result
                    while len(self._results) > self._maxsize:
                        self._results.popitem(last=False)
            finally:  # a failed computation is not kept: the next caller tries again
                with self._lock:
                    self._pending.pop(key, None)
        return result

    def __contains__(self, key: tuple[object, ...]) -> bool:
        """Whether the result for these positional arguments is held."""
        with self._lock:
            return (key, ()) in self._results

    def clear(self) -> None:
        """Forget every result (for tests and benchmarks; no client can call it)."""
        with self._lock:
            self._results.clear()


def shared_cache(maxsize: int) -> Callable[[Callable[P, R]], SharedCache[P, R]]:
    """Decorator form of :class:`SharedCache`."""

    def decorate(func: Callable[P, R]) -> SharedCache[P, R]:
        return SharedCache(func, maxsize)

    return decorate
