#!/bin/sh
# Runs inside a throw-away container of codearena/base (build.sh), the .deb closure mounted
# read-only at /debs; the container is committed as the stage the Dockerfile builds on. (A
# COPY of the debs would keep their 125 MB in a layer forever: the classic builder has no
# bind mounts.) robocode Depends on default-jre | java8-runtime, which would pull in X11; the
# headless JDK is all it needs. jmods (javac compiles against the runtime image) and docs go.
set -eu
cd /debs
DEBIAN_FRONTEND=noninteractive dpkg -i --ignore-depends=default-jre,java8-runtime ./*.deb >/dev/null
rm -rf /usr/lib/jvm/*/jmods /usr/lib/jvm/*/demo /usr/lib/jvm/*/man /usr/share/games/robocode/javadoc \
  /usr/share/doc/openjdk-17-* /usr/share/man/* /var/cache/debconf/*-old /var/log/dpkg.log /var/log/alternatives.log
java -version 2>&1 | head -1
