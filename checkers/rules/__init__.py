"""Every checker rule, one module each (like ruff): discovered from this package, ordered by id."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from checkers.rules.base import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """All rules, each from a module defining RULE."""
    rules: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            rules.append(rule)
    return tuple(sorted(rules, key=lambda r: r.id))


def rule_modules() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(__path__) if info.name != "base"]
