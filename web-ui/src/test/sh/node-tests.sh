#!/bin/sh
# Runs the web UI's pure-module tests with node's built-in test runner (Maven's test phase calls
# this). Without node the tests are skipped with a message, except under CI=true, where a
# missing tool is a failure: CI must not pass by testing nothing.
set -eu
cd "$(dirname "$0")/../../.."
if ! command -v node >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "web-ui: node is required for the JS tests under CI=true (apt-get install nodejs)" >&2
    exit 1
  fi
  echo "web-ui: SKIPPED the JS tests: node not found (apt-get install nodejs, version 20 or later)"
  exit 0
fi
exec node --test src/test/js/
