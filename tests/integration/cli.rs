use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::snapshot_settings;

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `saywho` in `dir` and renders exit code, stdout and stderr for a snapshot.
fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_saywho"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("saywho runs");
    // Written from another thread: saywho streams, so it may fill its stdout pipe before it
    // has read all of its input.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or("").to_string();
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const GOOD: &str = "“We open at nine,” said librarian Rosa Diaz.\n";

#[test]
fn bad_files_are_reported_and_the_rest_processed() {
    let dir = scratch("cli_bad_files");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a_good.txt"), GOOD).unwrap();
    std::fs::write(input.join("b_bad.txt"), b"Caf\xe9 \xff\xfe").unwrap();
    std::fs::write(input.join("c_empty.txt"), "").unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    std::fs::write(
        input.join("sub/d.jsonl"),
        "{\"id\":\"j1\",\"outlet\":\"Wire\",\"text\":\"“Fine,” he said.\"}\n{broken\n\n{\"id\":\"j2\",\"text\":\"\"}\n",
    )
    .unwrap();
    let got = run(&dir, &["extract", "in"], None);
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_bad_files", got));
}

#[test]
fn missing_path_is_an_error_and_others_still_run() {
    let dir = scratch("cli_missing");
    std::fs::write(dir.join("ok.txt"), GOOD).unwrap();
    std::fs::write(dir.join("story.pdf"), "%PDF").unwrap();
    let got = run(
        &dir,
        &["extract", "nowhere.txt", "ok.txt", "story.pdf"],
        None,
    );
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_missing", got));
}

#[test]
fn speakers_table() {
    let dir = scratch("cli_speakers");
    std::fs::write(
        dir.join("a.txt"),
        "Trade Minister Ines Duarte said: “We will sign.”\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "“We will sign,” Duarte said. Officials said the deal was close.\n",
    )
    .unwrap();
    let got = run(&dir, &["speakers", "a.txt", "b.txt"], None);
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_speakers", got));
}

#[test]
fn link_writes_one_statement_per_line() {
    let dir = scratch("cli_link");
    std::fs::write(
        dir.join("a.txt"),
        "Mayor Ana Reyes said: “We will defend the harbour at any cost.”\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "“We will defend the harbor at any cost,” Reyes said. “Rain is coming,” she added.\n",
    )
    .unwrap();
    let got = run(&dir, &["link", "a.txt", "b.txt"], None);
    assert!(got.starts_with("exit: 0\n"), "{got}");
    let body = got
        .split("--- stdout\n")
        .nth(1)
        .unwrap()
        .split("--- stderr")
        .next()
        .unwrap();
    let statements: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(statements.len(), 2, "{body}");
    let linked = statements
        .iter()
        .find(|s| s["quotes"].as_array().unwrap().len() == 2)
        .expect("linked");
    assert_eq!(linked["speaker"], "ana-reyes");
    let diff = &linked["members"][1]["diff"];
    assert!(
        diff.to_string().contains("\"reason\":\"spelling\""),
        "{diff}"
    );
}

#[test]
fn sheet_folder_has_an_index_and_one_file_per_speaker() {
    let dir = scratch("cli_sheet");
    std::fs::write(
        dir.join("a.txt"),
        "Mayor Ana Reyes said: “We will defend the harbour.”\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "“We will defend the harbor,” Reyes said. Officials said the port was shut.\n",
    )
    .unwrap();
    let got = run(
        &dir,
        &[
            "sheet", "--format", "html", "--out", "sheets", "a.txt", "b.txt",
        ],
        None,
    );
    assert!(got.starts_with("exit: 0\n"), "{got}");
    let mut files: Vec<String> = std::fs::read_dir(dir.join("sheets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["ana-reyes.html", "b_officials.html", "index.html"]);
    let index = std::fs::read_to_string(dir.join("sheets/index.html")).unwrap();
    assert!(index.contains("href=\"ana-reyes.html\""), "{index}");
}

#[test]
fn bad_usage_exits_2() {
    let dir = scratch("cli_usage");
    let got = run(&dir, &["extract"], None);
    assert!(got.starts_with("exit: 2\n"), "{got}");
    let got = run(&dir, &["extract", "--format", "xml", "x.txt"], None);
    assert!(got.starts_with("exit: 2\n"), "{got}");
}

#[test]
fn stdin_jsonl_and_json_format() {
    let dir = scratch("cli_stdin");
    let input = "{\"id\":\"s1\",\"date\":\"2026-01-02\",\"text\":\"“Ready,” the coach said.\"}\n";
    let got = run(&dir, &["extract", "--format", "json", "-"], Some(input));
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_stdin_json", got));
    let body = got
        .split("--- stdout\n")
        .nth(1)
        .unwrap()
        .split("--- stderr")
        .next()
        .unwrap();
    let parsed: serde_json::Value =
        serde_json::from_str(body).expect("--format json is valid JSON");
    assert_eq!(parsed.as_array().map(Vec::len), Some(1));
}

/// A folder with a good file, a file that is not UTF-8, and another good file after it.
fn good_bad_good(name: &str) -> PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), GOOD).unwrap();
    // A Latin-1 "Café" in an otherwise UTF-8 file, as scrapers leave it.
    let latin1 = [
        b"Caf\xe9 owner Rosa Diaz said: ".as_slice(),
        "“We close at six.”\n".as_bytes(),
    ];
    std::fs::write(input.join("b.txt"), latin1.concat()).unwrap();
    std::fs::write(input.join("c.txt"), "“Bring a card,” Diaz added.\n").unwrap();
    dir
}

#[test]
fn strict_stops_at_the_first_failure_and_writes_no_file() {
    let dir = good_bad_good("cli_strict");
    // Without --strict: the bad file is reported, a and c are written, exit 1.
    let got = run(&dir, &["extract", "--output", "all.jsonl", "in"], None);
    assert!(got.starts_with("exit: 1"), "{got}");
    let written = std::fs::read_to_string(dir.join("all.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 2, "{written}");
    // With --strict: the run stops at b, and the output file is not created at all.
    let got = run(
        &dir,
        &["extract", "--strict", "-o", "strict.jsonl", "in"],
        None,
    );
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_strict", got));
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("strict"))
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

#[test]
fn lossy_decodes_what_strict_rejects() {
    let dir = good_bad_good("cli_lossy");
    let got = run(&dir, &["extract", "--lossy", "in/b.txt"], None);
    assert!(got.starts_with("exit: 0"), "{got}");
    assert!(got.contains("\"text\":\"We close at six.\""), "{got}");
    assert!(got.contains("\"id\":\"rosa-diaz\""), "{got}");
}

#[test]
fn jobs_do_not_change_the_output_and_no_progress_without_a_terminal() {
    let corpus = crate::support::project_path("tests/corpus");
    let corpus = corpus.to_str().unwrap();
    let dir = scratch("cli_jobs");
    let one = run(&dir, &["extract", "--jobs", "1", corpus], None);
    let two = run(&dir, &["-j", "2", "extract", corpus], None);
    assert!(one.starts_with("exit: 0"));
    // Same bytes, and an empty stderr: the progress bar stays off when stderr is a pipe.
    assert!(one.ends_with("--- stderr\n"), "{one}");
    assert_eq!(one, two);
    let got = run(&dir, &["extract", "--jobs", "0", corpus], None);
    assert!(got.starts_with("exit: 2"), "{got}");
}

#[test]
fn stdin_stream_keeps_input_order_across_batches() {
    // More articles than one batch holds (1,024), so order must survive batching.
    let mut input = String::new();
    for i in 0..2500 {
        input.push_str(&format!(
            "{{\"id\":\"n{i}\",\"text\":\"“Item {i} is ready,” said clerk Ana Ruiz.\"}}\n"
        ));
    }
    let dir = scratch("cli_order");
    let got = run(&dir, &["extract", "-"], Some(&input));
    let ids: Vec<&str> = got
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| l.split('"').nth(3).unwrap())
        .collect();
    let want: Vec<String> = (0..2500).map(|i| format!("n{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn sheet_folder_survives_hostile_speaker_ids() {
    let dir = scratch("cli_sheet_hostile");
    let long = "a".repeat(300);
    let input = format!(
        "{{\"id\":\"Правда\",\"text\":\"A senior official said: “We are ready now.”\"}}\n\
         {{\"id\":\"Москва\",\"text\":\"A senior official said: “We are ready then.”\"}}\n\
         {{\"id\":\"{long}\",\"text\":\"A senior official said: “We are ready at last.”\"}}\n\
         {{\"id\":\"i\",\"text\":\"“Index is the future,” Index said.\"}}\n"
    );
    let got = run(
        &dir,
        &["sheet", "--format", "md", "--out", "sheets", "-"],
        Some(&input),
    );
    assert!(got.starts_with("exit: 0\n"), "{got}");
    let files: Vec<String> = std::fs::read_dir(dir.join("sheets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // Four sheets and the index: none lost to another's name.
    assert_eq!(files.len(), 5, "{files:?}");
    let index = std::fs::read_to_string(dir.join("sheets/index.md")).unwrap();
    assert!(index.starts_with("# Who said what"), "{index}");
}
