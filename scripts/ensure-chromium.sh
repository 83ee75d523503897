#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium) with the playwright package.
# No browser is ever downloaded by Playwright. As root we install it; otherwise we say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
The browser tests need Debian's Chromium at /usr/bin/chromium, and this user cannot install it.
Install it as root, then run the tests again:

    sudo apt-get update && sudo apt-get install -y chromium

MSG
exit 1
