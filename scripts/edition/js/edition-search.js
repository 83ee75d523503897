/*
 * Search worker wrapper. Material's page script starts this file as its search worker (the hook
 * points the `search` entry of Material's config here); it loads Material's own worker and changes
 * three things, keeping Material's search UI, ranking and highlighting:
 *
 * 1. Index: every token lunr indexes goes through EditionNormalise (fold + proclitic forms). Each
 *    form keeps the token's position, so highlighting still marks the original, unfolded text.
 * 2. Query: before Material's handler sees a query, it is replaced by the folded forms of its words
 *    and its whole-text keys (which match the keys of entity names, see normalise.js).
 * 3. Results: Material reports which query terms matched ("missing" terms are shown struck out);
 *    the forms are mapped back to the words the reader typed.
 *
 * The hook writes the real name of Material's worker in place of MATERIAL_WORKER at build time.
 */
;(function () {
  "use strict"

  var QUERY = 2, RESULT = 3
  var pending = []                     /* word → forms, one entry per query, in order */
  var loaded = false                   /* Material's worker is in and lunr is patched */
  var early = []                       /* messages that came before that (iframe shim only) */

  /* Registered before Material's listener, so it rewrites the message Material then reads */
  addEventListener("message", function (ev) {
    if (!loaded) {
      /* Under the iframe shim scripts load asynchronously: hold messages until Material listens */
      ev.stopImmediatePropagation()
      early.push(ev.data)
      return
    }
    var message = ev.data
    if (!message || message.type !== QUERY || typeof message.data !== "string")
      return
    var N = self.EditionNormalise
    var words = []
    N.tokens(message.data).forEach(function (token) {
      words.push({ word: token, forms: N.forms(token) })
    })
    pending.push(words)
    var terms = []
    words.forEach(function (w) {
      w.forms.forEach(function (form) {
        if (terms.indexOf(form) < 0)
          terms.push(form)
      })
    })
    /* Whole-name keys are asked exactly ("^1" keeps Material from adding a wildcard) */
    N.keys(message.data).forEach(function (key) {
      terms.push(key + "^1")
    })
    message.data = terms.join(" ")
  })

  /* Map Material's per-term match flags back to the reader's words */
  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    if (message && message.type === RESULT && pending.length) {
      var words = pending.shift()
      var items = (message.data && message.data.items) || []
      items.forEach(function (group) {
        group.forEach(function (item) {
          var before = item.terms || {}
          var after = {}
          words.forEach(function (w) {
            var matched = w.forms.some(function (form) { return before[form] === true })
            if (matched || Object.keys(before).length)
              after[w.word] = matched
          })
          item.terms = after
        })
      })
    }
    return post.apply(self, arguments)
  }

  /* Fold and expand each indexed token; positions (for highlighting) travel with every form */
  function editionNormalise(token) {
    var N = self.EditionNormalise
    var out = []
    N.tokens(token.toString()).forEach(function (folded) {
      N.forms(folded).forEach(function (form) {
        out.push(token.clone(function () { return form }))
      })
    })
    return out
  }

  function patchLunr() {
    var lunr = self.lunr
    lunr.Pipeline.registerFunction(editionNormalise, "editionNormalise")
    var add = lunr.Builder.prototype.add
    lunr.Builder.prototype.add = function () {
      if (this.pipeline._stack.indexOf(editionNormalise) < 0)
        this.pipeline.add(editionNormalise)
      return add.apply(this, arguments)
    }
  }

  /*
   * Load the normaliser and Material's worker from this script's folder. In a real worker that is
   * self.location; under the iframe-worker shim (offline bundle, file://) this script runs in an
   * iframe whose location is the page's, so the folder comes from this script's own src. There,
   * importScripts returns a Promise; in a worker it is synchronous.
   */
  var here = typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent
    ? document.querySelector("script[src]").src
    : self.location.href
  Promise.resolve(importScripts(
    new URL("normalise.js", here).href,
    new URL("MATERIAL_WORKER", here).href
  )).then(function () {
    patchLunr()
    loaded = true
    early.splice(0).forEach(function (data) {
      dispatchEvent(new MessageEvent("message", { data: data }))
    })
  })
})()
