#!/usr/bin/env bash
# Soak run of the reliability and security suite (tests/SecureRelay.Tests/Security) with large counts.
# Not run by CI (scripts/test.sh runs the same scenarios with small, bounded counts).
#
#   scripts/soak.sh [ROUNDS]        # default 1 round; each round uses a fresh fuzz seed
#
# Sizes (environment, defaults below): SECURERELAY_SOAK_SESSIONS (command-stream fuzz sessions),
# SECURERELAY_SOAK_FUZZ_SECONDS (its time budget), SECURERELAY_SOAK_MESSAGES (MIME/PHI fuzz messages),
# SECURERELAY_SOAK_KILLS and SECURERELAY_SOAK_MESSAGES_PER_KILL (repeated SIGKILL under load).
# SECURERELAY_FUZZ_SEED=N replays a run whose figures printed "seed N".
# Prints every scenario's figures ([security-suite] lines); exits 1 if any round failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin"

export SECURERELAY_SOAK_SESSIONS="${SECURERELAY_SOAK_SESSIONS:-20000}"
export SECURERELAY_SOAK_FUZZ_SECONDS="${SECURERELAY_SOAK_FUZZ_SECONDS:-1800}"
export SECURERELAY_SOAK_MESSAGES="${SECURERELAY_SOAK_MESSAGES:-2000}"
export SECURERELAY_SOAK_KILLS="${SECURERELAY_SOAK_KILLS:-20}"
export SECURERELAY_SOAK_MESSAGES_PER_KILL="${SECURERELAY_SOAK_MESSAGES_PER_KILL:-1000}"
rounds="${1:-1}"

command -v smtp-sink >/dev/null 2>&1 || { echo "smtp-sink is missing: run scripts/test.sh once (it installs postfix)"; exit 1; }
./scripts/lexicons.sh || exit 1
dotnet build SecureRelay.sln -c Debug -nologo -v q 2>&1 | tail -n 3
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1

rc=0
for ((round = 1; round <= rounds; round++)); do
  echo "== soak round $round/$rounds (sessions $SECURERELAY_SOAK_SESSIONS, messages $SECURERELAY_SOAK_MESSAGES, kills $SECURERELAY_SOAK_KILLS)"
  dotnet test tests/SecureRelay.Tests/SecureRelay.Tests.csproj --no-build -c Debug -nologo \
      --filter "FullyQualifiedName~SecureRelay.Tests.Security" --logger "console;verbosity=normal" 2>&1 \
    | grep -E '^\[security-suite\]|^ *(Passed|Failed) [A-Z]|Error Message|^ *(Expected|But was)|^Total tests|^ *(Passed|Failed):' \
    | awk '!seen[$0]++'
  [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
done
exit $rc
