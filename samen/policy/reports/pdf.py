"""The yearly report as a PDF, drawn on the server with reportlab: fonts embedded, a bar chart
of the actions by standing, "page X of Y" on every page, in the reader's language."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from samen.policy.progress import Standing
from samen.policy.reports.figures import ReportFigures

# DejaVu covers every letter of Dutch and French; where the system has no DejaVu, reportlab's
# own Bitstream Vera (the same shapes, fewer letters) is embedded instead.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
VERA = Path(reportlab.__file__).parent / "fonts"
FONT, BOLD = "SamenSans", "SamenSans-Bold"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        regular, bold = VERA / "Vera.ttf", VERA / "VeraBd.ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))


def euro(amount: Decimal) -> str:
    return "€ " + formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


def day(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


class _NumberedCanvas(Canvas):
    """Holds each page until the last, so that every page can say "page X of Y"."""

    label = "%(page)s / %(pages)s"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for page in self.pages:
            self.__dict__.update(page)
            self.setFont(FONT, 8)
            text = self.label % {"page": self._pageNumber, "pages": len(self.pages)}
            self.drawRightString(A4[0] - 20 * mm, 12 * mm, text)
            super().showPage()
        super().save()


def _chart(figures: ReportFigures, labels: dict[Standing, str]) -> Drawing:
    drawing = Drawing(160 * mm, 60 * mm, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 10 * mm, 135 * mm, 45 * mm
    chart.data = [[figures.standings[s] for s in Standing]]
    chart.categoryAxis.categoryNames = [labels[s] for s in Standing]
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontName = FONT
    chart.barLabels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max(chart.data[0]) // 5 or 1)
    chart.bars[0].fillColor = colors.HexColor("#1d70b8")
    drawing.add(chart)
    return drawing


def _p(text, style) -> Paragraph:
    """A paragraph of plain text: reportlab reads markup in paragraphs, so it is escaped."""
    return Paragraph(escape(str(text)), style)


def _table(header: list[str], rows: list[list], widths=None) -> Table:
    table = Table([header, *rows], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("FONT", (0, 0), (-1, 0), BOLD, 8),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def report_pdf(figures: ReportFigures, language: str) -> bytes:
    """The report's PDF, in `language` (nl, fr or en), dates in that language's format."""
    _register_fonts()
    with translation.override(language):
        styles = getSampleStyleSheet()
        for style in styles.byName.values():
            if hasattr(style, "fontName"):
                style.fontName = BOLD if style.name.startswith(("Heading", "Title")) else FONT
        labels = {s: str(s.label) for s in Standing}
        title = _("Yearly report %(year)s: %(title)s") % {
            "year": figures.year,
            "title": figures.title,
        }
        story = [
            _p(title, styles["Title"]),
            _p(_("Figures as of %(day)s.") % {"day": day(figures.as_of)}, styles["Normal"]),
            Spacer(1, 4 * mm),
            _p(_("Actions by standing"), styles["Heading2"]),
            _table(
                [_("Standing"), _("Actions")],
                [[labels[s], figures.standings[s]] for s in Standing],
            ),
            Spacer(1, 3 * mm),
            _chart(figures, labels),
            _p(_("Actions"), styles["Heading2"]),
            _table(
                [_("Code"), _("Action"), _("Standing"), _("Progress"), _("Planned"), _("Spent")],
                [
                    [
                        a.code,
                        _p(a.title, styles["BodyText"]),
                        labels[a.standing],
                        f"{a.progress}%",
                        euro(a.budget_planned),
                        euro(a.budget_spent),
                    ]
                    for a in figures.actions
                ],
                widths=[14 * mm, 66 * mm, 22 * mm, 16 * mm, 26 * mm, 26 * mm],
            ),
            _p(_("Budget per funding level"), styles["Heading2"]),
            _table(
                [_("Funding level"), _("Planned"), _("Spent")],
                [[b.level, euro(b.planned), euro(b.spent)] for b in figures.budgets],
            ),
            _p(_("Outputs per district"), styles["Heading2"]),
        ]
        if figures.outputs:
            total = figures.outputs_total
            story.append(
                _table(
                    [_("District"), _("Sessions held"), _("Participants reached")],
                    [[o.district, o.sessions, o.participants] for o in figures.outputs]
                    + [[total.district, total.sessions, total.participants]],
                )
            )
            story.append(
                _p(
                    _(
                        "Counts of people from 1 to 4 show as <5; x hides a count that could "
                        "otherwise be worked out."
                    ),
                    styles["Italic"],
                )
            )
        else:
            story.append(_p(_("No outputs recorded this year."), styles["Normal"]))
        story.append(_p(_("Evaluations"), styles["Heading2"]))
        if figures.evaluations:
            story.append(
                _table(
                    [_("Date"), _("Initiative"), _("Kind"), _("Evaluated by"), _("Conclusions")],
                    [
                        [
                            day(e.on),
                            _p(e.initiative, styles["BodyText"]),
                            e.kind,
                            _p(e.by_whom, styles["BodyText"]),
                            _p(e.conclusions, styles["BodyText"]),
                        ]
                        for e in figures.evaluations
                    ],
                    widths=[24 * mm, 36 * mm, 26 * mm, 30 * mm, 54 * mm],
                )
            )
        else:
            story.append(_p(_("No evaluations this year."), styles["Normal"]))

        canvas = type(
            "ReportCanvas", (_NumberedCanvas,), {"label": _("page %(page)s of %(pages)s")}
        )
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=title,
            author="Samen",
            initialFontName=FONT,  # else Helvetica, a font the PDF would not embed
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            bottomMargin=20 * mm,
        )
        document.build(story, canvasmaker=canvas)
        return buffer.getvalue()
