"""The search normaliser, Python side. Its twin is scripts/edition/js/normalise.js.

Both implement one specification, checked against the same table of cases
(tests/search/normalise_cases.yaml):

1. light():  Unicode NFKC, lower case, Latin accents removed, Arabic diacritics, tatweel and
             direction marks removed, Persian/Urdu letters (ی ک ہ ۀ ە) → Arabic, گ ڤ پ → ج ف ب (g, v
             and p as this text writes them), Arabic-Indic and Persian digits → 0-9. Hamza, ة and ى are kept.
   fold():   light(), then hamza/alef forms → ا, ؤ → و, ئ → ي, ء removed, ة → ه, ى → ي;
             ئو is read as ؤو first (مسئولية and مسؤولية are one word).
2. tokens(): split folded text on the separator (white space and punctuation, Arabic included).
   words():  the same tokens, each with a flag: is it a stop word? A stop word is a function word
             (في، من، إلى، فإن…, the, of…) compared in its light() form, so with its hamza: «فإن» is
             one, «فان» (Van) is not. Stop words are not indexed and a query does not ask for them.
3. forms():  a token and the forms left after stripping proclitics (و ف ب ك ل ال لل وال بال …),
             keeping at least three letters; then, for every form of five letters or more that ends
             in -يا or -يه (folded -ية), the same form with the other ending: place names are
             written both ways (سوريا / سورية); then, for every form, its nisba stem (see nisba()),
             so the adjective and the country meet (بلجيكي / بلجيكا, روسي / روسيا). A Latin token
             gets its light English stem (see stem()). Indexing stores every form; a query asks for
             every form.
   stem():   English endings, one reduced form for a word's inflections: plural and third person
             (-s, -es, -ies), past and gerund (-ed, -ing, a doubled final consonant undoubled), the
             agent noun -er (words of seven letters or more), nationality and country (-ian, -ia,
             -ium → -i: Belgian / Belgium, Russian / Russia), final -y → -i, final -e dropped.
             "researchers", "researcher" and "research" meet at "research"; "tweeted" and
             "tweets" at "tweet". The possessive 's is split off by the separator and "s" is a stop word.
   spellings(): forms() without the stems (English stem, nisba): the word as written, with or
             without its clitics. Search ranks a word matched so above one matched by a stem.
   nisba():  an Arabic form without the ending of a nisba adjective or of a country name: -ي,
             -يه (ية), -يون, -يين, -يا, and -ا after at least four letters (بلجيكا), keeping at least
             three letters.
4. keys():   whole-name keys: "=" + the tokens joined by "_", for the text as typed and with each
             token at its shortest form. Entity pages index one key per name and variant; a query
             asks for its own keys, exactly, so typing a whole name ranks that entity first
             ("لندن" → London, not London Bridge, whose key is "=جسر_لندن").
"""

from __future__ import annotations

import re
import unicodedata

# Kept in sync with normalise.js and the `separator` of the search plugin in mkdocs.yml.
SEPARATOR = re.compile(r"""[\s\-–—«»،؛؟!?.,:;()\[\]"'“”‘’/|]+""")

# light(): letters of other keyboards and invisible marks.
_LIGHT = str.maketrans(
    {
        # Persian letters for sounds Arabic lacks, as this text writes them (تيليجرام, فان, بيتر)
        "گ": "ج", "ڤ": "ف", "پ": "ب",
        "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك",
        "ہ": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
        "ـ": None,  # tatweel
        "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None,
    }
)  # fmt: skip
# fold(): hamza and alef forms, taa marbuta, alef maqsura.
_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ء": None,
        "ة": "ه", "ى": "ي",
    }
)  # fmt: skip
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
# Arabic marks: Quranic signs, harakat, tanwin, shadda, sukun, superscript alef, small high signs.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_LATIN_MARKS = re.compile(r"[\u0300-\u036f]")
_ARABIC = re.compile(r"[\u0621-\u064a]")

# Proclitic sequences, longest first. A form must keep at least MIN_STEM letters.
PREFIXES = (
    "وبال", "وكال", "وفال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل",
    "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ك", "ل",
)  # fmt: skip
MIN_STEM = 3
# -يا / -يه (folded -ية) alternation, for forms of at least this many letters (سوريا / سورية).
ALTERNATE_MIN = 5
ALTERNATE_ENDINGS = {"يا": "يه", "يه": "يا"}

# English endings (stem()), tried in this order; each step changes the word at most once.
_LATIN_WORD = re.compile(r"[a-z]+")
_VOWEL = re.compile(r"[aeiouy]")
STEM_MIN = 4  # shorter words are left alone
# nisba(): endings of nisba adjectives and country names, longest first, with the shortest word
# each is stripped from (the stem keeps at least MIN_STEM letters).
NISBA_ENDINGS = (("يون", 6), ("يين", 6), ("يه", 5), ("يا", 5), ("ي", 4), ("ا", 5))

# Function words, in their light() form (hamza kept: «فإن» is a stop word, «فان» is not).
STOPWORDS = frozenset(
    """
    في من على علي إلى الى إلي الي عن أن إن ان فإن لأن بأن وأن وإن أنه إنه انه فإنه لأنه أو او ثم قد لا لم لن ما
    هذا هذه ذلك تلك التي الذي الذين هو هي هم مع كان كانت وفي ومن وعلى وإلى ولا إذا كل جميع هل تم متى متي ماذا
    فى التى الذى هى وفى وعلي
    the a an of in on at to and or is are was were be been by for with from as it its that this these
    those which who what when into than then there their they he she his her him not no but if so s all every each
    """.split()  # noqa: SIM905 (one word list, laid out like its twin in normalise.js)
)


# The Arabic article as Latin script writes it: a separate word ("al shurta", and "al-shurta",
# whose hyphen is a separator). Like a stop word it is neither indexed nor asked for, so "al" does
# not by itself match Al-Watan; the skeleton rule reads a run of words across it (see
# skeleton_run_keys).
ARTICLES = frozenset(("al", "el"))


def light(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    text = unicodedata.normalize("NFC", text)
    text = _ARABIC_MARKS.sub("", text)
    return text.translate(_LIGHT).translate(_DIGITS)


def fold(text: str) -> str:
    # Hamza on yaa before waw is the other common spelling of hamza on waw (مسئولية / مسؤولية).
    return light(text).replace("ئو", "ؤو").translate(_LETTERS)


def tokens(text: str) -> list[str]:
    return [tok for tok in SEPARATOR.split(fold(text)) if tok]


def words(text: str) -> list[tuple[str, bool]]:
    """Each token of the text, folded, with True when it is a stop word or a Latin article."""
    return [(fold(word), word in STOPWORDS or word in ARTICLES) for word in SEPARATOR.split(light(text)) if word]


def is_article(token: str) -> bool:
    """Is the folded token the Arabic article written in Latin script ("al", "el")?"""
    return token in ARTICLES


def content_tokens(text: str) -> list[str]:
    """The tokens of the text that are not stop words."""
    return [tok for tok, stop in words(text) if not stop]


def stem(word: str) -> str:
    """The light English stem of a folded Latin word (see the module's docstring)."""
    if len(word) < STEM_MIN or not _LATIN_WORD.fullmatch(word):
        return word
    w = word
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "ches", "shes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for ending in ("ed", "ing"):
        rest = w[: -len(ending)]
        if w.endswith(ending) and len(rest) >= 3 and _VOWEL.search(rest):
            w = rest
            if w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("er") and len(w) >= 7:
        w = w[:-2]
    if len(w) >= 5 and w.endswith(("ian", "ium")):
        w = w[:-2]
    elif len(w) >= 4 and w.endswith("ia"):
        w = w[:-1]
    if len(w) >= 4 and w.endswith("y") and w[-2] not in "aeiou":
        w = w[:-1] + "i"
    if len(w) >= 4 and w.endswith("e"):
        w = w[:-1]
    return w


def nisba(form: str) -> str:
    """The Arabic form without a nisba or country-name ending, or the form itself."""
    for ending, shortest in NISBA_ENDINGS:
        if form.endswith(ending) and len(form) >= shortest and len(form) - len(ending) >= MIN_STEM:
            return form[: -len(ending)]
    return form


def spellings(token: str) -> list[str]:
    """The token, then each distinct form left after stripping a proclitic sequence, and the other
    -يا/-يه ending: the same word as written, with or without its clitics."""
    out = [token]
    if not _ARABIC.match(token):
        return out
    for prefix in PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            bare = token[len(prefix) :]
            if bare not in out:
                out.append(bare)
    for form in list(out):
        if len(form) >= ALTERNATE_MIN and form[-2:] in ALTERNATE_ENDINGS:
            other = form[:-2] + ALTERNATE_ENDINGS[form[-2:]]
            if other not in out:
                out.append(other)
    return out


def is_arabic(token: str) -> bool:
    """Does the token start with an Arabic letter?"""
    return _ARABIC.match(token) is not None


def short(form: str) -> str:
    """A spelling's derived form: its nisba stem (Arabic) or its light English stem (Latin)."""
    return nisba(form) if is_arabic(form) else stem(form)


def forms(token: str, given: list[str] | None = None) -> list[str]:
    """spellings() (or `given`, the token's spellings when the caller has them already), then the
    derived forms: short() of each. Search ranks a word matched in one of its spellings above one
    matched only so."""
    out = list(given if given is not None else spellings(token))
    for form in list(out):
        derived = short(form)
        if derived not in out:
            out.append(derived)
    return out


def query_terms(query: str) -> list[str]:
    """Every form of every token of a query, in order, without repeats."""
    out: list[str] = []
    for tok in tokens(query):
        for form in forms(tok):
            if form not in out:
                out.append(form)
    return out


KEY_MARK = "="


def keys(text: str) -> list[str]:
    """Whole-text keys: as typed, and with every token stripped to its shortest form."""
    toks = tokens(text)
    if not toks:
        return []
    out = [KEY_MARK + "_".join(toks)]
    shortest = KEY_MARK + "_".join(min(forms(t), key=len) for t in toks)
    if shortest not in out:
        out.append(shortest)
    if len(toks) == 1:
        for form in forms(toks[0]):
            if KEY_MARK + form not in out:
                out.append(KEY_MARK + form)
    return out


# 5. Consonant skeletons: a name as its consonants, one Latin letter per class of sound, so a
# transliteration that follows the Arabic spelling ("Tilijram", "Suriya", "Da'ish", "Lundun")
# meets the Arabic name (تيليجرام, سوريا, داعش, لندن). Vowels (Latin a e i o u y w, Arabic ا و ي
# ى), hamza and ayn leave no trace; letters Latin writes alike fall together (ت ط ث t, س ص ش s,
# د ض ذ d, ك ق خ k, ج غ g j, ح ه h, f v, b p); Arabizi digits count as letters in a word with a
# Latin letter (3 ayn and 2 hamza nothing, 7 h, 5 k, 6 t, 9 k); a word's first ي or y is a
# consonant, y; a final ه (ة) is dropped (a Latin final h after a vowel is dropped in one of a
# query word's latin_variants); a letter doubled counts once.
SKELETON_MARK = "%"
_LATIN_LETTER = re.compile(r"[a-z]")
SKELETON_MIN = 2  # consonants, at least
SKELETON_LETTERS = 4  # letters typed, at least (short words collide)
_SKELETON_DIGRAPHS = (
    ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("kh", "k"), ("gh", "j"), ("ph", "f"), ("ck", "k"),
)  # fmt: skip
_SKELETON = {
    **dict.fromkeys("bp", "b"), **dict.fromkeys("ckq", "k"), **dict.fromkeys("gj", "j"), **dict.fromkeys("fv", "f"),
    "x": "ks", "d": "d", "h": "h", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "t": "t", "z": "z",
    "7": "h", "5": "k", "6": "t", "9": "k",
    "ب": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "غ": "j", "ح": "h", "ه": "h", "خ": "k", "ق": "k", "ك": "k",
    "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ش": "s", "ص": "s", "ف": "f",
    "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip


def skeleton(token: str) -> str:
    """A folded token's consonant skeleton (see above): "tilijram" and «تيليجرام» → "tljrm"."""
    word = token
    if is_arabic(word):
        if len(word) > 2 and word.endswith("ه"):
            word = word[:-1]
    else:
        for digraph, letter in _SKELETON_DIGRAPHS:
            word = word.replace(digraph, letter)
    # A word's first ي is a consonant (y), as Latin writes it: «يصبح» is not «أشباح»
    out = "y" if word[:1] in ("ي", "y") else ""
    latin = _LATIN_LETTER.search(word) is not None
    for ch in word:
        if ch.isdigit() and not latin:
            continue  # Arabizi digits count only in a word with a Latin letter
        for letter in _SKELETON.get(ch, ""):
            if not out.endswith(letter):
                out += letter
    return out


def skeleton_key(toks: list[str]) -> str:
    """The indexed term for the skeleton of tokens read as one name: SKELETON_MARK + their
    skeletons joined, or "" when they hold fewer than SKELETON_LETTERS letters or the skeleton
    fewer than SKELETON_MIN consonants."""
    joined = "".join(skeleton(tok) for tok in toks)
    if len("".join(toks)) < SKELETON_LETTERS or len(joined) < SKELETON_MIN:
        return ""
    return SKELETON_MARK + joined


_CONSTRUCT = re.compile(r"[^aeiou][ae]t$")
RUN_KEYS_MAX = 8  # the variants of a run of words multiply; a run asks at most this many keys


def latin_variants(token: str) -> list[str]:
    """A Latin query word as Latin writes Arabic in more than one way: as typed; a final "h" after
    a vowel also without it (ة: "suriyah" for سورية; as typed, ح: "ashbah" for أشباح); a final
    "-at" or "-et" after a consonant also as "-a" (the construct state of ة: "madinat" for مدينة);
    Arabizi "2" also as "q" (hamza, or ق as many dialects say it: "3ira2" for عراق); and each "th"
    also as "dh" (ذ as well as ث: "matha" for ماذا). An Arabic token is its own only variant."""
    out = [token]
    if is_arabic(token):
        return out
    if len(token) > 2 and token.endswith("h") and token[-2] in "aei":  # not "sh", "kh"…: a vowel before
        out.append(token[:-1])
    if len(token) >= 5 and _CONSTRUCT.search(token):
        out.append(token[:-1])
    if "2" in token and _LATIN_LETTER.search(token):
        out.append(token.replace("2", "q"))  # Arabizi 2: hamza, or ق as many dialects say it
    for form in list(out):
        if not is_arabic(form) and "th" in form:
            out.append(form.replace("th", "dh"))
    return out


def skeleton_run_keys(run: list[tuple[str, bool]]) -> list[str]:
    """The skeleton keys of a run of query words read as one name, each word with True when a Latin
    article stood before it: without the articles, then with each as "al" (the name's skeleton
    without its articles, as written with them: "bahithu al-irhab" meets «باحثو الإرهاب» either
    way); each for every combination of the words' latin_variants, at most RUN_KEYS_MAX keys.
    Keys that are "" are left out."""
    combos: list[list[tuple[str, bool]]] = [[]]
    for tok, article in run:
        combos = [[*combo, (form, article)] for combo in combos for form in latin_variants(tok)]
    out: list[str] = []
    for combo in combos:
        bare = skeleton_key([tok for tok, _ in combo])
        whole = skeleton_key([part for tok, article in combo for part in (["al", tok] if article else [tok])])
        for key in (bare, whole):
            if key and key not in out:
                out.append(key)
    return out[:RUN_KEYS_MAX]


def skeleton_keys(text: str) -> list[str]:
    """An Arabic name's skeleton keys: its words as written, and each without the article ال
    (kept if fewer than MIN_STEM letters are left). A name with a word in another script has none."""
    toks = tokens(text)
    if not toks or not all(is_arabic(tok) for tok in toks):
        return []
    out: list[str] = []
    for key in (skeleton_key(toks), skeleton_key([_bare(tok) for tok in toks])):
        if key and key not in out:
            out.append(key)
    return out


def _bare(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) - 2 >= MIN_STEM else token


# 6. Word skeletons: the skeleton of one word of running text, so a Latin transliteration of an
# ordinary word, not only of a name, meets it ("madinat ashbah" → مدينة أشباح, "al-tasweebat" →
# التصويبات). The index holds one for every Arabic word, as written and without its article;
# a Latin query word the index does not hold asks for those of its latin_variants. Marked apart
# from the skeletons of whole names (WORD_MARK): one word of a text is weaker evidence than a name.
WORD_MARK = "$"
WORD_SKELETON_MIN = 3  # consonants; 2 are enough in a query word typed with WORD_SKELETON_LETTERS
WORD_SKELETON_LETTERS = 5  # letters or more ("daesh"), where a short word's 2 collide too often


def word_skeletons(token: str) -> list[str]:
    """Index side: an Arabic token's word-skeleton terms, as written and without the article ال;
    none for a token in another script or with fewer than SKELETON_MIN consonants."""
    if not is_arabic(token):
        return []
    out: list[str] = []
    for form in (token, _bare(token)):
        found = skeleton(form)
        if len(found) >= SKELETON_MIN and WORD_MARK + found not in out:
            out.append(WORD_MARK + found)
    return out


def latin_word_skeletons(token: str) -> list[str]:
    """Query side: a Latin query word's word-skeleton terms, one per latin_variant, each of at
    least WORD_SKELETON_MIN consonants (or SKELETON_MIN in a word of WORD_SKELETON_LETTERS letters
    or more); none for an Arabic token."""
    if is_arabic(token) or not _LATIN_LETTER.search(token):
        return []
    shortest = SKELETON_MIN if len(token) >= WORD_SKELETON_LETTERS else WORD_SKELETON_MIN
    out: list[str] = []
    for form in latin_variants(token):
        found = skeleton(form)
        if len(found) >= shortest and WORD_MARK + found not in out:
            out.append(WORD_MARK + found)
    return out
