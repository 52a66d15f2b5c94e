# LibreOffice Writer without a GUI (Debian): crates/core/tests/docx.rs and tests/e2e/custom.test.mjs
# make their Word files from .fodt sources with `soffice --headless --convert-to docx`, so what is
# tested is what a real word processor writes.
say "LibreOffice Writer (headless)"
need_apt libreoffice-writer-nogui
