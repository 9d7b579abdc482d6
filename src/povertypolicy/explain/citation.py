"""Citations: where a number or rule comes from (a seed document's section, a law's article)."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Citation"]


def _opt_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        from ..errors import InputError

        raise InputError(
            obj="Citation", field=attribute.name, value=value, expected="a non-empty string or None"
        )


@attrs.frozen(kw_only=True)
class Citation:
    """Where a parameter or rule comes from; 出处: document + section, or law + article.

    Args:
        document: The source document's name (a policy paper); None with ``law``.
        section: Its section, e.g. 篇3 §七1.
        law: A law's name, e.g. 中华人民共和国土地管理法; None with ``document``.
        article: The law's article, e.g. 第四十七条.
        quote: The sentence quoted from the source; None: not quoted.
        scenario: A value someone assumed (情景假设), not one a policy sets; it needs no
            document or law, and every explanation shows it as a scenario, not policy.
    """

    document: str | None = attrs.field(default=None, validator=_opt_text)
    section: str | None = attrs.field(default=None, validator=_opt_text)
    law: str | None = attrs.field(default=None, validator=_opt_text)
    article: str | None = attrs.field(default=None, validator=_opt_text)
    quote: str | None = attrs.field(default=None, validator=_opt_text)
    scenario: str | None = attrs.field(default=None, validator=_opt_text)

    def __attrs_post_init__(self) -> None:
        from ..errors import InputError

        has_doc = self.document is not None and self.section is not None
        has_law = self.law is not None and self.article is not None
        if not (has_doc or has_law or self.scenario is not None):
            raise InputError(
                obj="Citation",
                field="document/section or law/article",
                value=attrs.asdict(self),
                expected="a seed document with its section, a law with its article, or a scenario",
            )

    def __str__(self) -> str:
        parts: list[str] = []
        if self.scenario is not None:
            parts.append(f"Scenario (not policy): {self.scenario}")
        if self.document is not None:
            parts.append(f"{self.document} {self.section}")
        if self.law is not None:
            parts.append(f"《{self.law}》{self.article}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form, without empty fields."""
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}
