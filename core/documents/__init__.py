"""Documents to print or hand out, made without a browser: the schedule, the pair list and the
cohort report as PDF tables (fpdf2), and the timeline and the year wheel as PDF, PNG or SVG
pictures (matplotlib). They draw on the calendar, matching and follow-up areas; nothing there
depends on them."""

# What the documents are made as; here, so that a command can check its arguments without loading
# the libraries that draw them.
PAPERS = ("a4", "a3")
PICTURE_FORMATS = ("pdf", "png", "svg")
PDF_MIME = "application/pdf"
