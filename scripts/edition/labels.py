"""Interface words of the generated pages, in both editions. Data never lives here."""

from __future__ import annotations

from . import paths
from .model import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "person": {"ar": "الأشخاص", "en": "People"},
    "organisation": {"ar": "المنظمات", "en": "Organisations"},
    "platform": {"ar": "المنصات", "en": "Platforms"},
    "place": {"ar": "الأماكن", "en": "Places"},
    # Entity kinds (the `kind` of a register entry) in words a reader may search for (search only).
    "kind.group": {"ar": "جماعة مجموعة", "en": "group"},
    "kind.online-groups": {"ar": "مجموعات على الإنترنت", "en": "online groups"},
    "kind.outlet": {"ar": "وسيلة إعلام موقع", "en": "news outlet media website"},
    "kind.company": {"ar": "شركة", "en": "company"},
    "kind.authority": {"ar": "سلطة جهة رسمية", "en": "authority"},
    "kind.named": {"ar": "فرد", "en": "individual"},
    "kind.unnamed": {"ar": "فرد مجهول", "en": "unnamed individual"},
    "kind.unnamed-group": {"ar": "أشخاص", "en": "people"},
    "kind.landmark": {"ar": "معلم", "en": "landmark"},
    "kind.city": {"ar": "مدينة", "en": "city"},
    "kind.country": {"ar": "بلد دولة", "en": "country"},
    "kind.messaging-app": {"ar": "تطبيق مراسلة", "en": "messaging app"},
    "kind.social-network": {"ar": "شبكة تواصل اجتماعي موقع", "en": "social network website"},
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


# Other names a page goes by: the labels websites commonly give such a page, in both languages.
# Indexed as names of the page (whole-name keys too), so «عن الموقع», the usual Arabic label of an
# About page, finds this one, whose title says «عن هذه النسخة».
PAGE_ALIASES: dict[str, dict[Lang, list[str]]] = {
    paths.HOME: {"ar": ["الصفحة الرئيسية"], "en": ["Home page", "Homepage", "Main page"]},
    paths.ABOUT: {"ar": ["عن الموقع", "عن النسخة"], "en": ["About the site", "About this site"]},
}


# One line saying what each page of PAGE_TITLES is, in both languages: indexed for search (as the
# page's role), so a reader who describes a page ("Arabic and English side by side", «الأحداث
# بترتيب زمني») finds it. Each line says only what the page holds.
PAGE_ABOUT: dict[str, dict[Lang, str]] = {
    paths.HOME: {
        "ar": "الصفحة الأولى للنسخة: المقال وطرق الدخول إليه",
        "en": "the edition's front page: the article and the ways into it",
    },
    paths.ARTICLE: {
        "ar": "النص الكامل للمقال، الخبر فقرة فقرة",
        "en": "the full text of the article, the news report paragraph by paragraph",
    },
    paths.PARALLEL: {
        "ar": "النص العربي والترجمة الإنجليزية جنبًا إلى جنب، فقرة بفقرة",
        "en": "the Arabic text and its English translation side by side, paragraph by paragraph",
    },
    paths.TIMELINE: {
        "ar": "الأحداث التي يرويها المقال مرتبة زمنيًا يومًا بيوم بتواريخها",
        "en": "the events the article reports in chronological order, day by day, with their dates",
    },
    paths.CLAIMS: {
        "ar": "الأقوال والتصريحات والاقتباسات الواردة في المقال ومن قالها",
        "en": "the claims, statements and quotes in the article and who made them",
    },
    paths.ABOUT: {
        "ar": "من نحن: ما هذه النسخة (هذا الموقع) وكيف أُعدّت وكيف أستشهد بها",
        "en": "about us: what this edition (this site, this website) is, how it was made and how to cite it",
    },
    paths.NOTES: {
        "ar": "ملاحظات المحرر على النص، ومنها حيث يختلف النص العربي عن الأصل الإنجليزي",
        "en": "the editor's notes on the text, among them where the Arabic differs from the English original",
    },
    paths.RELATIONS: {
        "ar": "كيف يرتبط أشخاص المقال ومنظماته ومنصاته وأماكنه بعضها ببعض، رسمًا شبكيًا وقائمة",
        "en": (
            "how the people, organisations, platforms and places of the article are related,"
            " as a network diagram and a list"
        ),
    },
    paths.DATA: {"ar": "بيانات النسخة للتنزيل", "en": "the edition's data to download"},
    "sources.md": {
        "ar": (
            "أين نُشر المقال، ونسخ من التقرير الأصلي الذي اقتبس عنه، والمصادر التي تستشهد بها النسخة"
            " من خارج المقال، بروابطها"
        ),
        "en": (
            "the bibliography: where the article was published, copies of the original report it adapts,"
            " and the sources the edition cites from outside the article, with their links"
        ),
    },
    "corrections.md": {
        "ar": "التصويبات التي أُجريت على النسخة وإصداراتها: سجل تغييراتها",
        "en": "the corrections (errata) made to the edition and its versions: its change history",
    },
    "report.md": {"ar": "أبلغ المحرر عن خطأ في النسخة", "en": "tell the editor of a mistake in the edition"},
    paths.type_index("person"): {
        "ar": "قائمة الأشخاص (الشخصيات) الذين يذكرهم المقال",
        "en": "list (index) of the people (persons, figures) the article mentions",
    },
    paths.type_index("organisation"): {
        "ar": "قائمة المنظمات (التنظيمات) التي يذكرها المقال",
        "en": "list (index) of the organisations the article mentions",
    },
    paths.type_index("platform"): {
        "ar": "قائمة المنصات (التطبيقات والشبكات) التي يذكرها المقال",
        "en": "list (index) of the platforms (apps and networks) the article mentions",
    },
    paths.type_index("place"): {
        "ar": "قائمة الأماكن والمواقع التي يذكرها المقال",
        "en": "list (index) of the places (locations) the article mentions",
    },
}


def t(key: str, lang: Lang) -> str:
    """Look up an interface word; an unknown key is a programming error and stops the build."""
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' for '{lang}'") from None
