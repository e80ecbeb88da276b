"""What every content model shares: strictness, and the small field types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    # Unknown fields are rejected so a typo ("hold_secs") fails loudly instead of being ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)
