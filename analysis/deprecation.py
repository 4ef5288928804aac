"""Old names of arguments, and names moved to another module, keep working for one release, with a
:class:`DeprecationWarning`.

A leaf of the package.
"""

from __future__ import annotations

import functools
import importlib
import warnings
from collections.abc import Callable, Iterable
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def renamed_arguments(**old_to_new: str) -> Callable[[F], F]:
    """Accept each old keyword argument under its new name, warning that the old name goes away.

    Parameters
    ----------
    **old_to_new : str
        Each old keyword's new name, e.g. ``k="top"``.

    Returns
    -------
    callable
        A decorator; the function it wraps warns with :class:`DeprecationWarning` when called
        with an old name, and passes the value on under the new one.

    Raises
    ------
    TypeError
        From the wrapped function, when called with both the old and the new name.

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
    >>> head([1, 2, 3], k=1, top=2)
    Traceback (most recent call last):
    ...
    TypeError: head() got both k= and top=; use top=
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


def moved_names(module: str, names: Iterable[str], *, to: str) -> Callable[[str], object]:
    """A module's ``__getattr__`` under which names moved to module ``to`` keep working, with a warning.

    Parameters
    ----------
    module : str
        The module the names were in (its ``__name__``), for messages.
    names : iterable of str
        The names that moved.
    to : str
        The module they are in now, imported when one is asked for.

    Returns
    -------
    callable
        Set it as the old module's ``__getattr__``: asked for a moved name, it warns with
        :class:`DeprecationWarning` and gives the name's value in ``to``; for any other, AttributeError.

    Examples
    --------
    >>> get = moved_names("old", ["dumps"], to="json")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     get("dumps")([1]), str(caught[0].message)
    ('[1]', 'old.dumps has moved to json.dumps; import it from there')
    >>> get("loads")
    Traceback (most recent call last):
    ...
    AttributeError: module 'old' has no attribute 'loads'
    """
    moved = frozenset(names)

    def __getattr__(name: str) -> object:
        if name not in moved:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warnings.warn(f"{module}.{name} has moved to {to}.{name}; import it from there", DeprecationWarning,
                      stacklevel=2)
        return getattr(importlib.import_module(to), name)

    return __getattr__
