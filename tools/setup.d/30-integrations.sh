# Blog platforms for tests/e2e/wordpress, hugo and jekyll .test.mjs: Debian's WordPress 6.1 (with
# its default theme), PHP, MariaDB, Hugo 0.111 and Jekyll 4.3. The tests start their own MariaDB (socket in a temp
# folder, no TCP) and `php -S 127.0.0.1:PORT`, so the system services these packages bring
# (apache2, mariadb) must not start: a temporary policy-rc.d refuses them during the install.
integrations_pkgs=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql mariadb-server hugo jekyll)
integrations_missing=()
for pkg in "${integrations_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || integrations_missing+=("$pkg")
done
if [ ${#integrations_missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  integrations_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    integrations_policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\n# draftdiff tools/setup: no services start while packages install\nexit 101\n' | $SUDO tee "$integrations_policy" >/dev/null
    $SUDO chmod 755 "$integrations_policy"
  fi
  integrations_rc=0
  need_apt "${integrations_pkgs[@]}" || integrations_rc=$?
  if [ -n "$integrations_policy" ]; then $SUDO rm -f "$integrations_policy"; fi
  if [ "$integrations_rc" != 0 ]; then echo "installing ${integrations_missing[*]} failed" >&2; exit "$integrations_rc"; fi
fi
unset integrations_pkgs integrations_missing integrations_policy integrations_rc
