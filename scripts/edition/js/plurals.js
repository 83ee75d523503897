/*
 * Arabic plural forms for Material's result counts. Material has two forms, "one" and "other";
 * Arabic has six (Intl.PluralRules: zero, one, two, few 3-10, many 11-99, other 100+), each with
 * its own noun form. The Arabic strings in overrides/partials/languages/ar.html read right for any
 * number without JavaScript ("عدد النتائج: 28"); this script, inlined in the Arabic pages by the
 * hook, then words each count as Arabic does ("28 نتيجة", "نتيجتان", "6 نتائج أخرى في هذه الصفحة").
 */
;(function () {
  "use strict"
  if (typeof Intl === "undefined" || !Intl.PluralRules)
    return
  var rules = new Intl.PluralRules("ar")
  var FORMS = {
    count: {
      zero: "لا توجد نتائج", one: "نتيجة واحدة", two: "نتيجتان",
      few: "# نتائج", many: "# نتيجة", other: "# نتيجة"
    },
    more: {
      zero: "", one: "نتيجة أخرى في هذه الصفحة", two: "نتيجتان أخريان في هذه الصفحة",
      few: "# نتائج أخرى في هذه الصفحة", many: "# نتيجة أخرى في هذه الصفحة",
      other: "# نتيجة أخرى في هذه الصفحة"
    }
  }
  function word(el, forms) {
    var found = /\d+/.exec(el.textContent)
    if (!found)
      return
    var text = forms[rules.select(+found[0])].replace("#", found[0])
    if (text && el.textContent !== text)
      el.textContent = text
  }
  function update() {
    var meta = document.querySelector(".md-search-result__meta")
    if (meta)
      word(meta, FORMS.count)
    document.querySelectorAll(".md-search-result__more summary > div").forEach(function (el) {
      word(el, FORMS.more)
    })
  }
  var results = document.querySelector(".md-search-result")
  if (results)
    new MutationObserver(update).observe(results, { childList: true, subtree: true, characterData: true })
})()
