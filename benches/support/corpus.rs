//! A large, deterministic news corpus generated from the project's own articles
//! (`tests/corpus`, `examples/articles`), for benchmarks and the streaming check.
//!
//! Article k is source article k mod n with a new id and one of twelve outlets, and inside
//! quote marks each lower-case word is swapped, with probability 1/3, for a word from the
//! corpus vocabulary. The writer's text (names, roles, cues) stays as written, so extraction
//! does the same work as on the sources, while the quotes differ from copy to copy and
//! linking sees near-variants rather than thousands of identical statements.

#![allow(dead_code)] // each bench uses part of it

use std::path::Path;

use saywho::Article;

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The project's own articles, in file order.
pub fn project_articles() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/corpus", "examples/articles"] {
        for source in saywho::input::sources(&root.join(dir)) {
            let source = source.expect("corpus folder");
            out.extend(
                saywho::input::read_source(&source, Default::default())
                    .map(|a| a.expect("an article")),
            );
        }
    }
    out
}

/// Lower-case words of the sources, the swap vocabulary.
fn vocabulary(sources: &[Article]) -> Vec<String> {
    let mut v: Vec<String> = sources
        .iter()
        .flat_map(|a| a.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_lowercase()))
        .map(String::from)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// `text` with lower-case words inside curly or straight double quotes swapped at random.
fn vary_quotes(text: &str, vocabulary: &[String], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut inside = false;
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut String, inside: bool| {
        if inside && !word.is_empty() && word.chars().all(char::is_lowercase) && rng.below(3) == 0 {
            out.push_str(&vocabulary[rng.below(vocabulary.len())]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out, inside);
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            '\n' => inside = false,
            _ => {}
        }
        out.push(c);
    }
    flush(&mut word, &mut out, inside);
    out
}

/// At least `bytes` of article text, in articles generated from the project's own.
pub fn generate(bytes: usize) -> Vec<Article> {
    let sources = project_articles();
    let vocabulary = vocabulary(&sources);
    let mut rng = Rng(0x5eed_0f5a_7740);
    let mut out = Vec::new();
    let mut size = 0;
    let mut k = 0;
    while size < bytes {
        let s = &sources[k % sources.len()];
        let mut a = Article::from_txt(
            format!("g{k:07}"),
            vary_quotes(&s.text, &vocabulary, &mut rng),
        );
        if a.outlet.is_none() || k >= sources.len() {
            a.outlet = Some(format!("Outlet {}", k % 12));
        }
        size += a.text.len();
        out.push(a);
        k += 1;
    }
    out
}

/// Total text bytes.
pub fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}
