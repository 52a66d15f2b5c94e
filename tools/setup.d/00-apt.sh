# need_apt NAME…: installs the Debian packages among NAME… that are missing (one apt-get update
# per run, only when something is missing). Later parts of tools/setup.d/ call it.
need_apt() {
  local want=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || want+=("$pkg")
  done
  [ ${#want[@]} -eq 0 ] && return 0
  say "installing ${want[*]} (Debian)"
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  if [ -z "${DRAFTDIFF_APT_UPDATED:-}" ]; then $SUDO apt-get update -qq; DRAFTDIFF_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
}
