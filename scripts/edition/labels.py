"""Interface words of the generated pages, in both editions. Data never lives here."""

from __future__ import annotations

from . import paths
from .model import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "person": {"ar": "الأشخاص", "en": "People"},
    "organisation": {"ar": "المنظمات", "en": "Organisations"},
    "platform": {"ar": "المنصات", "en": "Platforms"},
    "place": {"ar": "الأماكن", "en": "Places"},
    "person.one": {"ar": "شخص", "en": "Person"},
    "organisation.one": {"ar": "منظمة", "en": "Organisation"},
    "platform.one": {"ar": "منصة", "en": "Platform"},
    "place.one": {"ar": "مكان", "en": "Place"},
    "article": {"ar": "المقال", "en": "The article"},
    "parallel": {"ar": "قراءة متوازية", "en": "Parallel reading"},
    "timeline": {"ar": "التسلسل الزمني", "en": "Timeline"},
    "claims": {"ar": "من قال ماذا", "en": "Who said what"},
    "about": {"ar": "عن هذه النسخة", "en": "About this edition"},
    "home": {"ar": "الرئيسية", "en": "Home"},
    # Titles of the other fixed pages, for links that name a page (as the navigation does).
    "page.notes": {"ar": "ملاحظات التحرير", "en": "Editorial notes"},
    "page.relations": {"ar": "شبكة العلاقات", "en": "Relations"},
    "page.data": {"ar": "البيانات", "en": "Data"},
    "page.sources": {"ar": "المصادر", "en": "Sources"},
    "page.corrections": {"ar": "التصويبات والنسخ", "en": "Corrections and versions"},
    "page.report": {"ar": "الإبلاغ عن خطأ", "en": "Report an error"},
    "name": {"ar": "الاسم", "en": "Name"},
    "role": {"ar": "الدور", "en": "Role"},
    "mentions": {"ar": "الإشارات في النص", "en": "Mentions in the text"},
    "mentions.count": {"ar": "الإشارات", "en": "Mentions"},
    "aka": {"ar": "يُعرف أيضًا بـ", "en": "Also known as"},
    "aka.ar": {"ar": "بالعربية", "en": "Arabic script"},
    "aka.en": {"ar": "بالحروف اللاتينية", "en": "Latin script"},
    "description": {"ar": "الوصف", "en": "Description"},
    "evidence": {"ar": "ما يقوله المقال", "en": "What the article says"},
    "relations": {"ar": "العلاقات", "en": "Relations"},
    "external": {"ar": "من خارج المقال", "en": "From outside the article"},
    "external.badge": {"ar": "خارجي", "en": "External"},
    "source": {"ar": "المصدر", "en": "Source"},
    "events": {"ar": "الأحداث", "en": "Events"},
    "paragraph": {"ar": "الفقرة", "en": "Paragraph"},
    "quote": {"ar": "الاقتباس", "en": "Quote"},
    "speaker": {"ar": "القائل", "en": "Who"},
    "form": {"ar": "صيغة الإسناد", "en": "Attribution"},
    "form.quote": {"ar": "اقتباس مباشر", "en": "Direct quote"},
    "form.reported": {"ar": "قول منقول", "en": "Reported speech"},
    "form.narration": {"ar": "سرد", "en": "Narration"},
    "content": {"ar": "المضمون", "en": "What"},
    "when": {"ar": "متى", "en": "When"},
    "when.as_stated": {"ar": "كما يقول المقال", "en": "As the article puts it"},
    "date": {"ar": "التاريخ", "en": "Date"},
    "date.basis": {"ar": "أساس التاريخ", "en": "Date basis"},
    "precision": {"ar": "الدقة", "en": "Precision"},
    "certainty": {"ar": "درجة اليقين", "en": "Certainty"},
    "precision.day": {"ar": "يوم", "en": "day"},
    "precision.part-of-day": {"ar": "جزء من اليوم", "en": "part of day"},
    "precision.range": {"ar": "نطاق أيام", "en": "range of days"},
    "precision.before": {"ar": "قبل تاريخ (حدّ أعلى)", "en": "before a date (an upper bound)"},
    "certainty.stated": {"ar": "مذكور", "en": "stated"},
    "certainty.inferred": {"ar": "مستنتج", "en": "inferred"},
    "certainty.uncertain": {"ar": "غير مؤكد", "en": "uncertain"},
    "tod.morning": {"ar": "صباحًا", "en": "morning"},
    "tod.noon": {"ar": "ظهرًا", "en": "noon"},
    "tod.afternoon": {"ar": "بعد الظهر", "en": "afternoon"},
    "tod.evening": {"ar": "مساءً", "en": "evening"},
    "tod.night": {"ar": "ليلًا", "en": "night"},
    "actors": {"ar": "الفاعلون", "en": "Actors"},
    "platforms": {"ar": "المنصات", "en": "Platforms"},
    "places": {"ar": "الأماكن", "en": "Places"},
    "claims.by": {"ar": "أقوال منسوبة إليه", "en": "Statements attributed"},
    "claims.about": {"ar": "أقوال تتناوله", "en": "Statements about it"},
    "none": {"ar": "لا شيء", "en": "None"},
    "permalink.para": {"ar": "رابط دائم للفقرة", "en": "Permanent link to paragraph"},
    "record": {"ar": "البيانات الببليوغرافية", "en": "Bibliographic record"},
    "record.title": {"ar": "العنوان", "en": "Title"},
    "record.outlet": {"ar": "الناشر", "en": "Published by"},
    "record.url": {"ar": "الرابط", "en": "Address"},
    "record.date": {"ar": "تاريخ النشر", "en": "Publication date"},
    "record.language": {"ar": "اللغة", "en": "Language"},
    "record.based_on": {"ar": "مقتبس من", "en": "Adapted from"},
    "record.copies": {"ar": "نسخ محفوظة من الأصل", "en": "Stored copies of the original"},
    "lang.ar": {"ar": "العربية", "en": "Arabic"},
    "lang.en": {"ar": "الإنجليزية", "en": "English"},
    "lang.ru": {"ar": "الروسية", "en": "Russian"},
    "status.known": {"ar": "معروف", "en": "known"},
    "status.inferred": {"ar": "مستنتج", "en": "inferred"},
    "status.unknown": {"ar": "غير معروف", "en": "unknown"},
    "not_before": {"ar": "ليس قبل", "en": "not before"},
    "in_text": {"ar": "في النص", "en": "in the text"},
    "translation.label": {
        "ar": "ترجمة هذه النسخة الإنجليزية للنص العربي",
        "en": "This edition's English translation of the Arabic text",
    },
    "other_edition": {"ar": "English", "en": "العربية"},
    # Editorial notes: the marker, the kinds of departure, how each note was checked.
    "note": {"ar": "ملاحظة", "en": "Note"},
    "note.omission": {"ar": "حذف", "en": "Omission"},
    "note.addition": {"ar": "إضافة", "en": "Addition"},
    "note.mistranslation": {"ar": "ترجمة خاطئة", "en": "Mistranslation"},
    "note.factual_error": {"ar": "خطأ في الوقائع", "en": "Factual error"},
    "note.attribution": {"ar": "إسناد", "en": "Attribution"},
    "note.structure": {"ar": "بنية", "en": "Structure"},
    "note.spelling": {"ar": "كتابة الأسماء", "en": "Spelling of names"},
    "note.verified_against_copy": {"ar": "موثّق بنسخة محفوظة من الأصل", "en": "Verified against a stored copy"},
    "note.secondary": {"ar": "من مصادر ثانوية فقط", "en": "From secondary reports only"},
}

# Relation verbs, read "subject — verb — target".
RELATIONS: dict[str, dict[Lang, str]] = {
    "member_of": {"ar": "ينتمي إلى", "en": "member of"},
    "nationality": {"ar": "الجنسية", "en": "nationality"},
    "studies": {"ar": "يدرس ويتتبع", "en": "studies"},
    "writes_for": {"ar": "يكتب لـ", "en": "writes for"},
    "supports": {"ar": "يدعم", "en": "supports"},
    "posted_on": {"ar": "نشر على", "en": "posted on"},
    "questioned": {"ar": "وجّه أسئلة إلى", "en": "questioned"},
    "operated_in": {"ar": "نشط في", "en": "operated in"},
    "hosted_on": {"ar": "على منصة", "en": "hosted on"},
    "developed": {"ar": "طوّر", "en": "developed"},
    "developed_by": {"ar": "من تطوير", "en": "developed by"},
    "based_in": {"ar": "مقرها", "en": "based in"},
    "targets": {"ar": "تستهدف", "en": "targets"},
    "located_in": {"ar": "يقع في", "en": "located in"},
}


# Each fixed page and register (source path) and the label that names it, as the navigation does:
# for links that name a page (home page, Corrections) and for search (a page is found by its title
# in either language).
PAGE_TITLES: dict[str, str] = {
    paths.HOME: "home",
    paths.ARTICLE: "article",
    paths.PARALLEL: "parallel",
    paths.TIMELINE: "timeline",
    paths.CLAIMS: "claims",
    paths.ABOUT: "about",
    paths.NOTES: "page.notes",
    paths.RELATIONS: "page.relations",
    paths.DATA: "page.data",
    "sources.md": "page.sources",
    "corrections.md": "page.corrections",
    "report.md": "page.report",
    **{paths.type_index(etype): etype for etype in paths.TYPE_DIRS},
}


def t(key: str, lang: Lang) -> str:
    """Look up an interface word; an unknown key is a programming error and stops the build."""
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' for '{lang}'") from None
