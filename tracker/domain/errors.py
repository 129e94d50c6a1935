"""Messages for people: a refusal or a phrase as an English template with named parameters.

``str(exc)`` is the English sentence the CLI prints: the template with its ``{placeholders}``
filled in by ``str.format``, so an amount parameter (``money.Amount``) reads as a plain
decimal, a date as ISO, and a nested ``Phrase`` or ``UserError`` as its own English text.
The GUI renders the same template in its language instead (``tracker.ui.errors.describe``):
it translates the template, then shows each parameter its own way (amounts with the currency
symbol, nested phrases and errors translated too).

Every template is a string literal where the error or phrase is made, so the GUI's catalogue
can list them all; tests/ui/test_error_text.py checks that it does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

__all__ = ["Phrase", "UserError", "render"]


def render(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its placeholders filled in; a template without params is returned
    as it is (so a message with a literal brace needs no escaping)."""
    return template.format_map(params) if params else template


class Phrase:
    """A translatable fragment of a message: a field's name, or what input is accepted."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return render(self.template, self.params)

    def __repr__(self) -> str:
        return f"Phrase({self.template!r}, **{self.params!r})"


def _rebuild(cls: type[UserError], template: str, params: dict[str, object]) -> UserError:
    return cls(template, **params)


class UserError(ValueError):
    """Input or an action that is refused, with a message for the person who gave it.

    Attributes:
        template: the English message with ``{name}`` placeholders (a literal at the raise).
        params: the values of the placeholders.
    """

    template: str
    params: dict[str, object]

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(render(template, params))

    @classmethod
    def from_error(cls, error: UserError) -> Self:
        """The same message as ``error``, raised as this class (a layer passing it on)."""
        return cls(error.template, **error.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.template, self.params))
