#!/usr/bin/env bash
# Set up Galley on Debian/Ubuntu, then run it or its tests.
#   bash packaging/setup-debian.sh run    # install everything, open the window
#   bash packaging/setup-debian.sh test   # install everything, run the whole test suite
# Idempotent: Debian packages are installed only when missing, pip only when pyproject changed.
set -euo pipefail

mode="${1:-run}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# Runtime libraries Qt needs, a Traditional Chinese font, a virtual X server for screenshots.
debs=(python3 python3-venv python3-pip
      libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libx11-xcb1
      fonts-noto-cjk xvfb xauth
      # English spelling (pyenchant): the enchant C library with its Hunspell provider, and
      # the en_US dictionary. Without them the editor flags no spelling (app/core/spelling.py).
      libenchant-2-2 hunspell-en-us)
# The test suite also checks exported pages with real consumers: the Nu HTML Checker (Java)
# and a headless browser.
# The packaging tests validate the menu entry and AppStream file with the real validators.
# The desk sync tests serve desks over HTTP (git http-backend) and SSH (OpenSSH's sshd).
# ExifTool reads exported renditions' IPTC/XMP credits back, and finds no GPS in them.
[ "$mode" = test ] && debs+=(default-jre-headless chromium desktop-file-utils appstream git
  openssh-server openssh-client libimage-exiftool-perl)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: Galley needs Python 3.11 or newer; $python is $("$python" --version)" >&2; exit 1; }

stamp=.venv/.galley-installed
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating .venv and installing Galley with its test tools" >&2
  "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display found; starting Galley on a virtual screen (xvfb-run)" >&2
      exec xvfb-run -a .venv/bin/galley "$@"
    fi
    exec .venv/bin/galley "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check app tests
    .venv/bin/ruff format --check app tests
    .venv/bin/mypy --strict app
    .venv/bin/python -m pytest "$@"
    # The whole suite (no arguments) ends with the reliability table at CI size.
    [ $# -eq 0 ] && exec .venv/bin/python benchmarks/reliability.py --size ci
    exit 0
    ;;
  *)
    echo "usage: bash packaging/setup-debian.sh run|test [args…]" >&2
    exit 2
    ;;
esac
