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


def page_label(ctx: Context, target: str) -> str:
    """What a reader calls the page a change touched (never its file name): the page's title,
    and for an event or a note, which one."""
    path, _, anchor = target.partition("#")
    lang = ctx.lang
    data = ctx.data
    for eid, etype in data.entity_types.items():
        if path == paths.entity_page(etype, eid):
            return data.entities[eid].name(lang)
        if path == paths.type_index(etype):
            return t(etype, lang)
    title = t(PAGE_TITLES[path], lang) if path in PAGE_TITLES else path
    items = {e.id: e.label(lang) for e in ctx.article.events}
    items.update({c.id: c.label(lang) for c in data.context})
    items.update({n.id: n.title(lang) for n in ctx.article.notes})
    if anchor in items:
        return f"{title}: {items[anchor]}"
    return title


def current(changes: list[Change]) -> Change | None:
    """The latest version (changes.yaml is oldest first; integrity checks the order)."""
    return changes[-1] if changes else None


def render_corrections(ctx: Context) -> str:
    lang: Lang = ctx.lang
    heading = WORDS["title"][lang]
    out = [page_head(heading), INTRO[lang], ""]
    changes = ctx.data.changes
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
            links = " · ".join(f"[{md_text(page_label(ctx, target))}]({ctx.link(target)})" for target in change.pages)
            out.append(f"**{WORDS['pages'][lang]}:** {links}")
            out.append("")
    return "\n".join(out)
