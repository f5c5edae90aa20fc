#!/bin/sh
# Makes Debian's chromium (and CJK fonts, so Chinese does not render as boxes) available for the
# headless-browser test of report.html. Prints the browser's path on success; exits non-zero with a
# reason on stderr when it cannot (not root, no apt, no network), and the test is then skipped.
# With --driver it also makes Debian's chromium-driver available (the console's Selenium test) and
# prints the chromedriver's path on a second line.
set -u
driver=""
[ "${1:-}" = "--driver" ] && driver=yes

find_browser() {
    for b in chromium chromium-browser; do
        if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
    done
    return 1
}

have_cjk_font() {
    command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .
}

find_driver() {
    [ -z "$driver" ] && return 0
    for d in chromedriver /usr/lib/chromium/chromedriver; do
        if command -v "$d" >/dev/null 2>&1; then command -v "$d"; return 0; fi
    done
    return 1
}

if find_browser >/dev/null && have_cjk_font && find_driver >/dev/null; then
    find_browser
    find_driver
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "chromium, chromium-driver or a CJK font is missing and this is not root: install them with 'apt-get install -y chromium chromium-driver fonts-noto-cjk'" >&2
    exit 2
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing and there is no apt-get to install it" >&2
    exit 2
fi

export DEBIAN_FRONTEND=noninteractive
packages=""
find_browser >/dev/null || packages="chromium"
have_cjk_font || packages="$packages fonts-noto-cjk"
find_driver >/dev/null || packages="$packages chromium-driver"
# A stale package list makes the install fail; refresh it once and retry.
if ! apt-get install -y --no-install-recommends $packages >&2; then
    apt-get update >&2 && apt-get install -y --no-install-recommends $packages >&2 || {
        echo "could not install:$packages" >&2
        exit 2
    }
fi
find_browser || { echo "chromium still not found after installing it" >&2; exit 2; }
find_driver || { echo "chromedriver still not found after installing chromium-driver" >&2; exit 2; }
