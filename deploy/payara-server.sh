#!/usr/bin/env bash
# Sets up a running Payara Server 6 domain for Devices and deploys the WAR (README: "Deploy on Payara
# Server"): the PostgreSQL driver as a server library, then the run command's own boot commands, then
# the WAR at /. Run from the project's root after `mvn package`, once per domain.
#   ASADMIN=asadmin ASADMIN_OPTS="--port 4848" deploy/payara-server.sh
set -euo pipefail
cd "$(dirname "$0")/.."
asadmin=${ASADMIN:-asadmin}
# shellcheck disable=SC2086
run() { "$asadmin" ${ASADMIN_OPTS:-} --interactive=false "$@"; }

run add-library target/server-lib/postgresql.jar
# Payara Server names its HTTP listener http-listener-1 (Payara Micro: http-listener).
sed 's/protocol\.http-listener\./protocol.http-listener-1./' payara-config/pre-boot-commands.asadmin > target/pre-boot-server.asadmin
run multimode --file target/pre-boot-server.asadmin
run multimode --file payara-config/post-boot-commands.asadmin
run deploy --contextroot / --name devices target/devices.war
