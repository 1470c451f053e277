#!/usr/bin/env bash
# The one test command: builds the solution, runs every test project once (at most two at a time, one per core),
# and ends with a single line "N passed, N failed, N skipped" summed from the TRX files.
# Extra arguments go to `dotnet test`, e.g.  scripts/test.sh --filter "FullyQualifiedName~Postgres"
# Exit status: non-zero when a test failed, the build failed, a test host crashed, or no TRX was written.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# The tests run real Apache, MariaDB, PostgreSQL, cron and Chromium: install whatever of them is missing.
scripts/prerequisites.sh tests

results="${CD_TEST_RESULTS:-$repo_root/artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# -m:2 runs at most two test projects side by side (the machines have two cores); each project still runs its
# own xunit collections in parallel. CdTestResultsRoot (tests/Directory.Build.targets) gives every project its
# own TRX folder. The hang timeout kills a stuck test host and names the test it was in, instead of letting it
# eat CI's whole time budget.
status=0
dotnet test CentralDispatch.slnx \
    -m:2 \
    --logger trx \
    -p:CdTestResultsRoot="$results" \
    --blame-hang-timeout "${CD_TEST_HANG_TIMEOUT:-20m}" \
    --blame-hang-dump-type none \
    "$@" || status=$?

mapfile -t trx_files < <(find "$results" -type f -name '*.trx' | sort)

# Sums the <Counters> element of every TRX. Skipped tests are counted by VSTest in total but not in executed;
# error, timeout and aborted results count as failures.
summary="$(
    if ((${#trx_files[@]} > 0)); then cat "${trx_files[@]}"; fi | awk '
        function attr(counters, name) {
            if (match(counters, " " name "=\"[0-9]+\"")) {
                return substr(counters, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
            }
            return 0
        }
        match($0, /<Counters [^>]*>/) {
            c = substr($0, RSTART, RLENGTH)
            files++
            total += attr(c, "total")
            executed += attr(c, "executed")
            passed += attr(c, "passed")
            failed += attr(c, "failed") + attr(c, "error") + attr(c, "timeout") + attr(c, "aborted")
        }
        END { printf "%d %d %d %d\n", files, passed, failed, total - executed }'
)"
read -r counted passed failed skipped <<<"$summary"

exit_code=0
if ((${#trx_files[@]} == 0)); then
    echo "test.sh: no TRX file was written under $results (did the build fail?)" >&2
    exit_code=1
elif ((counted != ${#trx_files[@]})); then
    echo "test.sh: $((${#trx_files[@]} - counted)) TRX file(s) have no <Counters>; a test run was cut short" >&2
    exit_code=1
fi
if ((failed > 0)); then
    exit_code=1
fi
if ((status != 0)); then
    echo "test.sh: dotnet test exited with status $status" >&2
    exit_code=$status
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$exit_code"
