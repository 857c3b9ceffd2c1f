#!/usr/bin/env bash
# Runs the relay on its embedded defaults (config/securerelay.yaml): SMTP on 127.0.0.1:2525,
# admin/metrics on 127.0.0.1:9025, spool in ./data, every message routed to 127.0.0.1:2526.
# Restores NuGet packages and builds on first use. Extra arguments go to `securerelay run`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/lexicons.sh
dotnet build src/SecureRelay -c Release -nologo -v q
exec dotnet src/SecureRelay/bin/Release/net10.0/securerelay.dll run --config config/securerelay.yaml "$@"
