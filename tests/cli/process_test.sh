#!/usr/bin/env bash
# The herokupp program against the herokupp-sim program over loopback: exit
# codes, --json, and no secret in output or in the audit log.
set -euo pipefail
tool=$1 sim=$2 seed=$3 demo=$4
work=$(mktemp -d)
"$sim" --port 0 --seed "$seed" --build-seconds 0 --promotion-seconds 0 --one-off-seconds 0 \
  >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
trap 'kill -TERM $sim_pid 2>/dev/null || true; wait $sim_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/sim.out" ] && break; sleep 0.1; done
read -r first <"$work/sim.out"
for assignment in $first; do export "${assignment?}"; done
export XDG_CONFIG_HOME="$work/config"
h() { "$tool" --actor dana --policy "$demo/policy.json" --audit "$work/audit.jsonl" \
        --environments "$demo/environments.yml" --state-dir "$work/state" "$@"; }
expect() {
  local want=$1; shift
  local rc=0
  h "$@" >>"$work/out" 2>&1 || rc=$?
  [ "$rc" = "$want" ] || { echo "herokupp $*: exit $rc, expected $want" >&2; cat "$work/out" >&2; exit 1; }
}
expect 0 --json apps
grep -q '"shop-staging"' "$work/out"
expect 0 releases shop-staging -n 2
expect 0 config shop-production
expect 2 bogus-command
expect 3 info no-such-app   # the policy names no role for it: refused before any request
expect 3 config:set shop-production X=new-value-7c1e
expect 4 deploy staging --source https://ci.example.com/s.tgz --commit 0123456789abcdef --changed db/migrations/1.rb
code=$(sed -n 's/.*--confirm \([A-Z0-9]*\)$/\1/p' "$work/out" | tail -1)
expect 4 deploy staging --confirm WRONG9
expect 0 deploy staging --confirm "$code"
HEROKU_API_KEY=wrong expect 1 info shop-staging
for secret in staging-secret production-secret "$HEROKU_API_KEY" new-value-7c1e; do
  if grep -q -- "$secret" "$work/out" "$work/audit.jsonl"; then echo "secret leaked" >&2; exit 1; fi
done

# SIGTERM during a deploy's migration: the maintenance window is closed before
# the tool exits, and the exit is not 0 (issue 12, item 8).
"$sim" --port 0 --seed "$seed" --build-seconds 0 --promotion-seconds 0 --one-off-seconds 120 \
  >"$work/slow.out" 2>"$work/slow.err" &
slow_pid=$!
trap 'kill -TERM $sim_pid $slow_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/slow.out" ] && break; sleep 0.1; done
read -r slow <"$work/slow.out"
slow_url=$(tr ' ' '\n' <<<"$slow" | sed -n 's/^HEROKU_API_URL=//p')
hs() { HEROKU_API_URL=$slow_url h "$@"; }
hs deploy staging --source https://ci.example.com/t.tgz --commit 0123456789abcdef0123 \
  --changed db/migrations/2.rb >"$work/plan2" 2>&1 || true
code2=$(sed -n 's/.*--confirm \([A-Z0-9]*\)$/\1/p' "$work/plan2" | tail -1)
HEROKU_API_URL=$slow_url "$tool" --actor dana --policy "$demo/policy.json" --audit "$work/audit.jsonl" \
  --environments "$demo/environments.yml" --state-dir "$work/state" \
  deploy staging --confirm "$code2" >"$work/deploy2" 2>&1 &
deploy_pid=$!
for _ in $(seq 200); do grep -q "running migrate" "$work/deploy2" && break; sleep 0.1; done
grep -q "running migrate" "$work/deploy2" || { echo "the deploy never reached its migration" >&2; cat "$work/deploy2" >&2; exit 1; }
kill -TERM $deploy_pid
rc=0; wait $deploy_pid || rc=$?
[ "$rc" != 0 ] || { echo "an interrupted deploy exited 0" >&2; exit 1; }
grep -q "maintenance is off again for shop-staging" "$work/deploy2" || { cat "$work/deploy2" >&2; exit 1; }
hs --json info shop-staging | grep -q '"maintenance": false' || { echo "left in maintenance" >&2; exit 1; }
ls "$work/state" | grep -q '^window-' && { echo "a closed window is still recorded" >&2; exit 1; }
echo "ok"
