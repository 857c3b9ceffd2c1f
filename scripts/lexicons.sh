#!/usr/bin/env bash
# Installs the word lists the PHI classifier loads at run time (they are not embedded in the binary;
# a missing one stops start-up). Debian packages: wamerican (English words, to tell names from words),
# hunspell-en-med (clinical vocabulary, GPL), hunspell-es (Spanish words, GPL/LGPL/MPL). npm:
# humannames (MIT; ~200,000 given and family names) under lexicons/node_modules.
# And the classifier's OCR engine: Debian tesseract-ocr (Apache-2.0) with tesseract-ocr-eng and -spa (with
# classifier.ocr enabled, the default, a missing one stops start-up too).
# Idempotent: installs only what is missing. Used by scripts/run.sh and scripts/test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
[ -f /usr/share/dict/american-english ] || need+=(wamerican)
[ -f /usr/share/hunspell/en_med_glut.dic ] || need+=(hunspell-en-med)
[ -f /usr/share/hunspell/es_ES.dic ] || need+=(hunspell-es)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
for lang in eng spa; do
  ls /usr/share/tesseract-ocr/*/tessdata/"$lang".traineddata >/dev/null 2>&1 || need+=("tesseract-ocr-$lang")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing lexicons: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install failed for: ${need[*]}" >&2; exit 1; }
fi
if [ ! -f lexicons/node_modules/humannames/list.txt ]; then
  echo "installing lexicons: npm humannames"
  (cd lexicons && npm ci --silent --no-audit --no-fund) || { echo "npm ci failed in lexicons/" >&2; exit 1; }
fi
