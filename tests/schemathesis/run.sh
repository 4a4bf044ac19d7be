#!/usr/bin/env bash
# Schemathesis against the OpenAPI document of a running Samen: a small seeded SQLite city,
# the app under `manage.py runserver` on a free loopback port, stateless and stateful checks
# with a policy analyst's token, then with a partner organisation's token. Bounded in time;
# exits non-zero on any failure (a 500, or an answer off its schema). Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Debug mode serves plain http on the loopback address; the rate limits are raised for the
# run's thousands of requests (they are settings, read from the environment).
export SAMEN_DEBUG=1 SAMEN_DATA_DIR="$WORK" SAMEN_API_RATE_PERSON=1000000/min \
  SAMEN_API_RATE_TOKEN=1000000/min DJANGO_SETTINGS_MODULE=samen.settings
unset DATABASE_URL

"$PY" manage.py migrate --verbosity 0
"$PY" manage.py seed --staff 20 --signals 300 --no-progress >"$WORK/seed.log"
KEYS="$("$PY" tests/schemathesis/prepare.py)"
key() { "$PY" -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$KEYS" "$1"; }
PERSON="$(key person)"
PARTNER="$(key partner)"
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"

"$PY" manage.py runserver --noreload --nothreading "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!

fetch_schema() {  # $1 token, $2 file: each token's reader sees the endpoints it may use
  "$PY" - "$BASE" "$1" "$2" <<'PYTHON'
import sys, time, urllib.request
base, token, path = sys.argv[1:]
request = urllib.request.Request(f"{base}/api/schema/?format=json", headers={"Authorization": f"Token {token}"})
for _ in range(60):
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            open(path, "wb").write(answer.read())
            break
    except OSError:
        time.sleep(1)
else:
    sys.exit("the server did not answer")
PYTHON
}

CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance
run() {  # $1 token, $2 schema file
  .venv/bin/schemathesis run "$2" --url "$BASE" -H "Authorization: Token $1" \
    --checks "$CHECKS" --phases examples,coverage,fuzzing,stateful \
    --max-examples 25 --max-time 90 --seed 2026 --workers 1 --request-timeout 30 \
    --exclude-path-regex '^/api/auth/(logout|logout-all|session-token)/$' \
    --suppress-health-check all --no-color
}

fetch_schema "$PERSON" "$WORK/person.json"
fetch_schema "$PARTNER" "$WORK/partner.json"
echo "== Schemathesis with a person's token"
run "$PERSON" "$WORK/person.json" || { tail -50 "$WORK/server.log"; exit 1; }
echo "== Schemathesis with a partner organisation's token"
run "$PARTNER" "$WORK/partner.json" || { tail -50 "$WORK/server.log"; exit 1; }
