"""MkDocs hook: the thin layer between MkDocs and the edition's generators (scripts/edition).

It loads and checks the data, adds the generated pages as virtual files, fills the register
sections of the nav, builds the other editions into their folders, and wires the search worker.
Everything that decides what a page says lives in scripts/edition, which does not import MkDocs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
# The data folder; EDITION_DATA points elsewhere (the tests build from broken copies of it).
DATA = Path(os.environ.get("EDITION_DATA", ROOT / "data"))

from edition import assets, buildcache, cite, escape, export, jsonld, paths  # noqa: E402
from edition import search as edition_search  # noqa: E402
from edition.datapage import DOWNLOADS_DIR  # noqa: E402
from edition.load import DataError  # noqa: E402
from edition.model import Lang  # noqa: E402
from edition.precompress import precompress  # noqa: E402
from edition.site import render_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.edition")
POLYFILL = "assets/javascripts/iframe-worker/shim.js"
# Compiled theme templates, kept between the two editions and between builds (Jinja checks each
# template's source before using its cached code): git-ignored, like the precompressed copies.
TEMPLATE_CACHE = ROOT / ".cache" / "jinja"

# What this build renders, made once in on_config: pages and downloads by path, search fields.
_pages: dict[str, str] = {}
_downloads: dict[str, str | bytes] = {}
# What _downloads were made from: the Dataset and (version, issued, site root). The English edition
# and `mkdocs serve` rebuilds that did not touch the data reuse them (README, Performance):
# buildcache gives the same Dataset object while the data folder's content is unchanged.
_downloads_from: list[Any] = [None, None]
_search_fields: dict[str, dict[str, str]] = {}
_data: list[Any] = []  # the checked Dataset of this build
_command: list[str] = []  # "build" or "serve" (mkdocs serve skips the precompressed copies)
_registers: list[Any] = []  # the registers' sections of the nav (on_nav)
# The bundles' paths (stylesheet, script) the root edition published, by the extra_css and
# extra_javascript they were made from: an edition in a folder links them (bundle_assets).
_bundles: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, str]] = {}


# ---- Hooks -------------------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


@event_priority(100)  # before Material's offline plugin, which would add a polyfill from unpkg
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = edition_lang(config)
    offline = is_offline(config)
    if offline:
        # The offline bundle runs search in an iframe (iframe-worker): ours is vendored.
        config.extra["polyfills"] = [POLYFILL]
    try:
        # Parsed and checked once per content of the data folder: the English edition built in
        # on_post_build, and `mkdocs serve` rebuilds that did not touch the data, reuse it.
        data = buildcache.checked_dataset(DATA)
    except DataError as exc:
        # PluginError stops `mkdocs build` and `mkdocs serve` with this message, nothing else.
        raise PluginError("The edition's data is invalid:\n" + str(exc)) from None
    _data[:] = [data]
    _pages.clear()
    _pages.update(render_site(data, lang, directory_urls=not offline, edition_name=config.site_name))
    edition = config.extra["edition"]
    issued = dt.date.fromisoformat(str(edition["issued"]))
    # Published by the root edition; the English one only names them (Data page): made once.
    version, root = str(edition["version"]), site_root(config)
    if _downloads_from[0] is not data or _downloads_from[1] != (version, issued, root):
        _downloads.clear()
        _downloads.update(export.downloads(data, version, issued, root))
        _downloads_from[:] = [data, (version, issued, root)]
    _search_fields.clear()
    _search_fields.update(edition_search.page_fields(data, lang))
    config.nav = register_sections(config.nav or [])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    bundle_assets(files, config)  # first: the root edition publishes them, every edition links them
    if paths.EDITION_PREFIX[edition_lang(config)]:
        # Editions in a folder use the root's assets (finish_html points them there): no copy.
        for file in [f for f in files if assets.is_shared_asset(f.src_uri)]:
            files.remove(file)
    if edition_lang(config) == "ar":  # the root edition publishes the downloads, once
        for name, content in _downloads.items():
            files.append(File.generated(config, f"{DOWNLOADS_DIR}/{name}", content=content))
    listed_on_registers = set(entity_pages(_data[0]))
    for src, markdown in _pages.items():
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{edition_lang(config)}/{src} would hide a generated page of the same path")
        # Entity pages are listed on their register's page, not in the navigation (see on_nav).
        inclusion = InclusionLevel.NOT_IN_NAV if src in listed_on_registers else InclusionLevel.UNDEFINED
        files.append(File.generated(config, src, content=markdown, inclusion=inclusion))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Entity pages are not listed in the navigation: every page carries the navigation, and a
    register listed in full made each entity page carry its whole register (O(entities) bytes a
    page, O(N²) for the site). The register's page lists them. Each entity page belongs to its
    register's section (on_page_context shows it there, alone, while it is open: the navigation
    marks where the reader is and holds the page's contents on small screens) and gets
    previous/next links through its register (Material's footer), from the register's page on to
    the page after it."""
    data = _data[0]
    _registers.clear()
    for etype in paths.TYPE_DIRS:
        index_file = files.get_file_from_path(paths.type_index(etype))
        if index_file is None or index_file.page is None or index_file.page.parent is None:
            raise PluginError(f"the nav has no section for {paths.type_index(etype)}")
        index = index_file.page
        _registers.append(index.parent)
        chain: list[Page] = [index]
        for src in entity_pages(data, etype):
            page = files.get_file_from_path(src).page
            page.parent = index.parent
            chain.append(page)
        for n, page in enumerate(chain[1:], start=1):
            page.previous_page = chain[n - 1]
            page.next_page = chain[n + 1] if n + 1 < len(chain) else index.next_page
    return nav


@event_priority(-50)  # after the search plugin has indexed the page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    lang = edition_lang(config)
    for section in _registers:  # the open entity page in its register's section, alone (on_nav)
        index = section.children[0]
        section.children = [index, page] if page.parent is section and page is not index else [index]
    context["edition_alternates"] = [
        {
            "lang": alt["lang"],
            "name": alt["name"],
            "href": paths.cross_edition(
                page.file.src_uri, page.file.src_uri, lang, alt["lang"], config.use_directory_urls
            ),
        }
        for alt in config.extra.get("alternate", [])
    ]
    data = _data[0]
    src = page.file.src_uri
    edition = config.extra["edition"]
    downloads = sorted(_downloads) if src == paths.DATA else []
    objects = jsonld.for_page(data, lang, src, site_root(config), downloads, str(edition["issued"]))
    context["edition_jsonld"] = [escape.json_script(obj) for obj in objects]
    context["edition_citations"] = cite.citations(
        data,
        lang,
        page_title=escape.title_text(page.title or config.site_name),
        page_url=page.canonical_url,  # None without SITE_URL: the cite box says so
        page_path="/" + paths.EDITION_PREFIX[lang] + paths.url_of(src),
        site_title=config.site_name,
        version=str(edition["version"]),
        issued=str(edition["issued"]),
    )
    if uses_wrapper(config):
        # The page's index entries: snippets tidied; the page's own entry gets its search fields.
        plugin = config.plugins.get("search") or config.plugins.get("material/search")
        # The search plugin has just appended this page's entries: look back from the end only
        # (a scan of the whole index on every page grew with pages × entries).
        entries = plugin.search_index.entries
        i = len(entries) - 1
        while i >= 0 and (entries[i]["location"] == page.url or entries[i]["location"].startswith(page.url + "#")):
            # The page's own entry by its source path; a section's by path#anchor (the timeline's)
            own = _search_fields.get(src + entries[i]["location"][len(page.url) :])
            prose = src if src in edition_search.PROSE_PAGES else ""
            entries[i] = edition_search.entry_fields(entries[i], own, prose=prose)
            i -= 1
    return context


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # overrides/sitemap.xml lists each page's counterparts in the other edition.
    env.filters["edition_urls"] = lambda page: edition_urls(page.file.src_uri, config)
    # The logo's icon as the favicon, in the page (overrides/main.html).
    icon, _, _ = env.loader.get_source(env, f".icons/{config.theme['icon']['logo']}.svg")
    env.globals["edition_favicon"] = assets.favicon_uri(icon)
    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(TEMPLATE_CACHE))
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return finish_html(output, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is rendered from a template, not as a page.
    return finish_html(output, config) if template_name == "404.html" else output


@event_priority(-100)  # last: after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if uses_wrapper(config) and not paths.EDITION_PREFIX[edition_lang(config)]:
        # into the root's assets, which every edition uses
        edition_search.install_worker(site, edition_search.thesaurus(_data[0]))
    alternates = config.extra.get("edition", {}).get("alternates", [])
    for alt in alternates:
        # Each edition's URLs are its own: the English edition lives at <site_url>en/.
        alt_url = config.site_url + alt["dir"] + "/" if config.site_url else None
        alt_config = load_config(str(ROOT / alt["config"]), site_dir=str(site / alt["dir"]), site_url=alt_url)
        # The same command as this build: MkDocs loads the hook once per process, so the English
        # build's on_startup sets the _command this build reads next (a "build" here made
        # `mkdocs serve` precompress the whole site after every edit).
        alt_config.plugins.on_startup(command=_command[0] if _command else "build", dirty=False)
        try:
            build(alt_config)
        finally:
            alt_config.plugins.on_shutdown()
        log.info("Built the '%s' edition into %s/", alt["lang"], alt["dir"])
    if alternates and uses_wrapper(config):
        # Each edition's index also holds the other's page names: either edition finds both.
        dirs = [a["dir"] for a in alternates]
        edition_search.merge_indexes(
            site,
            {"": edition_lang(config)} | {f"{a['dir']}/": a["lang"] for a in alternates},
            edition_search.proper_names(_data[0]),
        )
        if is_offline(config):
            edition_search.inline_indexes(site, dirs)
    # .gz and .br beside every text file, for hosts that serve them; not for `mkdocs serve` (it
    # would not use them) nor the offline bundle (read from disk). Last: the files are final.
    # EDITION_PRECOMPRESS=0 skips them (the scale benchmark times the build without them).
    wanted = os.environ.get("EDITION_PRECOMPRESS", "1") != "0"
    if wanted and _command != ["serve"] and not is_offline(config) and not paths.EDITION_PREFIX[edition_lang(config)]:
        totals = precompress(site, cache=ROOT / ".cache" / "precompress")
        log.info(
            "Precompressed %d files: %d B, gzip %d B, brotli %d B", totals.files, totals.raw, totals.gzip, totals.brotli
        )


# ---- Helper functions --------------------------------------------------------------------------


def finish_html(output: str, config: MkDocsConfig) -> str:
    """Last touches to every rendered page (Material renders these parts itself)."""
    lang = edition_lang(config)
    direction = "rtl" if lang == "ar" else "ltr"
    # Material puts dir on <body>; screen readers and validators also look at <html>.
    output = output.replace(
        f'<html lang="{lang}" class="no-js">', f'<html lang="{lang}" dir="{direction}" class="no-js">', 1
    )
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    if dialog not in output:
        raise PluginError("Material's search dialog markup changed: update hooks/edition.py")
    label = "بحث" if lang == "ar" else "Search"
    output = output.replace(dialog, dialog[:-1] + f' aria-label="{label}">', 1)
    # Route Material's search through our worker wrapper (normalises queries and index).
    if uses_wrapper(config):
        output = edition_search.use_wrapper(output)
        # Arabic plural forms for Material's result counts (scripts/edition/js/plurals.js).
        output = output.replace("</body>", edition_search.plural_script(lang) + "</body>", 1)
    # One set of CSS, scripts and fonts: an edition in a folder uses the root's.
    return assets.share_assets(output, paths.EDITION_PREFIX[lang])


def bundle_assets(files: Files, config: MkDocsConfig) -> None:
    """One stylesheet (Material's, then config.extra_css) and one script (config.extra_javascript)
    in place of their parts (scripts/edition/assets.py); overrides/main.html leaves out Material's
    own stylesheet links, and the pages link the bundles through extra_css and extra_javascript.
    An edition in a folder publishes no assets: it links the bundles the root edition made."""
    for item in config.extra_javascript:
        if not isinstance(item, str) and (item.type or item.defer or item.async_):
            raise PluginError(f"{item.path}: only classic scripts can be joined into one")
    extra_css, extra_js = [str(item) for item in config.extra_css], [str(item) for item in config.extra_javascript]
    extras = (tuple(extra_css), tuple(extra_js))
    if not paths.EDITION_PREFIX[edition_lang(config)]:
        try:
            material = assets.material_stylesheets((f.src_uri for f in files), palette=bool(config.theme["palette"]))
            made = (
                assets.stylesheet_bundle(_asset_texts(files, "extra_css", material + extra_css)),
                assets.script_bundle(_asset_texts(files, "extra_javascript", extra_js)),
            )
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        for bundle in made:
            for src in bundle.parts:  # the parts are not published, nor their source maps
                for found in (files.get_file_from_path(src), files.get_file_from_path(src + ".map")):
                    if found is not None:
                        files.remove(found)
            files.append(File.generated(config, bundle.path, content=bundle.content))
        _bundles.clear()
        _bundles[extras] = (made[0].path, made[1].path)
    if extras not in _bundles:
        raise PluginError("extra_css and extra_javascript must be the root edition's: it makes the bundles")
    stylesheet, script = _bundles[extras]
    config.extra_css, config.extra_javascript = [stylesheet], [script]


def _asset_texts(files: Files, attr: str, srcs: list[str]) -> list[tuple[str, str]]:
    """The (path, text) of each file, from the docs or the theme."""
    texts = []
    for src in srcs:
        found = files.get_file_from_path(src)
        if found is None:
            raise PluginError(f"{attr}: {src} is not in the docs or the theme")
        texts.append((src, found.content_string))
    return texts


def uses_wrapper(config: MkDocsConfig) -> bool:
    """The edition's search (off only for the benchmark's Material-default baseline)."""
    return bool(config.extra["edition"].get("search_wrapper", True))


def site_root(config: MkDocsConfig) -> str:
    """The address of the whole site (the Arabic edition's root), "" without SITE_URL."""
    if not config.site_url:
        return ""
    prefix = paths.EDITION_PREFIX[edition_lang(config)]
    return config.site_url.removesuffix(prefix) if prefix else config.site_url


def edition_urls(src: str, config: MkDocsConfig) -> list[dict[str, str]]:
    """Absolute URLs of a page in every edition (sitemap language alternates); none without SITE_URL."""
    root = site_root(config)
    if not root:
        return []
    url = paths.url_of(src, config.use_directory_urls)
    return [{"lang": lang, "href": root + prefix + url} for lang, prefix in paths.EDITION_PREFIX.items()]


def is_offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def edition_lang(config: MkDocsConfig) -> Lang:
    lang = config.extra.get("edition", {}).get("lang")
    if lang not in ("ar", "en"):
        raise PluginError("extra.edition.lang must be 'ar' or 'en'")
    return lang


def entity_pages(data: Any, etype: str | None = None) -> list[str]:
    """The source paths of the entity pages of one register (all registers without etype), in data order."""
    types = [etype] if etype else list(paths.TYPE_DIRS)
    return [paths.entity_page(t, e.id) for t in types for e in data.of_type(t)]


def register_sections(nav: list[Any]) -> list[Any]:
    """Each register's page as a section of its own (holding that page only), so its entity pages
    have a section to belong to (on_nav); overrides/partials/nav-item.html shows such a section
    as a link to its page."""
    registers = {paths.type_index(etype) for etype in paths.TYPE_DIRS}
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                out.append({title: register_sections(value)})
            elif value in registers:
                out.append({title: [value]})
            else:
                out.append(item)
        else:
            out.append(item)
    return out
