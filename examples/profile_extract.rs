//! Runs extraction over the sample articles many times; for profilers (`perf`, `valgrind`).
//!
//! `cargo run --release --example profile_extract -- 200`
fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    for dir in ["tests/corpus", "examples/articles"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            articles.push(saywho::Article::from_txt("a", text));
        }
    }
    let extractor = saywho::Extractor::new();
    let mut quotes = 0;
    for _ in 0..rounds {
        for a in &articles {
            quotes += extractor.extract(a).quotes.len();
        }
    }
    println!("{quotes} quotes");
}
