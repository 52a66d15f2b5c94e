# Java for the Nu Html Checker (npm vnu-jar, run by tests/e2e/markup.test.mjs): Debian's
# headless JRE, only when no `java` is on PATH.
if ! command -v java >/dev/null; then
  need_apt default-jre-headless
fi
