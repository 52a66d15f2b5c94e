//! Turns the data files under `data/` into static Rust at build time, so the wasm carries
//! no TOML parser and does no parsing at start-up. A data error fails the build with the
//! file, the provision and the problem.
//!
//! It also compares the two bundled drafts here, natively, with the engine the core uses for
//! readers' documents, and writes the result as compact bytes (`comparison.bin`, see
//! `draftdiff_engine::packed`): the viewer decodes the comparison instead of computing it.

use draftdiff_data::model::Part;
use draftdiff_data::{corpus as corpus_data, notes as notes_data, themes as themes_data};
use draftdiff_engine::{align::Options, packed, pairing, Paragraph};

use std::{env, fs, path::Path, process};

fn fail(problems: &[String]) -> ! {
    for p in problems {
        eprintln!("error: {p}");
        println!("cargo::warning={p}");
    }
    process::exit(1);
}

/// The data files live at the top of the repository (`data/`), beside the docs that describe them.
const DATA: &str = "../../data";

fn read(path: &str) -> String {
    let full = Path::new(DATA).join(path.strip_prefix("data/").unwrap_or(path));
    fs::read_to_string(&full).unwrap_or_else(|e| fail(&[format!("{path}: {e}")]))
}

/// A provision of a data file as the engine reads it.
struct Para<'a> {
    part: Part,
    text: &'a str,
}

impl Paragraph for Para<'_> {
    fn part(&self) -> Part {
        self.part
    }

    fn text(&self) -> &str {
        self.text
    }
}

fn main() {
    println!("cargo::rerun-if-changed={DATA}");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let mut docs = Vec::new();
    let mut files: Vec<_> = fs::read_dir(Path::new(DATA).join("corpus"))
        .unwrap_or_else(|e| fail(&[format!("data/corpus: {e}")]))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in &files {
        let name = format!("data/corpus/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let source = read(&name);
        docs.push(corpus_data::parse(&name, &source).unwrap_or_else(|p| fail(&p)));
    }
    if docs.len() != 2 {
        fail(&[format!(
            "data/corpus: expected exactly two documents, found {}",
            docs.len()
        )]);
    }
    docs.sort_by_key(|d| d.year);
    if docs[0].year == docs[1].year {
        fail(&[format!(
            "data/corpus: both documents are dated {}; versions need distinct years",
            docs[0].year
        )]);
    }
    let code = corpus_data::emit("DOC_OLD", &docs[0]) + &corpus_data::emit("DOC_NEW", &docs[1]);
    fs::write(Path::new(&out_dir).join("corpus.rs"), code).expect("write corpus.rs");

    // The same engine and options as `Comparison::new`, on the same texts as the statics above.
    fn paragraphs(d: &corpus_data::RawDocument) -> Vec<Para<'_>> {
        d.provisions
            .iter()
            .map(|p| Para {
                part: Part::from_key(&p.part).expect("validated"),
                text: &p.text,
            })
            .collect()
    }
    let (old, new) = (paragraphs(&docs[0]), paragraphs(&docs[1]));
    let pairs = pairing::pair_up(&old, &new, &Options::default());
    fs::write(Path::new(&out_dir).join("comparison.bin"), packed::encode(&pairs)).expect("write comparison.bin");

    let provisions: Vec<_> = docs
        .iter()
        .map(|d| themes_data::Provisions {
            symbol: &d.symbol,
            ids: d.provisions.iter().map(|p| p.id.as_str()).collect(),
        })
        .collect();
    let themes = themes_data::parse_themes("data/themes.toml", &read("data/themes.toml")).unwrap_or_else(|p| fail(&p));
    let tags = themes_data::parse_tags("data/tags.toml", &read("data/tags.toml"), &themes, &provisions)
        .unwrap_or_else(|p| fail(&p));
    let code = themes_data::emit(&themes, &tags, &provisions);
    fs::write(Path::new(&out_dir).join("themes.rs"), code).expect("write themes.rs");

    let texts: Vec<_> = docs
        .iter()
        .map(|d| notes_data::Document {
            symbol: &d.symbol,
            provisions: d
                .provisions
                .iter()
                .map(|p| notes_data::Provision {
                    id: &p.id,
                    text: &p.text,
                    status: &p.status,
                })
                .collect(),
        })
        .collect();
    let theme_ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    let notes =
        notes_data::parse("data/notes.toml", &read("data/notes.toml"), &texts, &theme_ids).unwrap_or_else(|p| fail(&p));
    fs::write(Path::new(&out_dir).join("notes.rs"), notes_data::emit(&notes)).expect("write notes.rs");
}
