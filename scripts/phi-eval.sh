#!/usr/bin/env bash
# Runs the PHI classifier over the corpora written blind (tests/corpora/*/generate.py) and prints
# recall and precision per corpus and per family of message.
#   ./scripts/phi-eval.sh           every split looked at while tuning (BlindCorpusEvaluation.Tuned; also in CI)
#   ./scripts/phi-eval.sh heldout   every other corpus under tests/corpora: report, never tune on them
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/lexicons.sh || exit 1
split=${1:-dev}
case "$split" in
  dev) filter="FullyQualifiedName~BlindCorporaTests.DevelopmentSplit|FullyQualifiedName~BlindCorporaTests.TunedSplits" ;;
  heldout) filter="FullyQualifiedName~BlindCorporaTests.HeldOutCorpus" ;;
  *) echo "usage: $0 [dev|heldout]" >&2; exit 64 ;;
esac
dotnet build tests/SecureRelay.Policy.Tests -c Release -nologo -v q 2>&1 | tail -n 2
dotnet test tests/SecureRelay.Policy.Tests --no-build -c Release --filter "$filter" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E '^\s*[A-Za-z0-9_.-]+/(dev|blind): |^\s+(phi|clean) |^\s+F[NP] |Passed!|Failed!|Ignored|no held-out'
