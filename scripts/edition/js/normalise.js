/*
 * The search normaliser, browser side. Its twin is scripts/edition/normalise.py; both follow one
 * specification and pass the same table of cases (tests/search/normalise_cases.yaml).
 *
 *   light(text)   NFKC, lower case, Latin accents off, Arabic diacritics/tatweel/direction marks off,
 *                 Persian/Urdu letters to Arabic (گ ڤ پ to ج ف ب), Arabic-Indic and Persian digits to 0-9
 *   fold(text)    light, then hamza and alef forms to ا, ؤ to و, ئ to ي, ء off, ة to ه, ى to ي
 *   tokens(text)  fold, then split on white space and punctuation (Arabic included)
 *   words(text)   the same tokens, each as [token, is it a stop word (in its light form)?]
 *   spellings(token)  the token and the forms left after stripping proclitics (و ف ب ك ل ال لل …),
 *                 then the -يا/-يه alternates of forms of five letters or more (سوريا / سورية)
 *   forms(token)  spellings, then the stem of each: nisba (بلجيكي / بلجيكا → بلجيك), English stem
 *   stem(word)    light English stem: -s/-es/-ies, -ed/-ing, agent -er (7+ letters), -ian/-ia/-ium → -i,
 *                 final -y → -i, final -e off ("researchers" → "research", "Belgian"/"Belgium" → "belgi")
 *   nisba(form)   the form without -ي, -يه, -يون, -يين, -يا or -ا (see normalise.py), 3 letters kept
 *   isArabic(token)  does the token start with an Arabic letter?
 *   short(form)   a spelling's derived form: its nisba stem (Arabic) or English stem (Latin)
 *   skeleton(token)  its consonant skeleton ("tilijram", «تيليجرام» → "tljrm"; see normalise.py, 5)
 *   skeletonKey(tokens)  "%" + their skeletons joined, "" if too short; skeletonKeys(name) an
 *                 Arabic name's keys, as written and without the article
 *   isArticle(token)  the Arabic article in Latin script ("al", "el"): words() flags it like a stop word
 *   skeletonRunKeys(run)  a run of query words [token, article before it?] → its skeleton keys
 *                 without the articles and with them
 *
 * Loaded by the search worker wrapper (importScripts) and by node in the tests (require).
 */
;(function (root) {
  "use strict"

  var SEPARATOR = /[\s\-–—«»،؛؟!?.,:;()\[\]"'“”‘’/|]+/

  var LIGHT = {
    "گ": "ج", "ڤ": "ف", "پ": "ب",     /* g, v, p as this text writes them (تيليجرام, فان, بيتر) */
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك",
    "ہ": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    "ـ": "",
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\ufeff": ""
  }
  var LIGHT_RE = new RegExp("[" + Object.keys(LIGHT).join("") + "]", "g")
  var LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ء": "",
    "ة": "ه", "ى": "ي"
  }
  var LETTER_RE = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g")
  var ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g
  var LATIN_MARKS = /[\u0300-\u036f]/g
  var DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g
  var ARABIC = /^[\u0621-\u064a]/

  var PREFIXES = [
    "وبال", "وكال", "وفال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل",
    "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ك", "ل"
  ]
  var MIN_STEM = 3
  var ALTERNATE_MIN = 5
  var ALTERNATE_ENDINGS = { "يا": "يه", "يه": "يا" }
  var LATIN_WORD = /^[a-z]+$/
  var VOWEL = /[aeiouy]/
  var STEM_MIN = 4
  var NISBA_ENDINGS = [["يون", 6], ["يين", 6], ["يه", 5], ["يا", 5], ["ي", 4], ["ا", 5]]

  /* Function words in their light form (hamza kept: «فإن» is one, «فان» is not) */
  var STOPWORDS = {}
  ;("في من على علي إلى الى إلي الي عن أن إن ان فإن لأن بأن وأن وإن أنه إنه انه فإنه لأنه أو او ثم قد لا لم لن ما " +
    "هذا هذه ذلك تلك التي الذي الذين هو هي هم مع كان كانت وفي ومن وعلى وإلى ولا إذا كل جميع هل تم متى متي ماذا " +
    "فى التى الذى هى وفى وعلي " +
    "the a an of in on at to and or is are was were be been by for with from as it its that this these " +
    "those which who what when into than then there their they he she his her him not no but if so s all every each"
  ).split(" ").forEach(function (word) { STOPWORDS[word] = true })

  /* The Arabic article as Latin script writes it ("al shurta", "al-shurta"): neither indexed nor
     asked for, like a stop word; the skeleton rule reads a run of words across it */
  var ARTICLES = { al: true, el: true }

  function light(text) {
    return String(text)
      .normalize("NFKC").toLowerCase()
      .normalize("NFD").replace(LATIN_MARKS, "").normalize("NFC")
      .replace(ARABIC_MARKS, "")
      .replace(LIGHT_RE, function (ch) { return LIGHT[ch] })
      .replace(DIGITS, function (ch) {
        var code = ch.charCodeAt(0)
        return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
      })
  }

  function fold(text) {
    return light(text)
      .replace(/ئو/g, "ؤو")            /* مسئولية and مسؤولية are one word */
      .replace(LETTER_RE, function (ch) { return LETTERS[ch] })
  }

  function tokens(text) {
    return fold(text).split(SEPARATOR).filter(function (tok) { return tok.length > 0 })
  }

  function isStop(word) {
    return STOPWORDS[light(word)] === true
  }

  function isArticle(token) {
    return ARTICLES[token] === true
  }

  function words(text) {
    return light(text).split(SEPARATOR)
      .filter(function (word) { return word.length > 0 })
      .map(function (word) { return [fold(word), STOPWORDS[word] === true || ARTICLES[word] === true] })
  }

  function ends(word, endings) {
    for (var i = 0; i < endings.length; i++)
      if (word.slice(-endings[i].length) === endings[i])
        return true
    return false
  }

  function stem(word) {
    if (word.length < STEM_MIN || !LATIN_WORD.test(word))
      return word
    var w = word
    if (ends(w, ["ies"]))
      w = w.slice(0, -3) + "y"
    else if (ends(w, ["sses", "xes", "ches", "shes", "zes"]))
      w = w.slice(0, -2)
    else if (ends(w, ["s"]) && !ends(w, ["ss", "us", "is"]))
      w = w.slice(0, -1)
    var endings = ["ed", "ing"]
    for (var i = 0; i < endings.length; i++) {
      var rest = w.slice(0, -endings[i].length)
      if (ends(w, [endings[i]]) && rest.length >= 3 && VOWEL.test(rest)) {
        w = rest
        if (w[w.length - 1] === w[w.length - 2] && "lsz".indexOf(w[w.length - 1]) < 0)
          w = w.slice(0, -1)
        break
      }
    }
    if (ends(w, ["er"]) && w.length >= 7)
      w = w.slice(0, -2)
    if (w.length >= 5 && ends(w, ["ian", "ium"]))
      w = w.slice(0, -2)
    else if (w.length >= 4 && ends(w, ["ia"]))
      w = w.slice(0, -1)
    if (w.length >= 4 && ends(w, ["y"]) && "aeiou".indexOf(w[w.length - 2]) < 0)
      w = w.slice(0, -1) + "i"
    if (w.length >= 4 && ends(w, ["e"]))
      w = w.slice(0, -1)
    return w
  }

  function nisba(form) {
    for (var i = 0; i < NISBA_ENDINGS.length; i++) {
      var ending = NISBA_ENDINGS[i][0]
      if (ends(form, [ending]) && form.length >= NISBA_ENDINGS[i][1] && form.length - ending.length >= MIN_STEM)
        return form.slice(0, -ending.length)
    }
    return form
  }

  function spellings(token) {
    var out = [token]
    if (!ARABIC.test(token))
      return out
    for (var i = 0; i < PREFIXES.length; i++) {
      var prefix = PREFIXES[i]
      if (token.indexOf(prefix) === 0 && token.length - prefix.length >= MIN_STEM) {
        var bare = token.slice(prefix.length)
        if (out.indexOf(bare) < 0)
          out.push(bare)
      }
    }
    out.slice().forEach(function (form) {
      var ending = form.slice(-2)
      if (form.length >= ALTERNATE_MIN && ALTERNATE_ENDINGS.hasOwnProperty(ending)) {
        var other = form.slice(0, -2) + ALTERNATE_ENDINGS[ending]
        if (out.indexOf(other) < 0)
          out.push(other)
      }
    })
    return out
  }

  function isArabic(token) {
    return ARABIC.test(token)
  }

  function short(form) {
    return ARABIC.test(form) ? nisba(form) : stem(form)
  }

  /* given: the token's spellings when the caller has them already (computed once) */
  function forms(token, given) {
    var out = (given || spellings(token)).slice()
    out.slice().forEach(function (form) {
      var derived = short(form)
      if (out.indexOf(derived) < 0)
        out.push(derived)
    })
    return out
  }

  function queryTerms(query) {
    var out = []
    tokens(query).forEach(function (tok) {
      forms(tok).forEach(function (form) {
        if (out.indexOf(form) < 0)
          out.push(form)
      })
    })
    return out
  }

  /* Whole-text keys: "=" + tokens joined by "_", as typed and at their shortest forms */
  var KEY_MARK = "="
  function shortestForm(token) {
    return forms(token).reduce(function (a, b) { return b.length < a.length ? b : a })
  }
  function keys(text) {
    var toks = tokens(text)
    if (!toks.length)
      return []
    var out = [KEY_MARK + toks.join("_")]
    var shortest = KEY_MARK + toks.map(shortestForm).join("_")
    if (out.indexOf(shortest) < 0)
      out.push(shortest)
    if (toks.length === 1)
      forms(toks[0]).forEach(function (form) {
        if (out.indexOf(KEY_MARK + form) < 0)
          out.push(KEY_MARK + form)
      })
    return out
  }

  /* Consonant skeletons (see normalise.py, 5): "tilijram" and «تيليجرام» → "tljrm" */
  var SKELETON_MARK = "%", SKELETON_MIN = 2, SKELETON_LETTERS = 4
  var SKELETON_DIGRAPHS = [["sh", "s"], ["ch", "s"], ["th", "t"], ["dh", "d"], ["kh", "k"], ["gh", "j"],
    ["ph", "f"], ["ck", "k"]]
  var SKELETON = {
    b: "b", p: "b", c: "k", k: "k", q: "k", g: "j", j: "j", f: "f", v: "f",
    x: "ks", d: "d", h: "h", l: "l", m: "m", n: "n", r: "r", s: "s", t: "t", z: "z",
    "7": "h", "5": "k", "6": "t", "9": "k",
    "ب": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "غ": "j", "ح": "h", "ه": "h", "خ": "k", "ق": "k", "ك": "k",
    "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ش": "s", "ص": "s", "ف": "f",
    "ل": "l", "م": "m", "ن": "n"
  }

  function skeleton(token) {
    var word = token
    if (ARABIC.test(word)) {
      if (word.length > 2 && word.charAt(word.length - 1) === "ه")
        word = word.slice(0, -1)
    } else {
      SKELETON_DIGRAPHS.forEach(function (pair) { word = word.split(pair[0]).join(pair[1]) })
    }
    var out = word.charAt(0) === "ي" || word.charAt(0) === "y" ? "y" : ""  /* a first ي is y */
    var latin = /[a-z]/.test(word)
    for (var i = 0; i < word.length; i++) {
      var ch = word.charAt(i)
      var letters = SKELETON.hasOwnProperty(ch) && (latin || !/[0-9]/.test(ch)) ? SKELETON[ch] : ""
      for (var j = 0; j < letters.length; j++)
        if (out.charAt(out.length - 1) !== letters.charAt(j))
          out += letters.charAt(j)
    }
    return out
  }

  function skeletonKey(toks) {
    var joined = toks.map(skeleton).join("")
    if (toks.join("").length < SKELETON_LETTERS || joined.length < SKELETON_MIN)
      return ""
    return SKELETON_MARK + joined
  }

  /* A Latin query word's other spellings of one Arabic word (see normalise.py): final vowel + h
     also without the h, final -at/-et after a consonant also as -a, Arabizi 2 also as q, each
     "th" also as "dh" */
  var CONSTRUCT = /[^aeiou][ae]t$/, RUN_KEYS_MAX = 8
  function latinVariants(token) {
    var out = [token]
    if (ARABIC.test(token))
      return out
    if (token.length > 2 && /[aei]h$/.test(token))   /* a vowel before: not "sh", "kh"… */
      out.push(token.slice(0, -1))
    if (token.length >= 5 && CONSTRUCT.test(token))
      out.push(token.slice(0, -1))
    if (token.indexOf("2") >= 0 && /[a-z]/.test(token))
      out.push(token.split("2").join("q"))   /* Arabizi 2: hamza, or ق as many dialects say it */
    out.slice().forEach(function (form) {
      if (form.indexOf("th") >= 0)
        out.push(form.split("th").join("dh"))
    })
    return out
  }

  /* A run of query words read as one name, each [token, was a Latin article before it?]: its
     skeleton keys without the articles, then with each as "al", for every combination of the
     words' latinVariants, at most RUN_KEYS_MAX (see normalise.py) */
  function skeletonRunKeys(run) {
    var combos = [[]]
    run.forEach(function (w) {
      var next = []
      combos.forEach(function (combo) {
        latinVariants(w[0]).forEach(function (form) { next.push(combo.concat([[form, w[1]]])) })
      })
      combos = next
    })
    var out = []
    combos.forEach(function (combo) {
      var whole = []
      combo.forEach(function (w) {
        if (w[1])
          whole.push("al")
        whole.push(w[0])
      })
      ;[skeletonKey(combo.map(function (w) { return w[0] })), skeletonKey(whole)].forEach(function (key) {
        if (key && out.indexOf(key) < 0)
          out.push(key)
      })
    })
    return out.slice(0, RUN_KEYS_MAX)
  }

  function bare(token) {
    return token.indexOf("ال") === 0 && token.length - 2 >= MIN_STEM ? token.slice(2) : token
  }

  function skeletonKeys(text) {
    var toks = tokens(text)
    if (!toks.length || !toks.every(function (tok) { return ARABIC.test(tok) }))
      return []
    var out = []
    ;[skeletonKey(toks), skeletonKey(toks.map(bare))].forEach(function (key) {
      if (key && out.indexOf(key) < 0)
        out.push(key)
    })
    return out
  }

  /* Word skeletons (see normalise.py, 6): one word of running text as its skeleton, marked "$" */
  var WORD_MARK = "$", WORD_SKELETON_MIN = 3, WORD_SKELETON_LETTERS = 5
  function wordSkeletons(token) {
    if (!ARABIC.test(token))
      return []
    var out = []
    ;[token, bare(token)].forEach(function (form) {
      var found = skeleton(form)
      if (found.length >= SKELETON_MIN && out.indexOf(WORD_MARK + found) < 0)
        out.push(WORD_MARK + found)
    })
    return out
  }

  function latinWordSkeletons(token) {
    if (ARABIC.test(token) || !/[a-z]/.test(token))
      return []
    var shortest = token.length >= WORD_SKELETON_LETTERS ? SKELETON_MIN : WORD_SKELETON_MIN
    var out = []
    latinVariants(token).forEach(function (form) {
      var found = skeleton(form)
      if (found.length >= shortest && out.indexOf(WORD_MARK + found) < 0)
        out.push(WORD_MARK + found)
    })
    return out
  }

  var api = {
    light: light, fold: fold, tokens: tokens, words: words, isStop: isStop, forms: forms, stem: stem,
    spellings: spellings,
    nisba: nisba, isArabic: isArabic, short: short,
    STOPWORDS: Object.keys(STOPWORDS).sort(), queryTerms: queryTerms, keys: keys, SEPARATOR: SEPARATOR,
    skeleton: skeleton, skeletonKey: skeletonKey, skeletonKeys: skeletonKeys, SKELETON_MARK: SKELETON_MARK,
    isArticle: isArticle, skeletonRunKeys: skeletonRunKeys, latinVariants: latinVariants,
    wordSkeletons: wordSkeletons, latinWordSkeletons: latinWordSkeletons, WORD_MARK: WORD_MARK
  }
  if (typeof module !== "undefined" && module.exports)
    module.exports = api
  else
    root.EditionNormalise = api
})(typeof self !== "undefined" ? self : this)
