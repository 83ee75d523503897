"""The Report-an-error page: what to include in a report. Where to send it is configured once in
mkdocs.yml (extra.edition.report) and shown by the page's template (overrides/edition-report.html),
which says plainly when nothing is configured instead of showing a dead link."""

from __future__ import annotations

from . import paths
from .context import Context
from .escape import front_matter, md_text, title

PAGE = "report.md"
TEMPLATE = "edition-report.html"


def render_report(ctx: Context) -> str:
    lang = ctx.lang
    notes, corrections = ctx.link(paths.NOTES), ctx.link("corrections.md")
    if lang == "ar":
        heading = "الإبلاغ عن خطأ"
        body = [
            "إن وجدت خطأ في النص أو الترجمة أو السجل أو التواريخ أو الملاحظات، فأخبرنا. نصحح ما يثبت خطؤه، "
            f"ونسجل التصويب مع سببه في [صفحة التصويبات]({corrections}).",
            "",
            "## ما الذي تذكره في بلاغك {#what-to-include}",
            "",
            "- **الصفحة**: رابطها، أو اسمها كما يظهر في أعلاها.",
            "- **معرّف الفقرة** إن كان الخطأ في المقال أو يخص فقرة منه (p1 … p19؛ يظهر بجانب كل فقرة)، "
            "أو معرّف الحدث أو الملاحظة (يظهر في آخر الرابط بعد #).",
            "- **التصحيح**: ما الخطأ، وما الصواب في رأيك.",
            "- **المصدر**: رابط إلى مصدر عام يدعم التصحيح إن وُجد، ويفضَّل الأصلي أو الموثوق على الناقل.",
            "",
            f"قبل الإبلاغ عن اختلاف بين النص العربي والأصل الإنجليزي، راجع [ملاحظات التحرير]({notes}): لعلنا سجلناه.",
        ]
    else:
        heading = "Report an error"
        body = [
            "If you find an error in the text, the translation, the register, the dates or the notes, tell us. "
            "What proves wrong is corrected, and the correction is recorded with its reason on the "
            f"[Corrections page]({corrections}).",
            "",
            "## What to include {#what-to-include}",
            "",
            "- **The page**: its address, or its title as shown at the top.",
            "- **The paragraph id** if the error is in the article or concerns a paragraph (p1 … p19, shown "
            "beside each paragraph), or the id of the event or note (the end of its address, after #).",
            "- **The correction**: what is wrong, and what you believe is right.",
            "- **A source**: a link to a public source that supports the correction, if there is one; "
            "primary or reputable sources rather than copies.",
            "",
            f"Before reporting a difference between the Arabic and the English original, see the "
            f"[editorial notes]({notes}): it may already be recorded.",
        ]
    return "\n".join(
        [front_matter({"title": title(heading), "template": TEMPLATE}), f"# {md_text(heading)}", "", *body, ""]
    )
