"""Who owns what, said once for the downloads (the footer, About and LICENSE-CONTENT.md say the same
in prose): the article's text is its publisher's; the edition's own work is CC BY 4.0; code MIT."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

CONTENT_LICENCE = "CC-BY-4.0"  # SPDX identifier
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE = "MIT"


class Rights(BaseModel):
    """The rights statement that travels with the data."""

    model_config = ConfigDict(extra="forbid")
    article_text: str = Field(description="Who owns the article's text and on what basis it is reproduced")
    licence: str = Field(description="SPDX id of the licence of the edition's translation, data and notes")
    licence_url: str = Field(description="Address of that licence")
    code_licence: str = Field(description="SPDX id of the licence of the code that builds the edition")


RIGHTS = Rights(
    article_text=(
        "The Arabic article's text belongs to its publisher, Al-Watan, and is reproduced for research, "
        "criticism and commentary; it is not covered by the edition's licence, nor are quotations from "
        "other sources."
    ),
    licence=CONTENT_LICENCE,
    licence_url=CONTENT_LICENCE_URL,
    code_licence=CODE_LICENCE,
)
