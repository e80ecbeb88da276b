"""What every content model shares: strictness, and the small field types."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")]


def _keep_message(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # A Fluent message (bot/content/fluent.py) is a str that also formats itself; pydantic
    # would hand back a plain copy, losing its language's plural rules.
    checked = handler(value)
    return value if isinstance(value, str) and type(value) is not str else checked


Text = Annotated[str, Field(min_length=1), WrapValidator(_keep_message)]


class Strict(BaseModel):
    # Unknown fields are rejected so a typo ("hold_secs") fails loudly instead of being ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


def problems(exc: ValidationError) -> str:
    """A validation error as one line of `field.path: message` parts, for a content error."""
    return "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or '(top level)'}: {error['msg']}"
        for error in exc.errors()
    )
