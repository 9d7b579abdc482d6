"""A policy: a pack chain resolved at one date; 政策（某日适用的政策包链）."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import InputError, ParameterNotFoundError, ParameterPeriodError, PolicyPackError
from .parameter import Parameter
from .spec import all_specs

if TYPE_CHECKING:
    from .pack import PolicyPack
    from .scenario import Change

# The pack reader (TOML, validation) is imported when a pack is first loaded, not with the
# package.

__all__ = ["Policy"]


def _chain(ref: str | os.PathLike[str]) -> tuple[PolicyPack, ...]:
    from .pack import load_pack

    chain: list[PolicyPack] = []
    seen: dict[str, str] = {}
    pack = load_pack(ref)
    while True:
        if pack.id in seen:
            cycle = " → ".join([*(p.id for p in chain), pack.id])
            raise PolicyPackError(
                file=pack.path,
                key="parent",
                problem="cycle in parent chain: " + cycle,
                code="core.error.pack_parent_cycle",
                extra={"chain": cycle},
            )
        seen[pack.id] = pack.path
        chain.append(pack)
        if pack.parent is None:
            return tuple(chain)
        parent_ref = pack.parent
        pack = load_pack(parent_ref, relative_to=None if pack.shipped else pack.path)


# Loaded packs are cached objects, so their identities key the resolved policies.
_policy_cache: dict[tuple[tuple[int, ...], dt.date], Policy] = {}


def _cached(chain: tuple[PolicyPack, ...], on: dt.date) -> Policy:
    key = (tuple(id(p) for p in chain), on)
    policy = _policy_cache.get(key)
    if policy is None:
        policy = Policy(chain=chain, on=on, resolved=_resolve(chain, on))
        _policy_cache[key] = policy
    return policy


@attrs.frozen(kw_only=True)
class Policy:
    """A pack chain (child first) resolved on one date; cheap to query, immutable, hashable.

    Build it with ``Policy.load(pack, on=date)``; the constructor is internal.

    Args:
        chain: The packs, child first (a county's, its parent's, … the national ``cn``).
        on: The date every parameter is resolved on.
        resolved: Each parameter's value on ``on``, or why it has none; built by ``Policy.load``.
    """

    chain: tuple[PolicyPack, ...]
    on: dt.date
    _resolved: Mapping[str, Parameter | ParameterPeriodError] = attrs.field(
        eq=False, hash=False, repr=False
    )

    @classmethod
    def load(cls, pack: str | os.PathLike[str], *, on: dt.date) -> Policy:
        """Load a shipped pack by id, or a pack file by path, and resolve its chain on ``on``."""
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            raise InputError(
                obj="Policy.load",
                field="on",
                value=on,
                expected="a datetime.date",
                code="core.error.date",
            )
        return _cached(_chain(pack), on)

    @property
    def id(self) -> str:
        """The id of the pack that was loaded (the first in the chain)."""
        return self.chain[0].id

    @property
    def derived_from(self) -> str | None:
        """For a policy made by `derive`: the id of the policy it changes (else None)."""
        return self.chain[0].derived_from

    @property
    def changed(self) -> tuple[str, ...]:
        """For a derived policy: the names of the parameters it changes."""
        return tuple(p.name for p in self.chain[0].changes)

    def derive(self, changes: Mapping[str, Change], *, name: str = "scenario") -> Policy:
        """This policy with some values changed, each with a citation or a scenario; 情景测算.

        ``changes`` maps parameter names to `povertypolicy.policy.Change`; each value
        is checked as a pack's is. The result is a Policy with id ``<id>+<name>``.
        """
        from .scenario import derive

        return derive(self, changes, name=name)

    def to_toml(self, *, id: str | None = None) -> str:
        """Every parameter in force on this date as one pack file (TOML) that loads back the same.

        ``id``: the exported pack's id (default: this policy's id with ``+`` written ``-``).
        """
        from .export import policy_toml

        return policy_toml(self, id=id)

    def param(self, name: str) -> Parameter:
        """The parameter ``name`` on this policy's date; raises if undefined or out of period."""
        found = self._resolved.get(name)
        if found is None:
            raise ParameterNotFoundError(name=name, chain=[p.id for p in self.chain])
        if isinstance(found, ParameterPeriodError):
            # a fresh error each time: raising the stored one would grow its traceback (and
            # keep every caller's frames alive) with each lookup
            raise ParameterPeriodError(name=found.name, on=found.on, covered=found.covered)
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and isinstance(self._resolved.get(name), Parameter)

    def __iter__(self) -> Iterator[Parameter]:
        """The parameters that have a value on this date, by name."""
        for name in sorted(self._resolved):
            value = self._resolved[name]
            if isinstance(value, Parameter):
                yield value

    def at(self, on: dt.date) -> Policy:
        """The same chain resolved on another date."""
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            raise InputError(
                obj="Policy.at",
                field="on",
                value=on,
                expected="a datetime.date",
                code="core.error.date",
            )
        return _cached(self.chain, on)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the chain and every parameter in force (and, if derived, what changed)."""
        out: dict[str, Any] = {
            "chain": [p.id for p in self.chain],
            "on": self.on.isoformat(),
            "parameters": {p.name: p.to_dict() for p in self},
        }
        if self.derived_from is not None:
            out["derived_from"] = self.derived_from
            out["changed"] = list(self.changed)
        return out


def _resolve(
    chain: tuple[PolicyPack, ...], on: dt.date
) -> dict[str, Parameter | ParameterPeriodError]:
    specs = all_specs()
    names = {name for pack in chain for name in pack.parameters}
    out: dict[str, Parameter | ParameterPeriodError] = {}
    for name in names:
        covered: list[str] = []
        for pack in chain:
            pp = pack.parameters.get(name)
            if pp is None:
                continue
            hit = next((v for v in pp.values if v.covers(on)), None)
            if hit is None:
                covered.extend(f"{v.period_text()} ({pack.id})" for v in pp.values)
                continue
            out[name] = Parameter(
                name=name,
                value=hit.value,
                unit=pp.unit,
                citation=hit.citation,
                pack_id=pack.id,
                valid_from=hit.start,
                valid_until=hit.end,
                threshold=specs[name].threshold,
                bound=pp.bound,
                qualifier=pp.qualifier,
            )
            break
        else:
            out[name] = ParameterPeriodError(name=name, on=on.isoformat(), covered=covered)
    return out
