#!/usr/bin/env bash
# Refreshes docs/screenshots/: runs the browser test that drives the admin UI in Debian's Chromium against a real
# dispatcher and sandbox worker, and saves the dashboard, instance list, a live deployment and a failed instance at
# 1280 px and at a phone's width (390 px). Needs what the tests need (scripts/prerequisites.sh tests).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
scripts/prerequisites.sh tests
CD_SCREENSHOTS=1 dotnet test tests/CentralDispatch.Web.Tests/CentralDispatch.Web.Tests.csproj \
    --filter "FullyQualifiedName~Screenshots" "$@"
ls -l docs/screenshots/
