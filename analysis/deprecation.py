"""Old names of arguments keep working for one release, with a :class:`DeprecationWarning`.

A leaf of the package.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def renamed_arguments(**old_to_new: str) -> Callable[[F], F]:
    """Accept each old keyword argument under its new name, warning that the old name goes away.

    Examples
    --------
    >>> @renamed_arguments(k="top")
    ... def head(items, *, top=2):
    ...     return items[:top]
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     head([1, 2, 3], k=1), str(caught[0].message)
    ([1], 'head(k=...) is deprecated; use head(top=...)')
    """
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{func.__name__}() got both {old}= and {new}=; use {new}=")
                    warnings.warn(f"{func.__name__}({old}=...) is deprecated; use {func.__name__}({new}=...)",
                                  DeprecationWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
