#!/usr/bin/env bash
# Runs the whole test suite the way CI does, on a fresh machine:
# installs the real peers the integration tests drive (Postfix's smtp-source/smtp-sink, swaks,
# openssl, gnupg, python3-dkim, poppler-utils (pdftoppm renders the OCR tests' pages), and the mail clients of the compatibility suite: curl, msmtp,
# nodemailer through npm ci), restores NuGet packages, runs every test project, and prints
# the totals as the last line:  tests: N passed, N failed[, N skipped]
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in smtp-source:postfix smtp-sink:postfix swaks:swaks openssl:openssl gpg:gnupg curl:curl msmtp:msmtp npm:npm pdftoppm:poppler-utils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${tool%%:*}" ] || need+=("${tool##*:}")
done
/usr/bin/python3 -c "import dkim" >/dev/null 2>&1 || need+=(python3-dkim)   # dkimpy: independent DKIM verifier
perl -MNet::SSLeay -MIO::Socket::SSL -e1 >/dev/null 2>&1 || need+=(libnet-ssleay-perl libio-socket-ssl-perl)   # swaks --tls
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test peers: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections 2>/dev/null || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${need[@]}" | sort -u) >/dev/null \
    || { echo "apt-get install failed for: ${need[*]}"; }
fi
export PATH="$PATH:/usr/sbin"
./scripts/lexicons.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

# nodemailer for tests/SecureRelay.Tests/Clients, at the version its committed package-lock.json names.
clients_node=tests/SecureRelay.Tests/Clients/nodemailer
if [ ! -d "$clients_node/node_modules" ] && command -v npm >/dev/null 2>&1; then
  (cd "$clients_node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "npm ci failed in $clients_node"
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet build SecureRelay.sln -c Debug -nologo -v q 2>&1 | tail -n 3
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then
  dotnet build SecureRelay.sln -c Debug -nologo -v q 2>&1 | grep -E "error" | head -n 40
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# One project at a time: the integration tests bind loopback ports and start real servers.
rc=0
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" --no-build -c Debug -nologo \
      --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal" 2>&1 | tail -n 40
  [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
done

# Sum the TRX counters (the runner's own totals, not a count we make up).
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    root = ET.parse(path).getroot()
    for r in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        if r.get("outcome") == "Failed":
            msg = r.find(".//{*}Message")
            first = (msg.text or "").strip().splitlines()[0][:300] if msg is not None and msg.text else ""
            print("FAILED:", r.get("testName"), "-", first, file=sys.stderr)
    # Figures printed by the reliability and security suite (tests/SecureRelay.Tests/Security).
    for out in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}StdOut"):
        for line in dict.fromkeys(l.strip() for l in (out.text or "").splitlines()):
            if line.startswith("[security-suite]"):
                print(line, file=sys.stderr)
    c = root.find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(p, f, s)
PY
)
if [ "${passed:-0}" -eq 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; rc=1; fi
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
if [ "${skipped:-0}" -gt 0 ]; then
  echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
else
  echo "tests: ${passed} passed, ${failed} failed"
fi
exit $rc
