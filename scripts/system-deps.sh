#!/usr/bin/env bash
# System packages the tests need, from Debian: Chromium (browser tests, driven by the playwright
# package; Playwright never downloads a browser here), Java (the Nu HTML checker), Node.js (the
# JavaScript normaliser's tests) and npm (installs the Nu checker, package vnu-jar, into
# build/vnu). As root we install what is missing; otherwise we say how.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
cat >&2 <<MSG
The tests need these Debian packages, and this user cannot install them: ${missing[*]}
Install them as root, then run the tests again:

    sudo apt-get update && sudo apt-get install -y ${missing[*]}

MSG
exit 1
