#!/usr/bin/env bash
# Installs what the PHI classifier's OCR runs: Debian tesseract-ocr (Apache-2.0) with its English and Spanish
# models (tesseract-ocr-eng, tesseract-ocr-spa). With classifier.ocr enabled (the default) a missing engine or
# language stops start-up. Idempotent: installs only what is missing. Called by scripts/lexicons.sh, so by
# scripts/run.sh and scripts/test.sh too.
set -uo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
for lang in eng spa; do
  ls /usr/share/tesseract-ocr/*/tessdata/"$lang".traineddata >/dev/null 2>&1 || need+=("tesseract-ocr-$lang")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing OCR: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install failed for: ${need[*]}" >&2; exit 1; }
fi
