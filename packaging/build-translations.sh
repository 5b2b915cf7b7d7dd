#!/usr/bin/env bash
# Refresh the Qt Linguist sources from the code, then compile them to .qm.
#   bash packaging/build-translations.sh          # update .ts and build .qm
#   bash packaging/build-translations.sh --release # only build .qm from the committed .ts
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
out=resources/translations
if [ "${1:-}" != "--release" ]; then
  "$bin/pyside6-lupdate" app/ui/*.py -no-obsolete -source-language en -target-language zh_TW \
    -ts "$out/galley_zh_TW.ts"
  "$bin/pyside6-lupdate" app/ui/*.py -no-obsolete -source-language en -target-language en \
    -pluralonly -ts "$out/galley_en.ts"
fi
for ts in "$out"/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
