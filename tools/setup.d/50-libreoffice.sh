# LibreOffice Writer without a GUI (Debian): crates/core/tests/word_files.rs and
# tests/e2e/custom.test.mjs make their Word and OpenDocument files from .fodt sources with
# `soffice --headless --convert-to docx` and `--convert-to odt`, so what is tested is what a real
# word processor writes.
say "LibreOffice Writer (headless)"
need_apt libreoffice-writer-nogui
