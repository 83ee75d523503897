/* Reading aids of the edition, all from data already in the page (no request, works from file://):
   - a card on each mention (name, kind, role, link), on hover, on keyboard focus and on tap;
   - note markers that open the paragraph's notes in a popover (Escape closes, focus returns);
   - filters on lists of items (notes, claims) by one value per facet.
   Every value is written with textContent, never as HTML. Without JavaScript the mentions and
   markers are plain links and every item stays visible. */
(function () {
  "use strict"

  // How the last press came (mouse, pen, touch), and whether a touch began on a mention whose
  // card was already open: focus (which opens the card) comes before the click on a tap.
  var lastPointer = "mouse", cardWasOpen = false
  document.addEventListener("pointerdown", function (ev) {
    lastPointer = ev.pointerType || "mouse"
    var link = ev.target.closest && ev.target.closest("a.edition-mention")
    cardWasOpen = Boolean(link) && link === cardFor
  }, true)

  function make(tag, className, text) {
    var el = document.createElement(tag)
    if (className) el.className = className
    if (text) el.textContent = text
    return el
  }

  /* Place a floating box under an element, inside its nearest positioned paragraph. */
  function place(box, anchor) {
    var holder = anchor.closest("[data-para], .edition-heading-notes") || anchor.parentNode
    holder.appendChild(box)
    var h = holder.getBoundingClientRect()
    var a = anchor.getBoundingClientRect()
    var rtl = getComputedStyle(holder).direction === "rtl"
    box.style.top = (a.bottom - h.top + 4) + "px"
    var width = Math.min(box.offsetWidth, h.width)
    var offset = rtl ? h.right - a.right : a.left - h.left
    offset = Math.max(0, Math.min(offset, h.width - width))
    box.style.insetInlineStart = offset + "px"
  }

  // ---- Mention cards -----------------------------------------------------------------------

  var card = null, cardFor = null, hideTimer = null, cardCount = 0

  function closeCard() {
    clearTimeout(hideTimer)
    if (!card) return
    if (cardFor) cardFor.removeAttribute("aria-describedby")
    card.remove()
    card = cardFor = null
  }

  function openCard(link) {
    if (cardFor === link) return
    closeCard()
    cardCount += 1
    card = make("span", "edition-card")
    card.id = "edition-card-" + cardCount
    card.setAttribute("role", "tooltip")
    card.appendChild(make("span", "edition-card__kind", link.dataset.kind))
    card.appendChild(make("strong", "edition-card__name", link.dataset.name))
    card.appendChild(make("span", "edition-card__role", link.dataset.role))
    var go = make("a", "edition-card__link", link.dataset.name + " →")
    go.href = link.getAttribute("href")
    go.tabIndex = -1 // the mention itself leads there for keyboard users
    card.appendChild(go)
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer) })
    card.addEventListener("mouseleave", scheduleHide)
    cardFor = link
    link.setAttribute("aria-describedby", card.id)
    place(card, link)
  }

  function scheduleHide() {
    clearTimeout(hideTimer)
    hideTimer = setTimeout(closeCard, 300)
  }

  document.addEventListener("mouseover", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.edition-mention")
    if (link && lastPointer === "mouse") { clearTimeout(hideTimer); openCard(link) }
  })
  document.addEventListener("mouseout", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.edition-mention")
    if (link && link === cardFor) scheduleHide()
  })
  document.addEventListener("focusin", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.edition-mention")
    if (link) openCard(link)
    else if (card && !card.contains(ev.target)) closeCard()
  })
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.edition-mention")
    // On a touch screen the first tap shows the card; the card's link (or a second tap) opens the page.
    if (link && lastPointer === "touch" && !cardWasOpen) {
      ev.preventDefault()
      openCard(link)
      cardWasOpen = true
    } else if (card && !card.contains(ev.target) && !link) {
      closeCard()
    }
  })

  // ---- Note popovers ---------------------------------------------------------------------------

  var popover = null, popoverFor = null

  function closePopover(returnFocus) {
    if (!popover) return
    var marker = popoverFor
    popover.remove()
    popover = popoverFor = null
    marker.setAttribute("aria-expanded", "false")
    if (returnFocus) marker.focus()
  }

  function openPopover(marker) {
    var notes = document.getElementById("endnotes")
    if (!notes) return
    closePopover(false)
    popover = make("div", "edition-popover")
    popover.setAttribute("role", "dialog")
    popover.setAttribute("aria-label", marker.textContent)
    popover.tabIndex = -1
    marker.dataset.notes.split(" ").forEach(function (id) {
      var note = document.getElementById(id)
      if (!note) return
      // A copy of the endnote (built at build time from escaped data), without its id.
      var copy = note.cloneNode(true)
      copy.removeAttribute("id")
      copy.className = "edition-popover__note"
      popover.appendChild(copy)
    })
    var close = make("button", "edition-popover__close", "×")
    close.type = "button"
    close.setAttribute("aria-label", notes.dataset.closeLabel || "Close")
    close.addEventListener("click", function () { closePopover(true) })
    popover.insertBefore(close, popover.firstChild)
    popoverFor = marker
    marker.setAttribute("aria-expanded", "true")
    place(popover, marker)
    popover.focus()
  }

  function setUpMarkers() {
    document.querySelectorAll("a.edition-note-marker").forEach(function (marker) {
      marker.setAttribute("role", "button")
      marker.setAttribute("aria-haspopup", "dialog")
      marker.setAttribute("aria-expanded", "false")
    })
  }

  document.addEventListener("click", function (ev) {
    var marker = ev.target.closest && ev.target.closest("a.edition-note-marker")
    if (marker && document.getElementById("endnotes")) {
      ev.preventDefault()
      if (popoverFor === marker) closePopover(true)
      else openPopover(marker)
    } else if (popover && !popover.contains(ev.target)) {
      closePopover(false)
    }
  })
  document.addEventListener("keydown", function (ev) {
    var marker = ev.target.closest && ev.target.closest("a.edition-note-marker")
    if (marker && ev.key === " ") { ev.preventDefault(); marker.click() } // a button opens on Space too
    if (ev.key !== "Escape") return
    if (popover) { ev.stopPropagation(); closePopover(true) }
    else if (card) {
      var link = cardFor
      closeCard()
      if (link && link.contains(document.activeElement) === false) link.focus()
    }
  }, true)
  document.addEventListener("focusin", function (ev) {
    if (popover && !popover.contains(ev.target) && ev.target !== popoverFor) closePopover(false)
  })

  // ---- Filters ------------------------------------------------------------------------------------

  function setUpFilters() {
    document.querySelectorAll(".edition-filters").forEach(function (bar) {
      var items = document.querySelectorAll(bar.dataset.items)
      var status = bar.querySelector(".edition-filters__status")
      var chosen = {}
      function apply() {
        var shown = 0
        items.forEach(function (item) {
          var ok = Object.keys(chosen).every(function (facet) {
            return !chosen[facet] || (item.dataset[facet] || "").split(" ").indexOf(chosen[facet]) >= 0
          })
          item.hidden = !ok
          if (ok) shown += 1
        })
        // A group's heading goes when none of the items up to the next heading is shown.
        if (bar.dataset.headings) {
          document.querySelectorAll(".md-content " + bar.dataset.headings).forEach(function (h) {
            var any = false
            for (var el = h.nextElementSibling; el && !el.matches(bar.dataset.headings); el = el.nextElementSibling)
              if (el.matches(bar.dataset.items) && !el.hidden) any = true
            h.hidden = !any
          })
        }
        status.textContent = status.dataset.template
          .replace("{shown}", shown).replace("{total}", items.length)
      }
      bar.querySelectorAll("button[data-facet]").forEach(function (button) {
        button.addEventListener("click", function () {
          var facet = button.dataset.facet
          chosen[facet] = button.dataset.value
          bar.querySelectorAll('button[data-facet="' + facet + '"]').forEach(function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false")
          })
          apply()
        })
      })
      bar.hidden = false
      apply()
    })
  }

  function ready() { setUpMarkers(); setUpFilters() }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready)
  else ready()
})()
