"""Citations: where a number or rule comes from (a shipped source's section, a law's article).

Every rendering of a citation (``str``, explanations, HTML, ``to_dict``, ledger sheets) goes
through `render_citation`, which names a shipped source by its title in the locale's script.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Citation", "render_citation"]


def _opt_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        from ..errors import InputError

        raise InputError(
            obj="Citation",
            field=attribute.name,
            value=value,
            expected="a non-empty string or None",
            code="core.error.text_empty",
        )


@attrs.frozen(kw_only=True)
class Citation:
    """Where a parameter or rule comes from; 出处: document + section, or law + article.

    ``document`` is a shipped source's id (``poverty-work-plan-samples``; see
    `povertypolicy.get_source`) or the name of a document the package does not ship;
    ``section`` its clause, whose first word names a part of a collection (``篇3 §七1``).
    ``law`` + ``article`` cite a law the package does not ship by name. ``quote`` is the
    words, as the source writes them (`povertypolicy.find_quote` finds them).

    Args:
        document: A shipped source's id, or your own document's name; None with ``law``.
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
                expected="a document (a source id, or your own) with its section, "
                "a law with its article, or a scenario",
                code="core.error.citation",
            )

    def __str__(self) -> str:
        """The citation as `render_citation` writes it in the current locale."""
        return render_citation(self)

    def to_dict(self, locale: str | None = None) -> dict[str, str]:
        """JSON-ready form, without empty fields; ``text`` is the rendered citation."""
        out = {k: v for k, v in attrs.asdict(self).items() if v is not None}
        out["text"] = render_citation(self, locale)
        return out


def _document_text(document: str, section: str | None, loc: str) -> str:
    from ..sources.registry import lookup
    from .render import in_script

    clause = "" if section is None else in_script(section, loc)
    source = lookup(document)
    if source is None:  # a document the package does not ship (a user's own): as written
        return f"{document} {clause}".strip()
    return f"《{source.title_for(section, loc)}》{clause}"


def render_citation(citation: Citation, locale: str | None = None) -> str:
    """A citation as a reader sees it, in ``locale`` (default: the current one); 出处.

    A shipped source shows its title (the title of the part its section names: 篇3 §七1 → the
    title of 篇3) and the clause: 《深山区移民搬迁扶贫工作方案》篇3 §七1. zh_Hans shows simplified
    titles, zh_Hant traditional ones, en the title as the document writes it. A document the
    package does not ship shows its name and section as written; a law cited by name shows
    《law》article. Sections and law names are converted to the locale's script when OpenCC is
    installed (the optional ``script`` extra); titles of shipped sources never need it.
    """
    from .locales import get_locale, normalise_locale
    from .render import in_script

    loc = normalise_locale(locale) if locale is not None else get_locale()
    parts: list[str] = []
    if citation.scenario is not None:
        from .catalog import message

        parts.append(message("core.scenario", loc).format(text=in_script(citation.scenario, loc)))
    if citation.document is not None:
        parts.append(_document_text(citation.document, citation.section, loc))
    if citation.law is not None:
        parts.append(in_script(f"《{citation.law}》{citation.article}", loc))
    return "; ".join(parts)
