//! Hostile input and faults in reading: ids unique per run, directories with loops, links
//! and unreadable parts, byte-order marks, streams that keep failing, decomposed Unicode and
//! spans that run backwards.

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use saywho::input::{self, Decoding, UniqueIds, Walk};
use saywho::{Article, Extractor, Span};

use crate::support::scratch;

/// The ids of every article read from `path`, in order (errors as `ERR`).
fn ids(path: &Path) -> Vec<String> {
    input::sources(path)
        .into_iter()
        .flat_map(|s| match s {
            Ok(s) => input::read_source(&s, Decoding::Strict).collect::<Vec<_>>(),
            Err(e) => vec![Err(e)],
        })
        .map(|r| r.map_or_else(|_| "ERR".to_string(), |a| a.id))
        .collect()
}

const GOOD: &str = "“We open at nine,” said librarian Rosa Diaz.\n";

#[test]
fn files_in_subfolders_take_their_relative_path_as_id() {
    let dir = scratch("hostile_ids");
    for sub in ["ledger", "courier"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("2026-03-04.txt"), GOOD).unwrap();
    }
    std::fs::write(dir.join("top.txt"), GOOD).unwrap();
    assert_eq!(
        ids(&dir),
        ["courier/2026-03-04", "ledger/2026-03-04", "top"]
    );
    // A file named on its own keeps its stem.
    assert_eq!(ids(&dir.join("ledger/2026-03-04.txt")), ["2026-03-04"]);
}

#[test]
fn repeated_ids_are_made_unique_and_reported() {
    let mut seen = UniqueIds::default();
    let mut first = Article::new("x", "One.");
    let mut second = Article::new("x", "Two.");
    let mut third = Article::new("x~2", "Three.");
    assert_eq!(seen.admit(&mut first), None);
    assert_eq!(seen.admit(&mut second).as_deref(), Some("x"));
    assert_eq!(second.id, "x~2");
    // An id that a renaming already took is renamed in turn.
    assert_eq!(seen.admit(&mut third).as_deref(), Some("x~2"));
    assert_eq!(third.id, "x~2~2");
    assert_eq!(first.id, "x");
}

#[test]
fn a_symlink_loop_is_walked_once() {
    let dir = scratch("hostile_loop");
    std::fs::create_dir_all(dir.join("in/sub")).unwrap();
    std::fs::write(dir.join("in/a.txt"), GOOD).unwrap();
    std::fs::write(dir.join("in/sub/b.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink("..", dir.join("in/sub/up")).unwrap();
    assert_eq!(ids(&dir.join("in")), ["a", "sub/b"]);
}

#[test]
fn symlinks_out_of_the_tree_are_not_followed_unless_asked() {
    let dir = scratch("hostile_outside");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
    std::fs::write(dir.join("in/a.txt"), GOOD).unwrap();
    std::fs::write(dir.join("elsewhere/far.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("in/far")).unwrap();
    std::os::unix::fs::symlink("/", dir.join("in/root")).unwrap();
    assert_eq!(ids(&dir.join("in")), ["a"]);
    std::fs::remove_file(dir.join("in/root")).unwrap();
    let followed: Vec<PathBuf> = Walk::default()
        .follow_links(true)
        .sources(&dir.join("in"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|s| s.path)
        .filter(|p| p.starts_with(dir.join("in/far")))
        .collect();
    assert_eq!(followed, [dir.join("in/far/far.txt")]);
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_read() {
    // Root reads any folder whatever its mode, so the folder is made unreadable by depth: a
    // path longer than the system's limit cannot be opened by name.
    let dir = scratch("hostile_deep");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.txt"), GOOD).unwrap();
    std::fs::write(dir.join("in/z.txt"), GOOD).unwrap();
    let name = "d".repeat(200);
    let deep = format!(
        "cd {} && for i in $(seq 30); do mkdir {name} && cd {name}; done && echo x > deep.txt",
        dir.join("in").display()
    );
    let made = std::process::Command::new("bash")
        .arg("-c")
        .arg(&deep)
        .status()
        .unwrap();
    assert!(made.success());
    let got = ids(&dir.join("in"));
    assert_eq!(got.first().map(String::as_str), Some("a"));
    assert_eq!(got.last().map(String::as_str), Some("z"));
    assert!(got.iter().any(|i| i == "ERR"), "{got:?}");
}

/// A reader whose every read fails, like a directory given as standard input.
struct Broken;

impl Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other("is a directory"))
    }
}

#[test]
fn a_stream_that_keeps_failing_ends_after_one_error() {
    let got: Vec<_> = input::read_jsonl(BufReader::new(Broken)).take(10).collect();
    assert_eq!(got.len(), 1);
    assert!(got[0].is_err());
}

#[test]
fn byte_order_marks_are_dropped() {
    let dir = scratch("hostile_bom");
    let record = "{\"id\":\"j1\",\"text\":\"“Fine,” he said.\"}";
    std::fs::write(dir.join("a.jsonl"), format!("\u{feff}{record}\n{record}\n")).unwrap();
    std::fs::write(dir.join("b.json"), format!("\u{feff}[{record}]")).unwrap();
    std::fs::write(
        dir.join("c.txt"),
        "\u{feff}---\noutlet: The Ledger\n---\n“Fine,” he said.\n",
    )
    .unwrap();
    let a: Vec<_> = input::read_file(&dir.join("a.jsonl")).collect();
    assert!(a.iter().all(Result::is_ok), "{a:?}");
    let b: Vec<_> = input::read_file(&dir.join("b.json")).collect();
    assert!(b.len() == 1 && b[0].is_ok(), "{b:?}");
    let c = input::read_file(&dir.join("c.txt"))
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(c.outlet.as_deref(), Some("The Ledger"));
    assert_eq!(c.body().1, "“Fine,” he said.\n");
}

#[test]
fn one_bad_record_of_a_json_array_loses_only_itself() {
    let dir = scratch("hostile_json_array");
    let path = dir.join("a.json");
    std::fs::write(
        &path,
        r#"[{"id":"a","text":"One."},{"id":"b"},{"id":"c","text":"Three."}]"#,
    )
    .unwrap();
    let got: Vec<_> = input::read_file(&path).collect();
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].as_ref().unwrap().id, "a");
    let err = got[1].as_ref().unwrap_err();
    assert_eq!(err.record(), Some(2));
    assert!(err.to_string().contains("record 2"), "{err}");
    assert_eq!(got[2].as_ref().unwrap().id, "c");
}

#[test]
fn where_the_prose_starts_is_never_read_from_json() {
    let got: Vec<_> =
        input::read_jsonl(&br#"{"id":"a","text":"Hi there.","body_start":99}"#[..]).collect();
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.body(), (0, "Hi there."));
}

#[test]
fn spans_never_run_backwards() {
    let s = Span::new(5, 3);
    assert!(s.is_empty());
    assert_eq!(s.len(), 0);
    assert!(serde_json::from_str::<Span>("[5,3]").is_err());
    assert_eq!(
        serde_json::from_str::<Span>("[3,5]").unwrap(),
        Span::new(3, 5)
    );
}

#[test]
fn decomposed_names_are_whole_names() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = "“We will appeal,” said José Núñez, the club's lawyer.";
    let nfd: String = nfc.nfd().collect();
    let name = |text: &str| {
        let e = Extractor::new().extract(&Article::new("a", text));
        e.quotes[0].speaker.as_ref().and_then(|s| s.name.clone())
    };
    assert_eq!(name(nfc).as_deref(), Some("José Núñez"));
    let decomposed = name(&nfd).unwrap();
    assert_eq!(decomposed.nfc().collect::<String>(), "José Núñez");
    let id = |text: &str| {
        let e = Extractor::new().extract(&Article::new("a", text));
        e.quotes[0].speaker.as_ref().and_then(|s| s.id.clone())
    };
    assert_eq!(id(nfc), id(&nfd));
}
