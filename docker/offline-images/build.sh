#!/usr/bin/env bash
# Builds the offline look-alike images (./newsflow images): a Java 17 base, Apache Kafka and PostgreSQL 15, from
# Debian packages (debootstrap) and the Kafka jars of our Maven build only: no container registry is contacted.
#
#   newsflow-offline/jre:17          Debian bookworm minbase + openjdk-17-jre-headless     (JRE_IMAGE)
#   newsflow-offline/kafka:<ver>     the JRE image + local-kafka/target/kafka-libs, the    (KAFKA_IMAGE)
#                                    apache/kafka env/entrypoint contract, /opt/kafka/bin tools
#   newsflow-offline/postgres:15     Debian bookworm minbase + postgresql-15, the official (POSTGRES_IMAGE)
#                                    postgres image's POSTGRES_* contract
#
# Each image carries a label with the hash of everything it is built from; an image whose label matches is
# kept (the script then does nothing), so it runs once per machine. --force rebuilds. --print-env prints the
# image variables for docker-compose (KAFKA_IMAGE=... lines) and nothing else on stdout.
# Needs: root (debootstrap), a running Docker engine, debootstrap, and the Maven build of local-kafka.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SUITE="${NEWSFLOW_DEBIAN_SUITE:-bookworm}"
KAFKA_LIBS="$ROOT/local-kafka/target/kafka-libs"
LABEL=io.newsflow.offline-image.inputs
FORCE=false PRINT_ENV=false
for a in "$@"; do
  case "$a" in
    --force) FORCE=true ;;
    --print-env) PRINT_ENV=true ;;
    *) echo "usage: $0 [--force] [--print-env]" >&2; exit 2 ;;
  esac
done

log() { printf '%s\n' "$*" >&2; }
die() { log "images: $*"; exit 1; }

# The machine's own Debian mirror (deb822 or one-line sources), so a site mirror is used when configured.
debian_mirror() {
  local m
  m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -v security | sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' \
    | awk '{print $1}' | grep -E '/debian/?$' | head -1)
  echo "${NEWSFLOW_DEBIAN_MIRROR:-${m:-http://deb.debian.org/debian}}"
}

kafka_version() { ls "$KAFKA_LIBS" | sed -nE 's/^kafka_2\.13-(.*)\.jar$/\1/p' | head -1; }

hash_of() { # files and extra words -> short content hash
  { for f in "$@"; do if [ -f "$f" ]; then cat "$f"; else printf '%s\n' "$f"; fi; done; } | sha256sum | cut -c1-16
}

image_current() { # name hash
  [ "$FORCE" = false ] && [ "$(docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null)" = "$2" ]
}

# debootstrap a minbase rootfs with extra packages into $2, then strip caches and what docker import cannot use.
make_rootfs() { # packages dir
  local packages=$1 dir=$2
  rm -rf "$dir"
  debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir" "$(debian_mirror)" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log" >&2; die "debootstrap of $packages failed (log: $dir.log)"; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/* \
    "$dir"/var/log/*.log "$dir"/var/log/apt/* 
}

import_rootfs() { # dir name hash docker-import-changes...
  local dir=$1 name=$2 hash=$3; shift 3
  local changes=() c
  for c in "$@" "LABEL $LABEL=$hash"; do changes+=(-c "$c"); done
  tar --numeric-owner --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -C "$dir" -c . \
    | docker import "${changes[@]}" - "$name" >/dev/null
}

command -v docker >/dev/null && docker info >/dev/null 2>&1 || die "no Docker engine reachable (start dockerd)"
[ -d "$KAFKA_LIBS" ] && [ -n "$(kafka_version)" ] \
  || die "no Kafka jars in $KAFKA_LIBS: build first (./mvnw -B -q package -DskipTests -pl local-kafka)"
grep -q 'kafka-tools-' <(ls "$KAFKA_LIBS") || die "$KAFKA_LIBS lacks kafka-tools: rebuild local-kafka"

KAFKA_VERSION=$(kafka_version)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
JRE_IMAGE=newsflow-offline/jre:17
KAFKA_IMAGE=newsflow-offline/kafka:$KAFKA_VERSION
POSTGRES_IMAGE=newsflow-offline/postgres:15
JRE_HASH=$(hash_of "$HERE/build.sh" "$SUITE" "$ARCH" jre)
KAFKA_HASH=$(hash_of "$JRE_HASH" $(find "$HERE/kafka" -type f | sort) "$(ls "$KAFKA_LIBS")")
POSTGRES_HASH=$(hash_of "$HERE/build.sh" "$SUITE" "$ARCH" $(find "$HERE/postgres" -type f | sort))

WORK="${NEWSFLOW_IMAGES_WORK:-/var/tmp/newsflow-offline-images}"
mkdir -p "$WORK"
started=$(date +%s)

need_jre=false need_pg=false
image_current "$JRE_IMAGE" "$JRE_HASH" || need_jre=true
image_current "$POSTGRES_IMAGE" "$POSTGRES_HASH" || need_pg=true
if $need_jre || $need_pg; then
  [ "$(id -u)" = 0 ] || die "debootstrap needs root"
  command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install -y debootstrap)"
  log "images: debootstrap $SUITE from $(debian_mirror) ($($need_jre && echo 'JRE ')$($need_pg && echo PostgreSQL)) ..."
  pids=()
  $need_jre && { make_rootfs openjdk-17-jre-headless "$WORK/jre" & pids+=($!); }
  $need_pg && { make_rootfs postgresql-15 "$WORK/postgres" & pids+=($!); }
  for p in "${pids[@]}"; do wait "$p" || die "debootstrap failed"; done
  log "images: rootfs ready after $(( $(date +%s) - started )) s"
fi

if $need_jre; then
  java_home=$(dirname "$(dirname "$(readlink -f "$WORK/jre/usr/lib/jvm/java-17-openjdk-$ARCH/bin/java")")")
  java_home=${java_home#"$WORK/jre"}
  import_rootfs "$WORK/jre" "$JRE_IMAGE" "$JRE_HASH" "ENV LANG=C.UTF-8" "ENV JAVA_HOME=$java_home" \
    'CMD ["/bin/bash"]'
  log "images: built $JRE_IMAGE"
else
  log "images: $JRE_IMAGE is current"
fi

if $need_pg; then
  # postgres:15's postinst made a Debian cluster; the entrypoint makes its own in PGDATA instead.
  rm -rf "$WORK/postgres/etc/postgresql/15" "$WORK/postgres/var/lib/postgresql/15"
  import_rootfs "$WORK/postgres" newsflow-offline/postgres-rootfs:15 "$POSTGRES_HASH"
  docker build -q --label "$LABEL=$POSTGRES_HASH" --build-arg BASE=newsflow-offline/postgres-rootfs:15 \
    -t "$POSTGRES_IMAGE" "$HERE/postgres" >/dev/null
  docker image rm newsflow-offline/postgres-rootfs:15 >/dev/null 2>&1 || true
  log "images: built $POSTGRES_IMAGE"
else
  log "images: $POSTGRES_IMAGE is current"
fi

if ! image_current "$KAFKA_IMAGE" "$KAFKA_HASH"; then
  # The build context is a scratch folder: the Dockerfile, the scripts and the broker jars.
  ctx="$WORK/kafka-context"
  rm -rf "$ctx" && mkdir -p "$ctx" && cp -r "$HERE"/kafka/. "$ctx"/ && cp -r "$KAFKA_LIBS" "$ctx/libs"
  docker build -q --label "$LABEL=$KAFKA_HASH" --build-arg JRE_IMAGE="$JRE_IMAGE" \
    --build-arg KAFKA_VERSION="$KAFKA_VERSION" -t "$KAFKA_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
  log "images: built $KAFKA_IMAGE"
else
  log "images: $KAFKA_IMAGE is current"
fi
rm -rf "$WORK/jre" "$WORK/postgres"
log "images: done in $(( $(date +%s) - started )) s"

if $PRINT_ENV; then
  printf 'JRE_IMAGE=%s\nKAFKA_IMAGE=%s\nPOSTGRES_IMAGE=%s\n' "$JRE_IMAGE" "$KAFKA_IMAGE" "$POSTGRES_IMAGE"
else
  log "use them with: JRE_IMAGE=$JRE_IMAGE KAFKA_IMAGE=$KAFKA_IMAGE POSTGRES_IMAGE=$POSTGRES_IMAGE docker-compose up -d --build"
fi
