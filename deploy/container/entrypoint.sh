#!/bin/sh
# The image's entry point (Dockerfile): what the container does, named by its first argument.
#   serve              node dist/server/main.js (migrates at start unless MIGRATE_ON_START=false)
#   migrate            node dist/server/migrate.js: the migrations alone, then exit (a deploy step)
#   migrate-and-serve  both, in that order
#   emulator [options] node dist/server/emulator.js: the ZaloPay emulator alone (a demo, docs/emulator.md)
# Anything else runs as a command (e.g. `sh` to look around).
set -e
case "${1:-serve}" in
  serve) exec node dist/server/main.js ;;
  migrate) exec node dist/server/migrate.js ;;
  migrate-and-serve)
    node dist/server/migrate.js
    exec node dist/server/main.js
    ;;
  emulator)
    shift
    exec node dist/server/emulator.js "$@"
    ;;
  *) exec "$@" ;;
esac
