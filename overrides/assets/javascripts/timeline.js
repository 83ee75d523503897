/* The timeline's article/external filter, and opening the event a link points to.
   Progressive enhancement: without scripts every event is listed and each opens by itself, and
   the filter form is not shown (timeline.css shows it under the edition-js class). No dependencies. */
(function () {
  "use strict"

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1))
    var target = id && document.getElementById(id)
    if (target && target.matches("details.edition-tl-event")) {
      target.open = true
      var item = target.closest(".edition-tl-item")
      if (item && item.hidden) showAll()
    }
  }

  var form, items, groups, status

  function apply(value) {
    var shown = 0
    items.forEach(function (item) {
      var visible = value === "all" || item.getAttribute("data-source") === value
      item.hidden = !visible
      if (visible) shown += 1
    })
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".edition-tl-item:not([hidden])")
    })
    status.textContent = form
      .getAttribute("data-count")
      .replace("{shown}", shown)
      .replace("{total}", items.length)
  }

  function showAll() {
    var all = form && form.querySelector('input[value="all"]')
    if (all) {
      all.checked = true
      apply("all")
    }
  }

  function init() {
    form = document.querySelector("form.edition-tl-filter")
    if (form) {
      items = Array.prototype.slice.call(document.querySelectorAll(".edition-tl-item"))
      groups = Array.prototype.slice.call(document.querySelectorAll(".edition-tl-group"))
      status = form.querySelector(".edition-tl-count")
      form.addEventListener("change", function (ev) {
        if (ev.target && ev.target.name === "edition-tl-show") apply(ev.target.value)
      })
      form.addEventListener("submit", function (ev) {
        ev.preventDefault()
      })
      var checked = form.querySelector("input:checked")
      apply(checked ? checked.value : "all")
    }
    openTarget()
  }

  window.addEventListener("hashchange", openTarget)
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init)
  else init()
})()
