//! `cargo run --release -p xtask -- bench [RUNS] [--json]`: native timings of the core on the
//! bundled documents, as a reference for the in-browser (wasm) figures of `tools/bench`.
//! Each run is timed on its own; prints the median, p10 and p90.

use draftdiff_core::align::RowKind;
use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::bundled;
use draftdiff_core::diff::word_diff;
use std::hint::black_box;
use std::time::Instant;

/// Median, p10 and p90 of per-run milliseconds.
struct Summary {
    median: f64,
    p10: f64,
    p90: f64,
    runs: usize,
}

fn summarize(mut ms: Vec<f64>) -> Summary {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    Summary {
        median: at(0.5),
        p10: at(0.1),
        p90: at(0.9),
        runs: ms.len(),
    }
}

fn time(runs: usize, mut f: impl FnMut()) -> Summary {
    for _ in 0..runs.div_ceil(10) {
        f(); // warm-up
    }
    summarize(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

/// Runs the benchmark and prints the result (JSON with `--json`).
pub fn run(args: &[String]) -> Result<(), String> {
    let json = args.iter().any(|a| a == "--json");
    let runs = match args.iter().find(|a| *a != "--json") {
        Some(n) => n
            .parse::<usize>()
            .map_err(|_| format!("bench: not a number of runs: {n}"))?,
        None => 200,
    };
    if runs == 0 {
        return Err("bench: give at least one run".into());
    }
    let [old, new] = bundled();
    let cmp = Comparison::new(old.clone(), new.clone());
    let pairs: Vec<(&str, &str)> = cmp
        .pairs
        .iter()
        .filter_map(|p| match (p.row.kind, p.row.old, p.row.new) {
            (RowKind::Changed | RowKind::Moved, Some(o), Some(n)) => {
                Some((&*cmp.old.provisions[o].text, &*cmp.new.provisions[n].text))
            }
            _ => None,
        })
        .collect();
    let compare = time(runs, || {
        black_box(Comparison::new(black_box(old.clone()), black_box(new.clone())));
    });
    let diff = time(runs, || {
        for (o, n) in &pairs {
            black_box(word_diff(black_box(o), black_box(n)));
        }
    });
    let row = |name: &str, s: &Summary| {
        if json {
            format!(
                r#""{name}":{{"median":{:.4},"p10":{:.4},"p90":{:.4},"runs":{}}}"#,
                s.median, s.p10, s.p90, s.runs
            )
        } else {
            format!(
                "{name:<8} median {:.3} ms  (p10 {:.3}, p90 {:.3}; {} runs)",
                s.median, s.p10, s.p90, s.runs
            )
        }
    };
    if json {
        println!(
            r#"{{"pairs":{},"provisions":[{},{}],{},{}}}"#,
            pairs.len(),
            old.provisions.len(),
            new.provisions.len(),
            row("compare", &compare),
            row("diff", &diff)
        );
    } else {
        println!(
            "native core, bundled documents ({} + {} provisions, {} word-diffed pairs)",
            old.provisions.len(),
            new.provisions.len(),
            pairs.len()
        );
        println!(
            "{}   <- Comparison::new: alignment + every word diff",
            row("compare", &compare)
        );
        println!("{}   <- word_diff over the pairs only", row("diff", &diff));
    }
    Ok(())
}
