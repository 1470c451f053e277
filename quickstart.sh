#!/usr/bin/env bash
# The quick start: installs Apache and MariaDB when missing (as root), builds Central Dispatch, starts a dispatcher
# (SQLite) and a sandbox worker enrolled to it, deploys the sample instance, prints the URLs and the admin
# credentials, and stays up until Ctrl-C. Everything it creates is under ./quickstart-data (or --data DIR).
#   ./quickstart.sh [--data DIR] [--port N]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo_root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v dotnet >/dev/null; then
    echo "quickstart.sh: the .NET 10 SDK is needed (dotnet is not on PATH)" >&2
    exit 1
fi

scripts/prerequisites.sh quickstart
dotnet build src/CentralDispatch.Cli -c Release -v quiet -nologo
exec dotnet src/CentralDispatch.Cli/bin/Release/net10.0/dispatch.dll quickstart "$@"
