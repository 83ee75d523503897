/* Keep the reader on the same paragraph when switching edition: paragraph ids (#p1 … #p19) and
   section ids are the same in both editions, so the current #fragment is carried over. */
document.addEventListener("click", function (ev) {
  var link = ev.target.closest && ev.target.closest("a.md-select__link[hreflang]")
  if (link && window.location.hash)
    link.href = link.href.split("#")[0] + window.location.hash
})
