"""A twin report as HTML fragments for the card dock and as one HTML document (clipboard). No widgets.

Every value from the report is ``html.escape``d before it goes into HTML, so attribute text such as ``<b>`` or
``<script>`` shows literally. Nulls show as an en dash, dates and numbers follow the UI locale (QGIS's
``locale/userLocale``). The HTML keeps to the rich-text subset ``QTextBrowser`` understands (tables, ``bgcolor``,
a few inline styles). Each section's body comes from the renderer of its kind (:mod:`.sections`).
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale

from ...core.formatting import DASH, Formatter
from ...core.identify.display import attribute_label, attribute_value, section_title
from ...core.identify.report import ReportLike, Section, TwinWarning, as_report
from ...core.identify.sections import kind_of
from .formatting import bullet_list, esc
from .links import card_href, feature_href, show_all_href
from .sections import renderer_for
from .theme import ERROR_INK, INFO_INK, INK, MUTED, NOTICES, ZEBRA_BG, template


class CardRenderer:
    """Renders one report; the dock asks for the parts, :meth:`card_html` gives the whole card."""

    def __init__(self, report: ReportLike, locale: Optional[QLocale] = None):
        self.report = as_report(report)
        self.language = self.report.language
        self.fmt = Formatter(locale)

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("CardRenderer", text)

    def warning_kind(self, kind: str) -> str:
        """The heading of a group of warnings of one kind ("" for a kind without one)."""
        headings = {
            "moratorium": self.tr("Dig moratorium"),
            "permit_overlap": self.tr("Overlapping permits"),
            "dig_before_paving": self.tr("Dig before paving"),
            "missing_layer": self.tr("Missing layers"),
        }
        return headings.get(kind, "")

    # header ----------------------------------------------------------------------------------
    def header_html(self) -> str:
        subject = self.report.subject
        parts = []
        if subject is None:
            nothing = esc(self.tr("Nothing found here"))
            parts.append(f'<p style="margin:0"><span style="font-size:large; font-weight:600; color:{INK}">'
                         f'{nothing}</span></p>')
        else:
            title = esc(subject.title if subject.title not in (None, "") else DASH)
            if subject.fid is not None:
                title = (f'<a href="{esc(feature_href(subject.layer, subject.fid))}" '
                         f'style="color:{INK}; text-decoration:none">{title}</a>')
            parts.append(f'<p style="margin:0"><span style="font-size:large; font-weight:600; color:{INK}">'
                         f'{title}</span></p>')
            parts.append(f'<p style="margin:0; color:{MUTED}">{esc(subject.kind or subject.layer_title or DASH)}</p>')
        parts.append(self.also_here_html())
        reason = (self.report.fallback or {}).get("reason")
        if reason:
            parts.append(f'<p style="margin-top:4px; color:{INFO_INK}">ℹ {esc(reason)}</p>')
        return "".join(parts)

    def also_here_html(self) -> str:
        """"Also here: …": one link per other feature under the click (its card), "" when there is none."""
        links = []
        for hit in self.report.also_here:
            if hit.fid is None:
                continue
            name = esc(hit.title if hit.title not in (None, "") else DASH)
            tip = esc(hit.layer_title or hit.layer)
            links.append(f'<a href="{esc(card_href(hit.layer, hit.fid))}" title="{tip}">{name}</a>')
        if not links:
            return ""
        label = esc(self.tr("Also here:"))
        return f'<p style="margin-top:3px; color:{MUTED}">{label} {" · ".join(links)}</p>'

    # warnings --------------------------------------------------------------------------------
    def warning_html(self, warning: TwinWarning) -> str:
        """One warning's message and links to the features it names (other than the subject)."""
        subject = self.report.subject
        links = []
        for ref in warning.refs:
            if ref.fid is None:
                continue
            if subject is not None and ref.layer == subject.layer and ref.fid == subject.fid:
                continue
            label = ref.key if ref.key not in (None, "") else f"#{ref.fid}"
            links.append(f'<a href="{esc(feature_href(ref.layer, ref.fid))}">{esc(label)}</a>')
        body = esc(warning.message or DASH)
        if links:
            body += f' <span style="white-space:nowrap">→ {" · ".join(links)}</span>'
        return body

    def warnings_html(self, severity: Optional[str] = None) -> str:
        """The warnings (of one severity, or all), grouped by kind in report order; "" when there are none."""
        chosen = [w for w in self.report.warnings if severity is None or (w.severity or "warning") == severity]
        if not chosen:
            return ""
        groups: dict[str, list[TwinWarning]] = {}
        for w in chosen:
            groups.setdefault(str(w.kind or ""), []).append(w)
        parts = []
        for kind, warnings in groups.items():
            heading = self.warning_kind(kind)
            if heading and (len(groups) > 1 or len(warnings) > 1):
                parts.append(f'<p style="margin:3px 0 1px 0"><b>{esc(heading)}</b></p>')
            parts.append(bullet_list([self.warning_html(w) for w in warnings]))
        return "".join(parts)

    def warnings_heading(self, severity: str = "warning") -> str:
        count = sum(1 for w in self.report.warnings if (w.severity or "warning") == severity)
        title = self.tr("Warnings") if severity == "warning" else self.tr("Notes")
        sign = "⚠ " if severity == "warning" else "ℹ "
        return sign + (f"{title} ({count})" if count > 1 else title)

    # subject attributes ----------------------------------------------------------------------
    def attributes_table(self, pairs: list[tuple[str, str]]) -> str:
        """A two-column label/value table; ``pairs`` are already escaped HTML."""
        rows = []
        for i, (label, value) in enumerate(pairs):
            bg = f' bgcolor="{ZEBRA_BG}"' if i % 2 else ""
            # a one-word label (Swedish "Fastighetsbeteckning") never breaks inside the word; longer ones wrap
            # between words
            nowrap = "; white-space:nowrap" if " " not in label.strip() else ""
            rows.append(f'<tr{bg}><td width="45%" valign="top" style="color:{MUTED}{nowrap}">{label}</td>'
                        f'<td valign="top">{value}</td></tr>')
        return f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>'

    def attributes_title(self) -> str:
        return self.tr("Attributes")

    def subject_html(self) -> str:
        subject = self.report.subject
        if subject is None or not subject.attributes:
            return ""
        shown = [(a, attribute_value(a, self.fmt)) for a in subject.attributes]
        pairs = [(esc(attribute_label(a, text)), esc(text)) for a, text in shown]
        return self.attributes_table(pairs)

    # sections --------------------------------------------------------------------------------
    def section_title(self, section: Section) -> str:
        """Plain-text header of a section: title and number of related features."""
        return section_title(section, self.fmt)

    def section_html(self, section: Section, chart: bool = True) -> str:
        """A section's body. ``chart``: include the HTML chart a kind may draw (the dock paints its own)."""
        parts = []
        if section.error:
            parts.append(f'<p style="color:{ERROR_INK}">⚠ {esc(section.error)}</p>')
        parts.append(renderer_for(section.kind).body_html(self, section, chart))
        if section.truncated and kind_of(section.kind).lists_items:  # a chart is drawn from the full summary
            parts.append(self.truncated_html(section))
        return "".join(parts)

    def truncated_html(self, section: Section) -> str:
        shown = len(section.items)
        text = self.tr("Showing {shown} of {total}").format(
            shown=self.fmt.number(shown), total=self.fmt.number(section.total or shown))
        href = esc(show_all_href(section.id or ""))
        show_all = esc(self.tr("Show all"))
        return f'<p style="color:{MUTED}">{esc(text)} · <a href="{href}"><b>{show_all}</b></a></p>'

    def nothing_found_html(self) -> str:
        nothing = esc(self.tr("Nothing found"))
        return f'<p style="color:{MUTED}">{nothing}</p>'

    # whole card ------------------------------------------------------------------------------
    def card_html(self) -> str:
        """The whole card as one HTML document: header, warnings, attributes, sections."""
        notices = []
        for severity, background, border, ink in NOTICES:
            body = self.warnings_html(severity)
            if body:
                notices.append(template("notice.html").substitute(
                    background=background, border=border, ink=ink, heading=esc(self.warnings_heading(severity)),
                    body=body))
        section = template("section.html")
        subject = self.subject_html()
        attributes = section.substitute(title=esc(self.attributes_title()), body=subject) if subject else ""
        sections = "".join(section.substitute(title=esc(self.section_title(s)), body=self.section_html(s, chart=True))
                           for s in self.report.sections)
        return template("card.html").substitute(ink=INK, header=self.header_html(), notices="".join(notices),
                                                attributes=attributes, sections=sections)


def report_to_html(report: ReportLike, locale: Optional[QLocale] = None) -> str:
    """The whole card of ``report`` as one HTML document (formatted text for mail and word processors)."""
    return CardRenderer(report, locale).card_html()
