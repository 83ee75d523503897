"""The Corrections page: every version of the edition (data/changes.yaml), newest first, with what
changed, why, whether it corrected an error, and links to the pages it touched."""

from __future__ import annotations

from . import paths
from .context import Context, page_head
from .escape import md_text
from .labels import PAGE_TITLES, t
from .model import Change, Lang
from .timeline import format_date

PAGE = "corrections.md"

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"ar": "التصويبات والنسخ", "en": "Corrections and versions"},
    "version": {"ar": "النسخة", "en": "Version"},
    "correction": {"ar": "تصويب", "en": "Correction"},
    "what": {"ar": "ما تغيّر", "en": "What changed"},
    "why": {"ar": "السبب", "en": "Why"},
    "pages": {"ar": "الصفحات", "en": "Pages"},
    "none": {"ar": "لا تغييرات مسجلة بعد.", "en": "No changes recorded yet."},
}
INTRO: dict[Lang, str] = {
    "ar": (
        "تُسجَّل هنا كل نسخة من هذه النسخة المرجعية: ما تغيّر فيها ولماذا وأي الصفحات مسّها التغيير. "
        "ما وُسم «تصويب» يصحح خطأ نشرته نسخة سابقة. رقم النسخة وتاريخ آخر تغيير في تذييل كل صفحة "
        "وفي «استشهد بهذه الصفحة»."
    ),
    "en": (
        "Every version of this reference edition is recorded here: what changed, why, and which pages it "
        "touched. Entries marked “Correction” fix an error that an earlier version published. The version "
        "number and the date of the last change are in every page's footer and in “Cite this page”."
    ),
}


def page_labels(ctx: Context) -> dict[str, str]:
    """What a reader calls each page a change may touch (never its file name): its title, and for
    an event or a note, the page's title and which one."""
    lang = ctx.lang
    data = ctx.data
    out = {page: t(key, lang) for page, key in PAGE_TITLES.items()}
    out |= {paths.entity_page(data.entity_types[e.id], e.id): e.name(lang) for e in data.entities.values()}
    timeline, notes = out[paths.TIMELINE], out[paths.NOTES]
    out |= {f"{paths.TIMELINE}#{e.id}": f"{timeline}: {e.label(lang)}" for e in ctx.article.events}
    out |= {f"{paths.TIMELINE}#{c.id}": f"{timeline}: {c.label(lang)}" for c in data.context}
    out |= {f"{paths.NOTES}#{n.id}": f"{notes}: {n.title(lang)}" for n in ctx.article.notes}
    return out


def current(changes: list[Change]) -> Change | None:
    """The latest version (changes.yaml is oldest first; integrity checks the order)."""
    return changes[-1] if changes else None


def render_corrections(ctx: Context) -> str:
    lang: Lang = ctx.lang
    heading = WORDS["title"][lang]
    out = [page_head(heading), INTRO[lang], ""]
    changes = ctx.data.changes
    labels = page_labels(ctx)
    if not changes:
        out.append(WORDS["none"][lang])
    for change in reversed(changes):
        anchor = "version-" + change.version.replace(".", "-")
        date = format_date(change.date, lang, weekday=False)
        badge = f'<span class="edition-badge">{WORDS["correction"][lang]}</span> ' if change.correction else ""
        out.append(f"## {WORDS['version'][lang]} {md_text(change.version)} · {date} {{#{anchor}}}")
        out.append("")
        out.append(f"{badge}**{WORDS['what'][lang]}:** {md_text(change.summary(lang))}")
        out.append("")
        out.append(f"**{WORDS['why'][lang]}:** {md_text(change.reason(lang))}")
        out.append("")
        if change.pages:
            # A target with another anchor is named by its page.
            name = [labels.get(p, labels.get(p.partition("#")[0], p)) for p in change.pages]
            links = " · ".join(f"[{md_text(n)}]({ctx.link(p)})" for n, p in zip(name, change.pages, strict=True))
            out.append(f"**{WORDS['pages'][lang]}:** {links}")
            out.append("")
    return "\n".join(out)
