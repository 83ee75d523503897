/*
 * The search worker in node, without a browser: loads a built site's worker (the wrapper with the
 * normaliser and thesaurus, then Material's worker and lunr) in a worker-like context, builds one
 * edition's index and times every query, the worker's own time as it reports it (`ms`: query
 * message in to result message out), best of N runs per query. For profiling (node --cpu-prof) and
 * for checking that a change to the wrapper's speed leaves its results unchanged (DUMP=file writes
 * every query's suggestions and results; compare two sites' files).
 *
 *   python -c 'import json,yaml; print(json.dumps([q["q"] for q in yaml.safe_load(open("tests/search/heldout4.yaml"))]))' > /tmp/q.json
 *   node scripts/search_node_bench.js /abs/path/to/site "" /tmp/q.json 5      # Arabic edition
 *   node scripts/search_node_bench.js /abs/path/to/site en/ /tmp/q.json 5     # English edition
 */
"use strict"
const fs = require("fs"), path = require("path"), vm = require("vm")
const [site, prefix, queriesFile, reps = "5"] = process.argv.slice(2)
const workers = path.join(path.resolve(site), "assets/javascripts/workers")
const listeners = []
let waiter = null
const next = () => new Promise((resolve) => { waiter = resolve })
const ctx = {
  console, performance, URL, Promise, setTimeout,
  addEventListener: (type, fn) => listeners.push(fn),
  postMessage: (message) => { if (waiter) { const w = waiter; waiter = null; w(message) } },
  location: { href: "file://" + workers + "/edition-search.js" },
  importScripts: (...urls) => {
    for (const url of urls) vm.runInContext(fs.readFileSync(new URL(url).pathname, "utf8"), ctx)
  },
  MessageEvent: class { constructor(type, init) { this.type = type; this.data = init.data } },
  dispatchEvent: (ev) => deliver(ev.data),
}
ctx.self = ctx
vm.createContext(ctx)
function deliver(data) {
  let stopped = false
  const ev = { data, stopImmediatePropagation() { stopped = true } }
  for (const fn of listeners) { if (stopped) break; fn(ev) }
}
vm.runInContext(fs.readFileSync(path.join(workers, "edition-search.js"), "utf8"), ctx)
setTimeout(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, prefix, "search/search_index.json"), "utf8"))
  const ready = next()
  deliver({ type: 0, data: Object.assign({}, index, { options: { suggest: true } }) })  /* search.suggest is on */
  await ready
  const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"))
  const times = [], dump = []
  for (const q of queries) {
    let best = Infinity
    for (let r = 0; r < +reps; r++) {
      const got = next()
      deliver({ type: 2, data: q })
      const message = await got
      best = Math.min(best, message.ms)
      if (r === 0)
        dump.push([q, message.data.suggest, message.data.items.map((g) => g.map((i) => [i.location, i.title, i.text]))])
    }
    times.push([best, q])
  }
  if (process.env.DUMP)
    fs.writeFileSync(process.env.DUMP, JSON.stringify(dump))
  times.sort((a, b) => a[0] - b[0])
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))][0].toFixed(2)
  const mean = times.reduce((sum, t) => sum + t[0], 0) / times.length
  console.log(`n=${times.length} worker p50/p95=${at(0.5)}/${at(0.95)} ms mean=${mean.toFixed(2)} ms`)
}, 0)
