# nginx (Debian): tests/e2e/hosting.test.mjs starts it on 127.0.0.1 with the sample server block of
# docs/hosting/nginx.conf, to prove the headers docs/hosting.md asks of a widget host.
# nginx-light would do too, but Debian's "nginx" package is what most hosts run (gzip, static).
say "nginx"
need_apt nginx
