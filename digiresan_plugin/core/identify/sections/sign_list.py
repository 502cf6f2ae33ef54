"""Kind ``sign_list``: traffic signs along the subject, each with its name from the sign code table."""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from ..report import Section
from ..specs import SectionSpec
from ..values import json_value
from .base import KindEnv, RowLike, SectionKind, TypeOf


def sign_summary(codes: Sequence[Optional[str]]) -> dict[str, Any]:
    present = [c for c in codes if c]
    return {"codes": present, "count": len(codes)}


def name_for_sign(code: Any, language: str, lookup: Optional[Callable[[str, str], Optional[str]]]) -> Optional[str]:
    if lookup is None or code is None:
        return None
    try:
        return lookup(str(code), language)
    except Exception:  # noqa: BLE001 - an unknown or odd code must not break the card
        return None


class SignListKind(SectionKind):
    name = "sign_list"
    options = {"code_field": (str, True, None)}

    def item_extra(self, spec: SectionSpec, attrs: dict[str, Any], env: KindEnv) -> dict[str, Any]:
        return {"name": name_for_sign(attrs.get(spec.option("code_field")), env.language, env.sign_name)}

    def summary(self, spec: SectionSpec, rows: Sequence[RowLike], subject: dict[str, Any],
                env: KindEnv) -> dict[str, Any]:
        codes = [json_value(r.attrs.get(spec.option("code_field"))) for r in rows]
        return sign_summary([str(c) if c is not None else None for c in codes])

    def flat_columns(self, spec: SectionSpec, type_of: TypeOf) -> list[tuple[str, str]]:
        return [(f"{spec.id}_count", "int"), (f"{spec.id}_codes", "text")]

    def flat_values(self, section: Section) -> dict[str, Any]:
        ok = section.error is None
        return {f"{section.id}_count": section.total if ok else None,
                f"{section.id}_codes": ", ".join(section.summary.get("codes") or []) if ok else None}
