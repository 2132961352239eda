#!/usr/bin/env python3
"""Makes the test PDFs in Tests/LexpipeTests/Fixtures/pdf from the two corpus documents.

Each PDF lays out the same words as its corpus document, in a form the documents are published
in: a statute summary printed from a browser (header and footer on every page), set in two
columns (ragged, and justified word by word), as a multi-page summary whose paragraphs run
across page breaks, and under the publisher's wordmark (set larger than the title, its name
again in every page's footer); the report card as a designed table. Plus the faults the reader must refuse: encrypted, truncated, zero pages,
image only, and a page count over a small limit.

Needs reportlab (PyPI: `pip install reportlab`) and the DejaVu fonts (Debian: fonts-dejavu-core).
The PDFs are committed; the tests never run this script. The output is the same bytes from run
to run (reportlab's `invariant` mode), so running it again changes only what the script changed:

    python3 scripts/make-test-pdfs.py
"""

import os
import re
import sys
import zlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib import colors

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "LexpipeTests", "Fixtures", "pdf")
FONTS = "/usr/share/fonts/truetype/dejavu"
SUMMARY = os.path.join(ROOT, "corpus", "ms-2018-responding-to-child-victims-of-human-trafficking.txt")

for name, file in [
    ("Sans", "DejaVuSans.ttf"), ("Sans-Bold", "DejaVuSans-Bold.ttf"),
    ("Serif", "DejaVuSerif.ttf"), ("Serif-Bold", "DejaVuSerif-Bold.ttf"),
]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FONTS, file)))

LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]


def ligatures(text):
    for plain, ligature in LIGATURES:
        text = text.replace(plain, ligature)
    return text


def width(text, font, size):
    return pdfmetrics.stringWidth(text, font, size)


def wrap(text, font, size, limit, hyphen=None):
    """Lines of at most `limit` points, broken at spaces; with `hyphen` ("-" or a soft hyphen),
    a long word that does not fit is split inside and the mark ends the line."""
    lines, line = [], ""
    words = text.split(" ")
    index = 0
    while index < len(words):
        word = words[index]
        candidate = word if not line else line + " " + word
        if width(candidate, font, size) <= limit or not line:
            line = candidate
            index += 1
            continue
        if hyphen and len(word) >= 8 and word.isalpha() and word.islower():
            for cut in range(len(word) - 4, 3, -1):
                head = line + " " + word[:cut] + hyphen
                if width(head, font, size) <= limit:
                    lines.append(head)
                    line = ""
                    words[index] = word[cut:]
                    break
            else:
                lines.append(line)
                line = ""
            continue
        lines.append(line)
        line = ""
    if line:
        lines.append(line)
    return lines


def summary_blocks():
    """The summary's blocks as (kind, text): title, date, headings, citations, paragraphs."""
    paragraphs = [p.strip() for p in open(SUMMARY, encoding="utf-8").read().split("\n\n") if p.strip()]
    blocks = []
    for index, text in enumerate(paragraphs):
        if index == 0:
            blocks.append(("title", text))
        elif len(text) < 60 and not text.endswith(".") and not text.startswith("Citation") and not text.startswith("Date"):
            blocks.append(("heading", text))
        else:
            blocks.append(("body", text))
    return blocks


class Flow:
    """Lines placed down frames (columns) of pages; a paragraph runs on into the next frame."""

    def __init__(self, page, frames, styles, hyphen=None, ligate=False, justify=False):
        self.page, self.frames, self.styles = page, frames, styles
        self.hyphen, self.ligate, self.justify = hyphen, ligate, justify
        self.pages = [[]]
        self.frame = 0
        self.y = frames[0][1]
        self.split_paragraphs = 0

    def advance(self):
        self.frame += 1
        if self.frame == len(self.frames):
            self.frame = 0
            self.pages.append([])
        self.y = self.frames[self.frame][1]

    def add(self, kind, text, full_width=False):
        font, size, leading, before, indent = self.styles[kind]
        x, top, right, bottom = self.frames[self.frame]
        if full_width:
            x, right = self.frames[0][0], self.frames[-1][2]
        if self.y != top:
            self.y -= before
        if self.ligate and kind == "body":
            text = ligatures(text)
        lines = wrap(text, font, size, right - x - indent, self.hyphen if kind == "body" else None)
        page_at_start = len(self.pages)
        frame_at_start = self.frame
        for number, line in enumerate(lines):
            if self.y - leading < bottom:
                self.advance()
                x, top, right, bottom = self.frames[self.frame]
            self.y -= leading
            # A justified body line (not a paragraph's last) is spread to the frame's width.
            spread = right - x - (indent if number == 0 else 0) if self.justify and kind == "body" and number < len(lines) - 1 else None
            self.pages[-1].append((x + (indent if number == 0 else 0), self.y, font, size, line, spread))
        if (len(self.pages), self.frame) != (page_at_start, frame_at_start):
            self.split_paragraphs += 1
        if full_width:
            # The frames below start under a full-width block.
            self.frames = [(fx, min(ftop, self.y - before), fr, fb) for fx, ftop, fr, fb in self.frames]


def draw_pages(path, flow, furniture=None, encrypt=None):
    pdf = canvas.Canvas(path, pagesize=flow.page, encrypt=encrypt, pageCompression=1, invariant=1)
    pdf.setCreator("lexpipe scripts/make-test-pdfs.py")
    pdf.setTitle(os.path.basename(path))
    for number, lines in enumerate(flow.pages, start=1):
        for x, y, font, size, text, spread in lines:
            pdf.setFont(font, size)
            words = text.split(" ")
            if spread is None or len(words) < 2:
                pdf.drawString(x, y, text)
                continue
            # Each word at its place, the gaps alike, as a justifying layout engine sets them.
            gap = (spread - sum(width(word, font, size) for word in words)) / (len(words) - 1)
            for word in words:
                pdf.drawString(x, y, word)
                x += width(word, font, size) + gap
        if furniture:
            furniture(pdf, number, len(flow.pages))
        pdf.showPage()
    pdf.save()


def printed_web_page():
    """The summary printed from a browser: date and title above, URL and `n/m` below every
    page, ligatures in the text layer and soft hyphens where words break."""
    page = (420, 595)
    styles = {
        "title": ("Sans-Bold", 17, 21, 0, 0),
        "heading": ("Sans-Bold", 12.5, 16, 12, 0),
        "body": ("Sans", 10, 13, 7, 0),
    }
    flow = Flow(page, [(42, 545, 378, 50)], styles, hyphen="\u00ad", ligate=True)
    for kind, text in summary_blocks():
        flow.add(kind, text)
    title = summary_blocks()[0][1]

    def furniture(pdf, number, total):
        pdf.setFont("Sans", 7)
        pdf.drawString(20, 575, "12/6/26, 9:04 PM")
        pdf.drawRightString(400, 575, title[:58])
        pdf.drawString(20, 18, "https://www.childwelfare.gov/resources/states-territories-tribes/state-statutes/")
        pdf.drawRightString(400, 18, f"{number}/{total}")

    draw_pages(os.path.join(OUT, "summary-printed-web-page.pdf"), flow, furniture)
    return flow


def two_columns(justify=False):
    """The summary in two columns under a full-width title, a running header, the
    reproduction notice and a page number at the foot of every page: ragged with hyphens at
    line ends, or justified, each word drawn at its place (the spaces of a line with few long
    words grow wider than most word spaces)."""
    page = (612, 520)
    styles = {
        "title": ("Serif-Bold", 20, 25, 0, 0),
        "heading": ("Serif-Bold", 12, 15, 12, 0),
        "body": ("Serif", 10.5, 13, 6, 0),
    }
    frames = [(54, 440, 294, 90), (318, 440, 558, 90)]
    flow = Flow(page, frames, styles, hyphen=None if justify else "-", justify=justify)
    blocks = summary_blocks()
    flow.add("title", blocks[0][1], full_width=True)
    flow.add("body", blocks[1][1], full_width=True)
    for kind, text in blocks[2:]:
        flow.add(kind, text)

    def furniture(pdf, number, total):
        pdf.setFont("Serif", 8)
        pdf.drawString(54, 480, "Child Welfare Information Gateway")
        pdf.drawRightString(558, 480, "State Statutes Series")
        pdf.setStrokeColor(colors.grey)
        pdf.line(54, 474, 558, 474)
        pdf.drawString(54, 60, "This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare")
        pdf.drawString(54, 50, "Information Gateway. This publication is available online at https://www.childwelfare.gov.")
        pdf.drawCentredString(306, 34, str(number))

    name = "summary-two-columns-justified.pdf" if justify else "summary-two-columns.pdf"
    draw_pages(os.path.join(OUT, name), flow, furniture)
    return flow


def page_breaks():
    """The summary on small pages, so paragraphs run across page breaks, with `Page n of m`
    and the publisher's name at the foot of each page."""
    page = (360, 360)
    styles = {
        "title": ("Serif-Bold", 15, 19, 0, 0),
        "heading": ("Serif-Bold", 11, 14, 10, 0),
        "body": ("Serif", 10, 13, 0, 14),
    }
    flow = Flow(page, [(36, 320, 324, 56)], styles, hyphen="-")
    for kind, text in summary_blocks():
        flow.add(kind, text)

    def furniture(pdf, number, total):
        pdf.setFont("Serif", 7.5)
        pdf.drawString(36, 30, "Child Welfare Information Gateway")
        pdf.drawRightString(324, 30, f"Page {number} of {total}")

    draw_pages(os.path.join(OUT, "summary-page-breaks.pdf"), flow, furniture)
    return flow


def wordmark():
    """The summary under the publisher's wordmark: its name set above the title on page 1 in
    bold type larger than the title's, and again with its site and the page number at the
    foot of every page (`Child Welfare Information Gateway · childwelfare.gov · page 2`)."""
    page = (480, 595)
    styles = {
        "title": ("Sans-Bold", 16, 20, 0, 0),
        "heading": ("Sans-Bold", 12, 15, 12, 0),
        "body": ("Sans", 10, 13, 7, 0),
    }
    publisher = "Child Welfare Information Gateway"
    flow = Flow(page, [(42, 545, 438, 60)], styles)
    # The wordmark's line stands over the first page's frame.
    flow.pages[0].append((42, 552, "Sans-Bold", 20, publisher, None))
    flow.y = 530
    for kind, text in summary_blocks():
        flow.add(kind, text)

    def furniture(pdf, number, total):
        pdf.setFont("Sans", 8)
        pdf.drawString(42, 30, f"{publisher} \u00b7 childwelfare.gov \u00b7 page {number}")

    draw_pages(os.path.join(OUT, "summary-wordmark.pdf"), flow, furniture)
    return flow


# The report card's rows, as the corpus document gives them (grade left blank where it shows
# no letter).
ISSUES = [
    ("1. Criminal Provisions", "", "16", "17.5", "Policy goals accomplished in areas related to buyer and trafficker accountability under state CSEC laws, mistake of age defenses, decoy defenses, business entity liability under the trafficking law, and financial penalties. Gap remains related to buyer accountability under the trafficking law."),
    ("2. Identification of and Response to Victims", "F", "14", "27.5", "Policy goals accomplished in areas related to third party control, non-criminalization for prostitution and sex trafficking offenses, and child abuse definitions. Gaps remain in areas related to foreign national victims, screening through child welfare and the juvenile justice system, expanded non-criminalization, juvenile court jurisdiction, and non-familial trafficking cases."),
    ("3. Continuum of Care", "F", "8.5", "15", "Policy goals accomplished in areas related to services through a non-punitive system and MDT responses. Gaps remain in areas related to services through the juvenile justice system, extended foster care services, and appropriations."),
    ("4. Access to Justice for Trafficking Survivors", "F", "8.5", "15", "Policy goal accomplished related to civil remedies. Gaps remain in areas related to civil orders of protection, crime victims' compensation, vacatur, restitution, and statutes of limitation."),
    ("5. Tools for a Victim-Centered Criminal Justice Response", "B", "8", "10", "Policy goals accomplished in areas related to victim supports and privileged communications. Gaps remain in areas related to hearsay exceptions and alternatives to live, in-court testimony."),
    ("6. Prevention and Training", "F", "6", "15", "Policy goals accomplished in areas related to training for child welfare and law enforcement. Gaps remain in areas related to training for juvenile justice agencies, prosecutors, and school personnel as well as prevention education in schools."),
]
CREDITS = [
    ("18+", "18+ Youth", "2", "Protections related to civil remedies and privileged communications are extended to sex trafficked youth."),
    ("CLT", "Child Labor Trafficking", "5", "Protections related to child abuse definitions, services through a non-punitive system, MDT responses, civil remedies, and privileged communications are extended to child labor trafficking victims."),
]
LEARN_MORE = [
    ("LEARN MORE", None),
    (None, "TOOLKIT: To see how Mississippi compares, visit reportcards.sharedhope.org/toolkit."),
    (None, "ISSUE BRIEFS: To better understand a policy goal, visit reportcards.sharedhope.org/issue-briefs."),
    ("MISSISSIPPI SPECIFIC RESOURCES", None),
    (None, "To better understand Mississippi 's grade, access an in-depth analysis of its laws under the advanced legislative framework and review its historical progress by visiting reportcards.sharedhope.org/mississippi."),
    ("TECHNICAL ASSISTANCE", None),
    (None, "For legislators and partner non-profits that assist elected officials in creating legislation, request a consultation with our Policy Team online at sharedhope.org/legislative-technical-assistance. We will set up a meeting to discuss your legislative goals and create a customized goal for ongoing technical assistance, bill drafting services, and legislative support."),
]


def report_card():
    """The report card as designed: the state in large type, a grade table with ruled rows
    and wrapped highlights, extra credit, the overall score in a box, then the notes."""
    path = os.path.join(OUT, "report-card-table.pdf")
    pdf = canvas.Canvas(path, pagesize=(612, 792), pageCompression=1, invariant=1)
    pdf.setCreator("lexpipe scripts/make-test-pdfs.py")
    pdf.setFillColor(colors.HexColor("#1d3557"))
    pdf.rect(0, 712, 612, 80, stroke=0, fill=1)
    pdf.setFillColor(colors.white)
    pdf.setFont("Sans-Bold", 28)
    pdf.drawString(40, 750, "MISSISSIPPI")
    pdf.setFont("Sans", 13)
    pdf.drawString(40, 725, "2021 Report Card on Child & Youth Sex Trafficking")
    pdf.setFillColor(colors.black)
    columns = [(40, 190), (200, 236), (246, 272), (280, 310), (320, 572)]
    y = 690
    pdf.setFont("Sans-Bold", 9)
    for (x, _), label in zip(columns, ["Issue", "Grade", "Score", "Max", "Highlights"]):
        pdf.drawString(x, y, label)
    y -= 6
    pdf.line(40, y, 572, y)

    def row(cells, fonts):
        nonlocal y
        wrapped = [wrap(text, font, 8.5, right - left) if text else [] for text, font, (left, right) in zip(cells, fonts, columns)]
        top = y - 12
        for lines, font, (left, _) in zip(wrapped, fonts, columns):
            pdf.setFont(font, 8.5)
            for number, line in enumerate(lines):
                pdf.drawString(left, top - number * 10.5, line)
        y = top - (max(len(lines) for lines in wrapped) - 1) * 10.5 - 7
        pdf.setStrokeColor(colors.lightgrey)
        pdf.line(40, y, 572, y)

    for name, grade, score, maximum, text in ISSUES:
        row([name, grade, score, maximum, text], ["Sans-Bold", "Sans-Bold", "Sans", "Sans", "Sans"])
    y -= 22
    pdf.setFont("Sans-Bold", 12)
    pdf.drawString(40, y, "EXTRA CREDIT")
    y -= 4
    for code, name, points, text in CREDITS:
        row([code, name, points, "", text], ["Sans-Bold", "Sans", "Sans", "Sans", "Sans"])
    y -= 40
    pdf.setStrokeColor(colors.black)
    pdf.rect(40, y - 10, 140, 48, stroke=1, fill=0)
    pdf.setFont("Sans-Bold", 12)
    pdf.drawString(50, y + 20, "OVERALL GRADE")
    pdf.setFont("Sans-Bold", 22)
    pdf.drawString(90, y - 4, "68")
    y -= 44
    for heading, text in LEARN_MORE:
        if heading:
            y -= 12
            pdf.setFont("Sans-Bold", 11)
            pdf.drawString(40, y, heading)
            y -= 15
        else:
            pdf.setFont("Sans", 8.5)
            for line in wrap(text, "Sans", 8.5, 532):
                pdf.drawString(40, y, line)
                y -= 10.5
            y -= 5
    pdf.showPage()
    pdf.save()


def image_only():
    """A scanned page: an image and no text layer."""
    path = os.path.join(OUT, "fault-image-only.pdf")
    pdf = canvas.Canvas(path, pagesize=(300, 300), pageCompression=1, invariant=1)
    from reportlab.lib.utils import ImageReader
    import io
    # A 40x40 grey ramp as a raw PPM, which reportlab reads without Pillow's help for PNG.
    pixels = bytes(v for i in range(40 * 40) for v in [(i * 7) % 256] * 3)
    image = io.BytesIO(b"P6 40 40 255\n" + pixels)
    pdf.drawImage(ImageReader(image), 40, 40, 220, 220)
    pdf.showPage()
    pdf.save()


def many_pages(count):
    """`count` pages with a word on each, written by hand so that the file stays small."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    stream = b"BT /F1 12 Tf 20 100 Td (page) Tj ET"
    objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
    kids = []
    for _ in range(count):
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {count} >>"
    return assemble(objects)


def zero_pages():
    """A page tree without a page."""
    return assemble(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] >>"])


def assemble(objects):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        body = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    printed_web_page()
    columns = two_columns()
    two_columns(justify=True)
    breaks = page_breaks()
    if breaks.split_paragraphs == 0 or len(breaks.pages) < 3:
        sys.exit("the page-break summary must run a paragraph across a page break")
    if len(columns.pages) < 2:
        sys.exit("the two-column summary must run over two pages")
    marked = wordmark()
    if len(marked.pages) < 2:
        sys.exit("the wordmark summary must run over two pages or more")
    report_card()
    # Faults.
    encrypted = os.path.join(OUT, "fault-encrypted.pdf")
    flow = Flow((300, 300), [(30, 270, 270, 30)], {"body": ("Sans", 10, 13, 0, 0)})
    flow.add("body", "A document that needs a password to be read.")
    draw_pages(encrypted, flow, encrypt="secret")
    whole = open(os.path.join(OUT, "summary-page-breaks.pdf"), "rb").read()
    open(os.path.join(OUT, "fault-truncated.pdf"), "wb").write(whole[: len(whole) // 3])
    open(os.path.join(OUT, "fault-zero-pages.pdf"), "wb").write(zero_pages())
    open(os.path.join(OUT, "fault-many-pages.pdf"), "wb").write(many_pages(60))
    image_only()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):8d}  {name}")


if __name__ == "__main__":
    main()
