/*
 * Search worker wrapper. Material's page script starts this file as its search worker (the hook
 * points the `search` entry of Material's config here); it loads Material's own worker and changes
 * what goes in and out of it, keeping Material's search UI, ranking and highlighting:
 *
 * 1. Index: every token lunr indexes goes through EditionNormalise (fold + proclitic, -يا/-يه and
 *    nisba forms; a Latin word's light English stem); a stem that is not one of the word's
 *    spellings is indexed marked ("#analyst" for "analysts"), so a page that has the word as
 *    typed can be told from one that has only an inflection of it. A query word asks for its
 *    spellings, its stem marked (other inflections) and its stem plain (an indexed word that is
 *    itself the stem: "analysts" finds "analyst");
 *    stop words (in their hamza-keeping light form) are not indexed. An Arabic word is also
 *    indexed as its word skeletons ("$mdn" for مدينة; see 2, Transliterations). Each form keeps
 *    the token's position, so highlighting still marks the original, unfolded text.
 * 2. Query: before Material's handler sees a query, it is replaced by the folded forms of its
 *    words (stop words left out) and its whole-text keys (see normalise.js). Only the word being
 *    typed (the last one, when the query does not end with a space, and not in a query of two
 *    stop words or more, «تم تم») is matched as a prefix; a
 *    Latin word being typed that is already a whole indexed word is matched whole ("Van" does
 *    not find "vanished"), and so is a Latin word's stem. Every other word is matched whole.
 *    Typos: a word of FUZZY_MIN letters or more that matches nothing in the index (no form of it,
 *    whole or, for the word being typed, as a prefix) is asked as the indexed words one edit away
 *    from it (lunr's edit-distance automaton: تويتير → تويتر, Ostayen → Ostaeyen). A word that
 *    matches something is never widened, so a typo can only add results where there were none.
 *    A word of four letters is asked so only as the words of pages' names one edit away.
 *    Transliterations: such a word, and each run of such words, is also asked as its consonant
 *    skeleton, which entity pages index for their Arabic names ("Tilijram" → تيليجرام); such a
 *    word, or a Latin word of a page's name, also asks for its word skeletons, which the index
 *    holds for every Arabic word ("madinat ashbah" → مدينة أشباح; normalise.wordSkeletons).
 * 3. Highlighting: one indexed position can match several forms of one word ("لندن" and its form
 *    "ندن"); Material's highlighter expects each position once and, given it twice, wraps a
 *    <mark> inside its own <mark> tag. Each position is kept once per field, at the root (lunr's
 *    match data), before Material highlights; every distinct position is kept, so a word that
 *    occurs twice («تام تام») is marked twice.
 * 4. Results: the forms Material reports as matched are mapped back to the words typed. Pages of
 *    the reader's edition come first; among them, in this order:
 *    - pages whose naming fields hold more of a description's head, the words before a relative
 *      pronoun ("company that developed the app": the company, though the app's page holds more
 *      of the clause's words, even all of them; see markHead);
 *    - pages whose best entry matches more of the words typed (lunr adds up scores, so a page
 *      rich in one word could outrank one that has them all); an entry counts the words one
 *      paragraph of its text holds, with those of its other fields: a long text (the article, the
 *      bibliography) holds most words of any query somewhere; the parallel reading counts one
 *      less for a query written wholly in the other edition's script (digits aside), which it
 *      holds only as the translation of the article (an English phrase in the Arabic edition: the
 *      page the phrase is about first, as the blind sets' authors mostly expect), unless the
 *      query names it ("qiraa mutawazia"); the article's entries hold their paragraphs in the
 *      other language too (`counterpart`), counted as paragraphs: in the Arabic edition, where
 *      they are the translation, one less for such a query, as on the parallel reading;
 *    - the page whose whole-name key the query is (a name's own page);
 *    - for a question that opens with "who" or "whose" and names no kind, a person's page (see WHO);
 *    - of pages that match the same words, those matching more by their own forms, not only
 *      through a synonym, or through a synonym in their title or names (see sameWords);
 *    - pages whose naming fields (title, names, keys, role) taken together hold two or more of
 *      the words (the entity a description describes, before a page that merely uses the words);
 *    - for a query that says when and asks no where, the timeline (see WHEN);
 *    - pages holding all the words typed, two or more, as one run in one field (a phrase of the
 *      article: the article, and a page that quotes it as evidence, alike);
 *    - of pages that match the same words, those matching more of them as spelt (in one of
 *      their spellings, not only by a stem or as a typo: "the analyst" finds the analyst before
 *      "journalists and analysts");
 *    - pages matching more of them in one field (a role that says "Belgian researcher" over a
 *      name that says "Belgian" and a role that says "researcher"; a whole-name key counts as
 *      all), first in any entry, then in the fields that name the page; then Material's order.
 *    The parallel reading, which repeats the article, comes right after the article when the
 *    article matches as well. Pages of the other edition (entries with an `edition` field: names
 *    only, marked with their language at build time) follow, and only when the same page of the
 *    reader's edition is not already listed.
 *
 * The hook writes the real name of Material's worker in place of MATERIAL_WORKER at build time.
 */
;(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3
  var latinEdition = false             /* the edition's language is written in Latin script */
  var foreign = false                  /* the query is written in the other edition's script */
  var LATIN = /^[a-z0-9]/
  var pending = []                     /* one entry per query, in order: the words typed */
  var loaded = false                   /* Material's worker is in and lunr is patched */
  var early = []                       /* messages that came before that (iframe shim only) */
  var vocabulary = null                /* the built index's terms (lunr's inverted index) */
  var tokenSet = null                  /* the built index's terms as lunr's automaton */
  var FUZZY_MIN = 5, FUZZY_MAX = 12    /* typo tolerance: words of 5+ letters, 12 candidates */
  var NAME_FUZZY_MIN = 4               /* and words of 4 letters, against names only (nearby) */
  var nameWords = {}                   /* the spellings of every word of pages' names */
  var STEM = "#"                       /* marks an indexed stem (a form not among the spellings) */
  var current = []                     /* the words of the query being searched */
  var started = []                     /* when each pending query came in (for `ms`, see 4) */
  var together = {}                    /* entry location → most query words matched in one field */
  var named = {}                       /* the same, in the fields that name the page (see 4) */
  var described = {}                   /* entry location → query words matched in the naming
                                          fields taken together (see 4) */
  var NAMING = { title: true, names: true, keys: true, role: true }
  var HIDDEN = { names: true, keys: true, role: true, about: true, more: true, quotes: true,
    counterpart: true }  /* searched, not shown */
  var PARAGRAPHS = { text: true, counterpart: true }  /* fields of paragraphs, one to a block
                                          (Material numbers each field's blocks from 0) */
  var wordKeys = {}                    /* key of one word of the query → that word's index */
  var termWords = {}                   /* indexed term → the query words it matches (wordsOf) */
  var asSpelt = {}                     /* entry location → query words matched as spelt (not
                                          only by a stem or as a typo) */
  var asTyped = {}                     /* entry location → query words matched by their own forms
                                          (not only through a synonym) */
  var titled = {}                      /* entry location → the query words its title or names
                                          hold, by any form (index → true) */
  var matchedWords = {}                /* entry location → which query words it matches, one
                                          "1" or "0" per word ("101": the first and the third) */
  var phrased = {}                     /* entry location → the longest run of query words found
                                          one after the other, in order, in one of its fields */
  var keyed = {}
  var headed = {}                      /* entry location → the description's head words (see
                                          markHead) the fields that name it hold */
  var paragraphed = {}                 /* entry location → the most query words one paragraph
                                          of its text holds, with its other fields' (see 4) */
  var PHRASE_GAP = 3                   /* words may be this many tokens apart in a run (stop
                                          words, which are not asked, or an inline tag between) */

  /* Registered before Material's listener, so it rewrites the message Material then reads */
  addEventListener("message", function (ev) {
    var setup = ev.data
    if (setup && setup.type === SETUP && setup.data && setup.data.config)
      latinEdition = setup.data.config.edition === "en"   /* search.merge_indexes writes it */
    if (!loaded) {
      /* Under the iframe shim scripts load asynchronously: hold messages until Material listens */
      ev.stopImmediatePropagation()
      early.push(ev.data)
      return
    }
    var message = ev.data
    if (!message || message.type !== QUERY || typeof message.data !== "string")
      return
    started.push(performance.now())
    message.data = rewrite(message.data)
  })

  /* A description's head: the words before a relative pronoun ("company that developed the
     app", «التنظيم الذي تبنى الهجوم»), or one or two words before in / at / by / في ("analyst at
     Business Insider", «المختص في الحركات الجهادية»), when words come before and after it: what
     the reader wants is what the head names, and the rest says which one. Marks them (w[3]) */
  var RELATIVE = { that: true, who: true, which: true, whose: true, whom: true,
    "الذي": true, "التي": true, "الذين": true, "اللذان": true, "اللتان": true, "اللذين": true,
    "اللتين": true, "اللواتي": true, "اللاتي": true }
  var PREPOSITION = { "in": true, at: true, by: true, "في": true }
  /* A question that opens with "who" or "whose" and names no kind ("who first noticed the groups
     moving", "whose tweet pointed to TamTam", «الذين ظنوا أن المجموعات فخ»): a person's page
     first, among pages that match as many words.
     «من» is also "from": not before a question word («من أين») or a noun with the article
     («من التيليجرام») */
  var WHO = { who: true, whose: true, "من": true, "الذين": true, "اللذين": true, "اللذان": true, "اللواتي": true }
  var NOT_WHO = { "اين": true, "متي": true, "هنا": true, "هناك": true, "خلال": true, "قبل": true, "بعد": true }
  var asksWho = false
  /* A query that says when («اختفاء المجموعات ظهيرة الثلاثاء», «متى أعلن داعش مسؤوليته»,
     "groups disappeared on Saturday noon") and asks no where: the timeline (its entry is `dated`)
     first, among pages that match as many words and whose naming fields do not hold more of them,
     two or more (the place of "the attack near London Bridge last Friday" still comes first; a
     page named by one word of the query does not: "Telegram on Sunday" finds the timeline). Each
     word is looked up in its spellings, with and without clitics («بمساء», «والجمعة»), as
     normalise.words folds them; Sunday and Monday only with the article («الأحد», «الاثنين»):
     bare, «أحد» is also "one of" and «اثنين» "two". Not "site" or «موقع» among the words that
     ask where: in this article they name the website too */
  var WHEN = {}
  ;("متي جمعه سبت الاحد الاثنين ثلاثا اربعا خميس مسا ظهيره صباح when friday saturday sunday " +
    "monday tuesday wednesday thursday evening afternoon morning noon").split(" ").forEach(function (w) {
    WHEN[w] = true
  })
  var NOT_WHEN = { "اين": true, "مكان": true, where: true }
  var asksWhen = false
  function markHead(all) {
    for (var i = 1; i < all.length - 1; i++) {
      if (RELATIVE[all[i][0]] !== true && !(i <= 2 && PREPOSITION[all[i][0]] === true))
        continue
      var before = all.slice(0, i).filter(function (w) { return !w[1] })
      if (before.length && all.slice(i + 1).some(function (w) { return !w[1] }))
        before.forEach(function (w) { w[3] = true })
      return
    }
  }

  /* The words of a query, as lunr query terms (see 2 above) */
  function rewrite(query) {
    var N = self.EditionNormalise
    var all = N.words(query)
    var lettered = all.filter(function (w) { return !/^[0-9]+$/.test(w[0]) })  /* digits: either script */
    foreign = lettered.length > 0 && lettered.every(function (w) { return LATIN.test(w[0]) !== latinEdition })
    asksWho = all.length > 1 && WHO[all[0][0]] === true && NOT_WHO[all[1][0]] !== true &&
      !(all[0][0] === "من" && all[1][0].indexOf("ال") === 0)
    markHead(all)
    var spelledIn = function (set) {   /* a word any of whose spellings the set holds */
      return function (w) { return N.spellings(w[0]).some(function (f) { return set[f] === true }) }
    }
    asksWhen = all.some(spelledIn(WHEN)) && !all.some(spelledIn(NOT_WHEN))
    var content = all.filter(function (w, i) {
      /* a word after the Arabic article in Latin script ("al-irhab"): its skeleton is read
         with and without it (see skeletons) */
      w[2] = i > 0 && N.isArticle(all[i - 1][0])
      return !w[1]
    })
    var stopsOnly = !content.length
    if (stopsOnly)
      content = all                    /* a query of stop words only asks for them */
    /* The last word is matched as a prefix while it is typed, but not in a query of two stop
       words or more: stop words are not indexed, so «تم تم» (TamTam) would only find the words
       that start with «تم» («تمشيط»), and Material keeps only the pages that match a word asked
       as a prefix, not TamTam's, whose whole-name key the query is */
    var typing = !/\s$/.test(query) && !(stopsOnly && content.length > 1)
    var words = content.map(function (w, i) {
      var token = w[0]
      var prefix = typing && i === content.length - 1 &&
        !(LATIN.test(token) && vocabulary && has(vocabulary, token))
      var spellings = N.spellings(token)
      var forms = spellings.slice()
      var whole = {}                   /* forms matched whole even in the word being typed */
      spellings.forEach(function (spelling) {
        /* its stem: marked, the same stem of an indexed word; plain, an indexed word that is
           itself the stem (as normalise.forms derives it) */
        var stem = N.short(spelling)
        var asked = spellings.indexOf(stem) < 0 ? [STEM + stem, stem] : [STEM + stem]
        asked.forEach(function (form) {
          if (forms.indexOf(form) < 0)
            forms.push(form)
          whole[form] = true
        })
      })
      var unknown = !forms.some(function (form) { return found(form, prefix && !whole[form]) })
      var near = !unknown || token.length < NAME_FUZZY_MIN ? []
        : nearby(N.forms(token, spellings), token.length < FUZZY_MIN)
      near.forEach(function (form) { whole[form] = true })
      return {
        word: token, forms: forms.concat(near), spellings: spellings, prefix: prefix, whole: whole,
        unknown: unknown, near: near, article: w[2] === true, head: w[3] === true
      }
    })
    skeletons(words)
    synonyms(words)
    pending.push(words)
    current = words
    termWords = {}
    /* Only what the index holds is asked (a form or key it lacks matches nothing anyway, and
       every term asked costs lunr and Material's highlighter time) */
    var terms = []
    words.forEach(function (w) {
      w.forms.forEach(function (form) {
        var asPrefix = w.prefix && !w.whole[form]
        if (!found(form, asPrefix))
          return
        /* "^1" keeps Material from adding its trailing wildcard: the word is matched whole */
        var term = asPrefix ? form : form + "^1"
        if (terms.indexOf(term) < 0)
          terms.push(term)
      })
    })
    /* Whole-name keys are asked exactly: the query's, and in a query of several words each
       word's, so a word that is by itself a name («داعش ISIS») counts for that name's page */
    wordKeys = {}
    N.keys(query).forEach(function (key) {
      if (found(key, false))
        terms.push(key + "^1")
    })
    /* A one-word query that matched nothing also asks the whole-name keys of the words one edit
       away (a typo corrected counts as the word typed: «داغش» ranks داعش's own page first) */
    if (words.length === 1)
      words[0].near.forEach(function (term) {
        N.keys(term).forEach(function (key) {
          if (found(key, false) && terms.indexOf(key + "^1") < 0)
            terms.push(key + "^1")
        })
      })
    if (words.length > 1)
      words.forEach(function (w, i) {
        N.keys(w.word).forEach(function (key) {
          wordKeys[key] = i
          if (found(key, false) && terms.indexOf(key + "^1") < 0)
            terms.push(key + "^1")
        })
      })
    return terms.join(" ")
  }

  /* The thesaurus (data/search_terms.yaml, put before this script at build time as groups of
     terms, each term its folded words): each term's words as the sets of their forms, made once */
  var thesaurus = null
  function terms() {
    if (thesaurus)
      return thesaurus
    var N = self.EditionNormalise
    thesaurus = (self.EditionThesaurus || []).map(function (group) {
      return group.map(function (term) {
        return term.map(function (word) {
          var spellings = N.spellings(word)
          /* what a query word that this word stands for asks: its spellings, whole (a group
             lists the inflections it wants) */
          return { forms: N.forms(word, spellings), asked: spellings }
        })
      })
    })
    return thesaurus
  }

  /* Synonyms: where the words typed hold a term of a thesaurus group (its words one after the
     other, stop words left out, any form of each), each of those words also asks for every other
     one-word term of the group, whole. The page that says "police" then counts for both words
     of "law enforcement", as if they had been typed in its words. A term of several words is
     recognised in a query but not asked for: its words one by one ("chat", "groups") would
     match most pages, which is slow and says little. */
  function synonyms(words) {
    words.forEach(function (w) { w.own = w.forms.length })  /* the forms before: its own */
    var own = words.map(function (w) {
      var set = {}
      self.EditionNormalise.forms(w.word, w.spellings).forEach(function (form) { set[form] = true })
      return set
    })
    terms().forEach(function (group) {
      group.forEach(function (term, t) {
        for (var start = 0; start + term.length <= words.length; start++) {
          var hit = term.every(function (word, j) {
            return word.forms.some(function (form) { return own[start + j][form] === true })
          })
          if (!hit)
            continue
          for (var j = 0; j < term.length; j++) {
            var w = words[start + j]
            group.forEach(function (other, o) {
              if (o === t || other.length > 1)
                return
              other.forEach(function (word) {
                word.asked.forEach(function (form) {
                  /* only what the index holds: every form is looked for in every result */
                  if (w.forms.indexOf(form) < 0 && found(form, false)) {
                    w.forms.push(form)
                    w.whole[form] = true
                  }
                })
              })
            })
          }
        }
      })
    })
  }

  /* Transliterations: a word the index does not hold at all (no form of it, whole or as the
     word being typed), and each run of such words one after the other ("Da'ish" is typed as
     "da" and "ish"), also asks for its consonant skeleton (normalise.skeletonKey), whole: entity
     pages index the skeletons of their Arabic names, so "Tilijram" finds تيليجرام and "Jisr
     Lundun" جسر لندن. Every word of the run counts as matched by it. The Latin article ("al",
     "el") is not a word of the query but the run reads across it, with and without it
     (normalise.skeletonRunKeys): "bahithu al-irhab" meets باحثو الإرهاب. Such a word also asks
     for its word skeletons (normalise.latinWordSkeletons), which the index holds for every Arabic
     word of every page: "madinat ashbah" meets مدينة أشباح in the text. */
  function skeletons(words) {
    var N = self.EditionNormalise
    words.forEach(function (w) {
      if (!w.unknown && !has(nameWords, w.word))
        return
      N.latinWordSkeletons(w.word).forEach(function (key) {
        if (found(key, false) && w.forms.indexOf(key) < 0) {
          w.forms.push(key)
          w.whole[key] = true
        }
      })
    })
    for (var start = 0; start < words.length; start++) {
      if (!words[start].unknown)
        continue
      for (var end = start + 1; end <= words.length && words[end - 1].unknown; end++) {
        var run = words.slice(start, end)
        N.skeletonRunKeys(run.map(function (w) { return [w.word, w.article] })).forEach(function (key) {
          if (!found(key, false))
            return
          run.forEach(function (w) {
            if (w.forms.indexOf(key) < 0) {
              w.forms.push(key)
              w.whole[key] = true
            }
          })
        })
      }
    }
  }

  /* Is a form in the index: whole, or (the word being typed) as the start of an indexed word? */
  function found(form, asPrefix) {
    if (!vocabulary)
      return true
    if (!asPrefix)
      return has(vocabulary, form)
    var node = tokenSet
    for (var i = 0; node && i < form.length; i++)
      node = node.edges[form.charAt(i)]
    return !!node                      /* every state of lunr's token set leads to a word */
  }

  /* A word that matches nothing: the indexed words one edit away from its forms of FUZZY_MIN
     letters or more (lunr's edit distance 1; not the whole-name keys), at most FUZZY_MAX; for a
     word of NAME_FUZZY_MIN letters (names: true), only the words of pages' names (entities and
     fixed pages, the entries with `keys`): among all the words of the text, one edit from a word
     of four letters lands on many others; among names, seldom («داغش» → داعش) */
  function nearby(forms, names) {
    var out = []
    forms.forEach(function (form) {
      if (form.length < (names ? NAME_FUZZY_MIN : FUZZY_MIN))
        return
      tokenSet.intersect(self.lunr.TokenSet.fromFuzzyString(form, 1)).toArray()
        .forEach(function (term) {
          if (!MARKED.test(term) && term.charAt(0) !== STEM &&
              out.indexOf(term) < 0 && forms.indexOf(term) < 0 && (!names || has(nameWords, term)))
            out.push(term)
        })
    })
    return out.slice(0, FUZZY_MAX)
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key)
  }

  /* Words typed → Material's per-term flags, reordered groups (see 4 above) */
  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    if (message && message.type === RESULT && pending.length) {
      var words = pending.shift()
      var since = started.shift()
      var data = message.data || {}
      asSpelt = {}
      asTyped = {}
      matchedWords = {}
      data.items = order((data.items || []).map(function (group) {
        return group.map(function (item) {
          var before = item.terms || {}
          var after = {}, spelt = 0, literal = 0, which = ""
          var inName = titled[item.location] || {}
          words.forEach(function (w, i) {
            var matched = false
            for (var f = 0; f < w.forms.length && !matched; f++)
              if (before[w.forms[f]] === true) {
                matched = true
                /* one of the word's own forms, not a synonym's; or a synonym of it that names the
                   page: "Daesh followers" asks for the page called "ISIS supporters" before the
                   notes, which say "followers" */
                if (f < w.own || inName[i])
                  literal++
              }
            which += matched ? "1" : "0"
            if (matched || Object.keys(before).length)
              after[w.word] = matched
            if (w.spellings.some(function (form) { return before[form] === true }))
              spelt++
          })
          item.terms = after
          asSpelt[item.location] = spelt
          asTyped[item.location] = literal
          matchedWords[item.location] = which
          return item
        })
      }))
      /* The worker's time on this query, query message in to result message out (benchmark) */
      message.ms = performance.now() - since
    }
    return post.apply(self, arguments)
  }

  function coverage(group) {
    return group.reduce(function (best, item) {
      var n = 0
      for (var word in item.terms)
        if (item.terms[word] === true)
          n++
      if (has(paragraphed, item.location))
        n = Math.min(n, paragraphed[item.location])
      return Math.max(best, n)
    }, 0)
  }

  function concentration(group) {
    return group.reduce(function (best, item) {
      return Math.max(best, together[item.location] || 0)
    }, 0)
  }

  function page(group) {
    for (var i = 0; i < group.length; i++)
      if (group[i].location.indexOf("#") < 0)
        return group[i]
    return group[0]
  }

  /* A page that holds every word typed, two or more, as one run in one field of one entry (the
     article's text, or a quote of it on a page that gives it as evidence): 1, else 0 */
  function phrase(group) {
    var n = current.length
    if (n < 2)
      return 0
    return group.some(function (item) {
      return (phrased[item.location] || 0) >= n
    }) ? 1 : 0
  }

  /* Words typed found in the fields that name a page, taken together: two or more, or none */
  function namingWords(entry) {
    return entry.described >= 2 ? entry.described : 0
  }

  /* A page that reproduces another (its entries' `repeats`: the parallel reading, the article)
     comes right after it when the reproduced page matches at least as many of the words typed;
     in place, on the sorted list */
  function repeatedFirst(list) {
    for (var i = 0; i < list.length; i++) {
      var target = list[i].lead.repeats
      if (!target)
        continue
      for (var j = i + 1; j < list.length; j++) {
        if (list[j].lead.prose === target && list[j].coverage >= list[i].coverage) {
          list.splice(i, 0, list.splice(j, 1)[0])
          break
        }
      }
    }
  }

  /* Matching words by their own forms (not through a synonym), or as spelt (not by a stem or as a
     typo), tells apart pages that match the same words of the query: "supporters" finds the page
     that says "supporters" before one that says "followers". Between pages that match different
     words it says nothing of which is better: «تصحيح المقال» in the English edition found the
     article (its own «المقال») before the corrections page (which says «تصويبات», a synonym of
     «تصحيح», and whose text does not hold «المقال»), though a reader asking it wants the page
     about corrections; there, the next criteria and lunr's score decide */
  function sameWords(a, b, difference) {
    return a.words === b.words ? difference : 0
  }

  function order(groups) {
    var own = [], other = [], listed = {}
    groups.forEach(function (group, index) {
      var lead = page(group)
      /* the page's entry with most words matched by their own forms (the first of them) */
      var typed = group.reduce(function (best, item) {
        return (asTyped[item.location] || 0) > (asTyped[best] || 0) ? item.location : best
      }, group[0].location)
      var entry = {
        group: group, index: index, lead: lead,
        coverage: coverage(group) - (lead.repeats && foreign && !described[lead.location] ? 1 : 0),
        concentration: concentration(group),
        own: named[lead.location] || 0,
        head: headed[lead.location] || 0,
        who: asksWho && lead.entity === "person" ? 1 : 0,
        when: asksWhen && lead.dated ? 1 : 0,
        spelt: group.reduce(function (best, item) { return Math.max(best, asSpelt[item.location] || 0) }, 0),
        described: described[lead.location] || 0,
        keyed: group.some(function (item) { return keyed[item.location] }) ? 1 : 0,
        literal: asTyped[typed] || 0,
        words: matchedWords[typed],      /* the words that entry matches (see sameWords) */
        phrase: phrase(group)
      }
      if (lead.edition) {
        other.push(entry)
      } else {
        own.push(entry)
        listed[lead.location] = true
      }
    })
    var rank = function (a, b) {
      return b.head - a.head || b.coverage - a.coverage || b.keyed - a.keyed || b.who - a.who ||
        sameWords(a, b, b.literal - a.literal) ||
        namingWords(b) - namingWords(a) || b.when - a.when ||
        b.phrase - a.phrase ||
        sameWords(a, b, b.spelt - a.spelt) ||
        b.concentration - a.concentration || b.own - a.own || a.index - b.index
    }
    own.sort(rank)
    repeatedFirst(own)
    other = other.filter(function (e) { return !listed[e.lead.page] })
    other.sort(rank)
    return own.concat(other).map(function (e) { return e.group })
  }

  /* Fold and expand each indexed token; positions (for highlighting) travel with every form */
  function editionNormalise(token) {
    var N = self.EditionNormalise
    var out = []
    N.words(token.toString()).forEach(function (w) {
      if (w[1])
        return                         /* a stop word */
      var spellings = N.spellings(w[0])  /* once per token: forms() starts from them */
      N.forms(w[0], spellings).concat(N.wordSkeletons(w[0])).forEach(function (form) {
        var term = spellings.indexOf(form) < 0 && form.charAt(0) !== N.WORD_MARK ? STEM + form : form
        out.push(token.clone(function () { return term }))
      })
    })
    return out
  }

  /* Each position once per field in every result's match data (see 3 above) */
  function uniquePositions(results) {
    results.forEach(function (result) {
      var seen = {}
      var metadata = result.matchData.metadata
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field]
          if (!data || !data.position)
            return
          var mine = seen[field] || (seen[field] = {})
          var kept = data.position.filter(function (p) {
            /* Material's tokenizer makes a position one number, block << 20 | the token's index in
               the block, so it names one word (lunr's own [start, length] is keyed by its start) */
            var at = typeof p === "number" ? p : p[0]
            if (mine[at])
              return false
            return (mine[at] = true)
          })
          /* A copy, never the object itself: lunr's MatchData.add keeps the index's own posting
             (term → field → document) in the result, so changing it would take the positions out
             of the index for every later query (a query's results then depended on the queries
             asked before it) */
          if (kept.length !== data.position.length)
            metadata[term][field] = Object.assign({}, data, { position: kept })
        })
      })
    })
    return results
  }

  /* The words of the current query (their indexes) an indexed term matches: as one of their
     forms, or as the start of it for the word being typed; looked up once per term and query */
  function wordsOf(term) {
    if (has(termWords, term))
      return termWords[term]
    var out = []
    current.forEach(function (w, i) {
      if (w.forms.some(function (form) {
        return term === form || (w.prefix && !w.whole[form] && term.indexOf(form) === 0)
      }))
        out.push(i)
    })
    return (termWords[term] = out)
  }

  /* For every result, the most words of the current query it matches in one field (see 4 above) */
  function measureTogether(results) {
    together = {}
    named = {}
    described = {}
    phrased = {}
    keyed = {}
    paragraphed = {}
    headed = {}
    titled = {}
    results.forEach(function (result) {
      var fields = {}
      var metadata = result.matchData.metadata
      Object.keys(metadata).forEach(function (term) {
        if (has(wordKeys, term)) {
          (fields.keys || (fields.keys = {}))[wordKeys[term]] = true
          return
        }
        var hits = wordsOf(term)
        if (!hits.length)
          return
        Object.keys(metadata[term]).forEach(function (field) {
          var mine = fields[field] || (fields[field] = {})
          hits.forEach(function (i) { mine[i] = true })
        })
      })
      var best = 0, naming = 0, union = {}
      Object.keys(fields).forEach(function (field) {
        var n = Object.keys(fields[field]).length
        best = Math.max(best, n)
        if (NAMING[field]) {
          naming = Math.max(naming, n)
          Object.keys(fields[field]).forEach(function (i) { union[i] = true })
        }
      })
      described[result.ref] = Object.keys(union).length
      /* a page's own entry only: a section's title is its heading (a note's, a source's) */
      var inName = titled[result.ref] = {}
      if (result.ref.indexOf("#") < 0)
        ["title", "names"].forEach(function (f) { for (var i in fields[f] || {}) inName[i] = true })
      headed[result.ref] = Object.keys(union).filter(function (i) { return current[i].head }).length
      /* Measured: a run of every word needs a field that holds every word, and a paragraph can
         only lower the count of an entry whose text holds two of them or more */
      var n = current.length
      if (n > 1) {
        var full = Object.keys(fields).filter(function (f) { return Object.keys(fields[f]).length >= n })
        phrased[result.ref] = full.length ? longestRun(metadata, full) : 0
        /* (a counterpart's one word can lower it too: see inOneParagraph) */
        if (Object.keys(fields.text || {}).length >= 2 || fields.counterpart)
          paragraphed[result.ref] = inOneParagraph(metadata)
      }
      Object.keys(metadata).forEach(function (term) {
        if (term.charAt(0) === "=" && !has(wordKeys, term)) {
          best = naming = current.length /* the query's whole-name key: every word, in one name */
          keyed[result.ref] = true
        }
      })
      together[result.ref] = best
      named[result.ref] = naming
      /* Measured: the fields no reader sees need no highlighting (Material marks every field of
         every result, which was most of its time on a query of many words) */
      Object.keys(metadata).forEach(function (term) {
        for (var field in HIDDEN)
          delete metadata[term][field]
      })
    })
    return results
  }

  /* The most words of the query one paragraph (block) of an entry's text, or of its counterpart
     (the article's paragraphs in the other language), holds, with those its other fields hold
     (title, and the fields that name the page): a long text holds many words of any query
     somewhere */
  function inOneParagraph(metadata) {
    var rest = {}, blocks = {}         /* words in the other fields; field:block → words in it */
    Object.keys(metadata).forEach(function (term) {
      if (term.charAt(0) === "=")
        return
      var hits = wordsOf(term)
      Object.keys(metadata[term]).forEach(function (field) {
        var data = metadata[term][field]
        if (!PARAGRAPHS[field])
          hits.forEach(function (i) { rest[i] = true })
        else if (data && data.position)
          data.position.forEach(function (p) {
            if (typeof p !== "number")
              return
            var key = field + ":" + (p >> 20)
            var block = blocks[key] || (blocks[key] = {})
            hits.forEach(function (i) { block[i] = true })
          })
      })
    })
    var best = Object.keys(rest).length
    Object.keys(blocks).forEach(function (b) {
      var n = Object.keys(Object.assign({}, rest, blocks[b])).length
      /* In the Arabic edition the counterpart is the editors' English translation: a query in
         English may be anyone's words, and counts one less there, as on the parallel reading. In
         the English edition it is the Arabic original, whose words a reader quotes as they are */
      best = Math.max(best, b.indexOf("counterpart:") === 0 && foreign && !latinEdition ? n - 1 : n)
    })
    return best
  }

  /* The longest run of the query's words, in the order typed, each at most PHRASE_GAP tokens after
     the one before, in one field of one entry (of the fields named in `only`). Material's
     positions are block << 20 | the token's index in its block, so words of one block are runs of
     consecutive numbers. */
  function longestRun(metadata, only) {
    var at = {}                        /* field → word index → { position: true } */
    Object.keys(metadata).forEach(function (term) {
      if (term.charAt(0) === "=")
        return
      var hits = wordsOf(term)
      if (!hits.length)
        return
      Object.keys(metadata[term]).forEach(function (field) {
        var data = metadata[term][field]
        if (!data || !data.position || only.indexOf(field) < 0)
          return
        var mine = at[field] || (at[field] = {})
        hits.forEach(function (i) {
          var set = mine[i] || (mine[i] = {})
          data.position.forEach(function (p) { if (typeof p === "number") set[p] = true })
        })
      })
    })
    var best = 0
    Object.keys(at).forEach(function (field) {
      var run = {}                     /* position → the run of words ending there */
      for (var i = 0; i < current.length; i++) {
        var here = {}
        Object.keys(at[field][i] || {}).forEach(function (key) {
          var p = +key, n = 1
          for (var d = 1; d <= PHRASE_GAP; d++)
            if (run[p - d])
              n = Math.max(n, run[p - d] + 1)
          here[p] = n
          best = Math.max(best, n)
        })
        run = here
      }
    })
    return best
  }

  /* Material's suggestions ask every term of the query again, each required, in titles only: a
     query that requires a whole-name key or a skeleton there (marks no title word has, unlike a
     stem: most rewritten queries) can match nothing, so lunr is not asked (measured: a tenth of the
     worker's time per query) */
  var MARKED = /^[=%$]/
  function impossible(index, fn) {
    var probe = new self.lunr.Query(index.fields)
    fn.call(probe, probe)
    return probe.clauses.some(function (clause) {
      return clause.presence === self.lunr.Query.presence.REQUIRED && MARKED.test(clause.term) &&
        clause.fields.length === 1 && clause.fields[0] === "title"
    })
  }

  function patchLunr() {
    var lunr = self.lunr
    lunr.Pipeline.registerFunction(editionNormalise, "editionNormalise")
    var add = lunr.Builder.prototype.add
    lunr.Builder.prototype.add = function (doc) {
      if (this.pipeline._stack.indexOf(editionNormalise) < 0)
        this.pipeline.add(editionNormalise)
      if (doc && doc.names && doc.keys && !doc.edition)
        self.EditionNormalise.tokens(doc.names).forEach(function (tok) {
          self.EditionNormalise.spellings(tok).forEach(function (form) { nameWords[form] = true })
        })
      return add.apply(this, arguments)
    }
    var build = lunr.Builder.prototype.build
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments)
      vocabulary = index.invertedIndex
      tokenSet = index.tokenSet
      return index
    }
    /* lunr finds the indexed terms of every term asked by walking its token set against the
       term's, even for a whole word without wildcard or edit distance, which most of the terms
       this wrapper asks are: for those, the answer is the word itself if indexed (same result) */
    var fromClause = lunr.TokenSet.fromClause
    lunr.TokenSet.fromClause = function (clause) {
      var set = fromClause.apply(this, arguments)
      if (!("editDistance" in clause) && clause.term.indexOf("*") < 0)
        set.whole = clause.term
      return set
    }
    var intersect = lunr.TokenSet.prototype.intersect
    lunr.TokenSet.prototype.intersect = function (other) {
      if (this !== tokenSet || typeof other.whole !== "string")
        return intersect.apply(this, arguments)
      var found = has(vocabulary, other.whole) ? [other.whole] : []
      return { toArray: function () { return found } }
    }
    var query = lunr.Index.prototype.query
    lunr.Index.prototype.query = function (fn) {
      if (impossible(this, fn))
        return []
      return uniquePositions(query.apply(this, arguments))
    }
    var search = lunr.Index.prototype.search
    lunr.Index.prototype.search = function () {
      return measureTogether(search.apply(this, arguments))
    }
  }

  /*
   * Load Material's worker from this script's folder (the normaliser, js/normalise.js, is put
   * before this script in the same file at build time: one request). In a real worker that is
   * self.location; under the iframe-worker shim (offline bundle, file://) this script runs in an
   * iframe whose location is the page's, so the folder comes from this script's own src. There,
   * importScripts returns a Promise; in a worker it is synchronous.
   */
  var here = typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent
    ? document.querySelector("script[src]").src
    : self.location.href
  Promise.resolve(importScripts(
    new URL("MATERIAL_WORKER", here).href
  )).then(function () {
    patchLunr()
    loaded = true
    early.splice(0).forEach(function (data) {
      dispatchEvent(new MessageEvent("message", { data: data }))
    })
  })
})()
