"""Decisions that add up, checked before a save (no Qt widgets here).

- the granted amount is at most the estimated cost, unless the coordinator confirms;
- the status agrees with the amount: "Beviljad" needs a granted amount above 0, "Avslagen" and "Genomförd utan
  medel" none, "Delvis beviljad" an amount above 0 and below the estimate;
- the amounts a decision text states ("Beviljas 330 000 kr", "1,5 mnkr", "250 tkr", "330 000:-") are read, and a
  text that states amounts none of which is the granted one asks for a confirmation.

Problems that make the decision wrong block the save; the others need a confirmation. Messages are translated in
the "IdeasDock" context and show money in Swedish format (:mod:`.formats`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication

from .formats import sek
from .model import AVSLAGEN, BEVILJAD, DELVIS_BEVILJAD, UTAN_MEDEL, Idea

translate = QCoreApplication.translate

# a number with optional thousands groups (space or dot) and a decimal comma, then a unit
_AMOUNT = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?\s*"
    r"(mnkr|mkr|msek|miljoner\s+kronor|miljoner\s+kr|miljoner|tkr|tusen\s+kronor|tusen\s+kr|kronor|kr|sek|:-)"
    r"(?![a-zåäö])",
    re.IGNORECASE,
)
_SCALE = {"mnkr": 1e6, "mkr": 1e6, "msek": 1e6, "miljoner": 1e6, "tkr": 1e3, "tusen": 1e3}


def stated_amounts(text: Optional[str]) -> list[float]:
    """The amounts in kronor a decision text states, in order ("Beviljas 330 000 kr" → [330000.0])."""
    if not text:
        return []
    plain = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    amounts = []
    for whole, fraction, unit in _AMOUNT.findall(plain):
        number = float(whole.replace(" ", "").replace(".", "") + ("." + fraction if fraction else ""))
        amounts.append(round(number * _SCALE.get(unit.split()[0].lower(), 1.0), 2))
    return amounts


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a decision: ``blocking`` ones prevent the save, the others need a confirmation."""

    code: str
    message: str
    blocking: bool


def check_decision(idea: Idea, status: Optional[str], granted: Optional[float],
                   decision_text: Optional[str]) -> list[Problem]:
    """The problems of saving ``status``, ``granted`` and ``decision_text`` on ``idea`` (empty: it adds up)."""
    amount = float(granted or 0.0)
    estimate = idea.estimated_cost_sek
    problems: list[Problem] = []

    def add(code: str, message: str, blocking: bool) -> None:
        problems.append(Problem(code, message, blocking))

    if status == BEVILJAD and amount <= 0:
        add("granted_without_amount", translate(
            "IdeasDock", "“Beviljad” needs a granted amount above 0 kr."), True)
    if status == AVSLAGEN and amount > 0:
        add("rejected_with_amount", translate(
            "IdeasDock", "“Avslagen” cannot have a granted amount ({granted} entered).").format(granted=sek(amount)),
            True)
    if status == UTAN_MEDEL and amount > 0:
        add("without_funds_with_amount", translate(
            "IdeasDock", "“Genomförd utan medel” cannot have a granted amount ({granted} entered).").format(
            granted=sek(amount)), True)
    if status == DELVIS_BEVILJAD and amount <= 0:
        add("partial_without_amount", translate(
            "IdeasDock", "“Delvis beviljad” needs a granted amount above 0 kr."), True)
    elif status == DELVIS_BEVILJAD and estimate is not None and amount >= estimate:
        add("partial_not_below_estimate", translate(
            "IdeasDock", "“Delvis beviljad” must be below the estimated cost {estimate} ({granted} entered); the "
                         "full amount or more is “Beviljad”.").format(estimate=sek(estimate), granted=sek(amount)),
            True)
    if estimate is not None and amount > estimate and status != DELVIS_BEVILJAD:
        add("over_estimate", translate(
            "IdeasDock", "The granted amount {granted} is more than the estimated cost {estimate}.").format(
            granted=sek(amount), estimate=sek(estimate)), False)
    stated = stated_amounts(decision_text)
    if stated and all(round(s) != round(amount) for s in stated):
        add("text_amount_differs", translate(
            "IdeasDock", "The decision text states {stated}, but the granted amount is {granted}.").format(
            stated=", ".join(sek(s) for s in stated), granted=sek(amount)), False)
    return problems
