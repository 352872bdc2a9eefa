use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{scratch, snapshot_settings};

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
    assert_eq!(
        files,
        [
            ".saywho-manifest",
            "ana-reyes.html",
            "anonymous-sources.html",
            "index.html"
        ]
    );
    let index = std::fs::read_to_string(dir.join("sheets/index.html")).unwrap();
    assert!(index.contains("href=\"ana-reyes.html\""), "{index}");
    assert!(
        index.contains("href=\"anonymous-sources.html#b_officials\""),
        "{index}"
    );
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
    // The index, the sheet of "Index" (which must not take the index's name), the page of
    // the three anonymous sources and the manifest: none lost to another's name.
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files.iter().any(|f| f.starts_with("index-")), "{files:?}");
    let index = std::fs::read_to_string(dir.join("sheets/index.md")).unwrap();
    assert!(index.starts_with("# Who said what"), "{index}");
    let anonymous = std::fs::read_to_string(dir.join("sheets/anonymous-sources.md")).unwrap();
    for article in ["Правда", "Москва", long.as_str()] {
        assert!(
            anonymous.contains(&format!("article {article}")),
            "{anonymous}"
        );
    }
    // Three sources, each under its own anchor.
    assert_eq!(anonymous.matches("<a id=").count(), 6, "{anonymous}");
}

/// `saywho` run through bash, for redirections `Command` cannot express (closed or full
/// descriptors). Returns the exit code and stderr.
fn run_shell(dir: &Path, script: &str) -> (i32, String) {
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("SAYWHO", env!("CARGO_BIN_EXE_saywho"))
        .current_dir(dir)
        .output()
        .expect("bash runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The files of `dir` whose names `saywho` gives its temporary files.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".saywho-tmp"))
        .collect()
}

#[test]
fn output_to_a_fifo_is_written_through_and_the_fifo_stays() {
    let dir = scratch("cli_fifo");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.join("out"))
        .status()
        .unwrap();
    assert!(made.success());
    let fifo = dir.join("out");
    let reader = std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap());
    let got = run(&dir, &["extract", "-o", "out", "a.txt"], None);
    assert!(got.starts_with("exit: 0"), "{got}");
    // Checked before joining the reader: had the FIFO been replaced, it would wait forever.
    let kind = std::fs::symlink_metadata(dir.join("out"))
        .unwrap()
        .file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
    assert!(reader.join().unwrap().contains("\"We open at nine\""));
    assert!(temporaries(&dir).is_empty());
}

#[test]
fn output_to_a_device_is_written_through_and_the_device_stays() {
    let dir = scratch("cli_device");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    // A null device of our own, so a regression replaces this node and not /dev/null.
    let made = Command::new("mknod")
        .args(["null", "c", "1", "3"])
        .current_dir(&dir)
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mknod needs root");
        return;
    }
    let got = run(&dir, &["extract", "-o", "null", "a.txt"], None);
    assert!(got.starts_with("exit: 0"), "{got}");
    let kind = std::fs::symlink_metadata(dir.join("null"))
        .unwrap()
        .file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(&kind));
    assert!(temporaries(&dir).is_empty());
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let dir = scratch("cli_symlink_out");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    std::fs::create_dir_all(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/out.jsonl"), "old\n").unwrap();
    std::os::unix::fs::symlink("real/out.jsonl", dir.join("link.jsonl")).unwrap();
    let got = run(&dir, &["extract", "-o", "link.jsonl", "a.txt"], None);
    assert!(got.starts_with("exit: 0"), "{got}");
    assert!(std::fs::symlink_metadata(dir.join("link.jsonl"))
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(dir.join("real/out.jsonl")).unwrap();
    assert!(written.contains("\"We open at nine\""), "{written}");
    assert!(temporaries(&dir).is_empty() && temporaries(&dir.join("real")).is_empty());
}

#[test]
fn a_directory_on_standard_input_is_one_error() {
    let dir = scratch("cli_stdin_dir");
    std::fs::create_dir_all(dir.join("folder")).unwrap();
    let (code, stderr) = run_shell(&dir, "timeout 20 \"$SAYWHO\" extract - < folder");
    assert_eq!(code, 1, "{stderr}");
    // One error, then the warning that nothing was read.
    assert_eq!(
        stderr,
        "saywho: <stdin>: cannot read: Is a directory (os error 21)\n\
         saywho: warning: no articles read from standard input\n"
    );
}

#[test]
fn a_failing_standard_error_is_no_panic() {
    let dir = scratch("cli_stderr_full");
    let (code, _) = run_shell(&dir, "\"$SAYWHO\" extract missing.txt 2>/dev/full");
    assert_eq!(code, 1);
    let (code, _) = run_shell(&dir, "\"$SAYWHO\" extract missing.txt 2>&-");
    assert_eq!(code, 1);
}

#[test]
fn lost_standard_output_is_never_success() {
    let dir = scratch("cli_stdout_closed");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    let (code, stderr) = run_shell(&dir, "\"$SAYWHO\" extract a.txt >&-");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("standard output"), "{stderr}");
    let (code, stderr) = run_shell(&dir, "\"$SAYWHO\" extract a.txt >/dev/full");
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn a_stopped_run_leaves_no_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = scratch(&format!("cli_signal_{signal}"));
        // Standard input stays open, so the run waits for more until the signal comes.
        let mut child = Command::new(env!("CARGO_BIN_EXE_saywho"))
            .args(["extract", "-o", "out.jsonl", "-"])
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"{\"id\":\"a\",\"text\":\"\\u201cWe go,\\u201d she said.\"}\n")
            .unwrap();
        stdin.flush().unwrap();
        let appeared = (0..100).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            !temporaries(&dir).is_empty()
        });
        assert!(
            appeared,
            "the temporary file should exist while the run is going"
        );
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        drop(stdin);
        assert!(!status.success(), "{signal}: {status}");
        assert!(
            temporaries(&dir).is_empty(),
            "{signal}: {:?}",
            temporaries(&dir)
        );
        assert!(!dir.join("out.jsonl").exists());
    }
}

#[test]
fn duplicate_ids_are_renamed_with_a_warning() {
    let dir = scratch("cli_duplicate_ids");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("story.txt"), GOOD).unwrap();
    }
    let records = "{\"id\":\"s\",\"text\":\"One.\"}\n{\"id\":\"s\",\"text\":\"Two.\"}\n";
    std::fs::write(dir.join("c.jsonl"), records).unwrap();
    let got = run(&dir, &["extract", "a", "b", "c.jsonl"], None);
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_duplicate_ids", got));
}

/// The files of `dir`, hidden ones included, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// Two articles: Mayor Ana Reyes in `a.txt`, Fire Chief Owen Marsh in `b.txt`.
fn two_speakers(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(
        dir.join("a.txt"),
        "Mayor Ana Reyes said: “We will defend the harbour.”\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Fire Chief Owen Marsh said: “The barrier holds.”\n",
    )
    .unwrap();
    dir
}

#[test]
fn sheet_takes_o_like_every_other_command() {
    let dir = two_speakers("cli_sheet_o");
    let want = |folder: &str| {
        format!(
            "exit: 0\n--- stdout\n--- stderr\nsaywho: wrote 2 sheets and an index to {folder}\n"
        )
    };
    for (flag, folder) in [("-o", "short"), ("--out", "long"), ("--output", "alias")] {
        let got = run(&dir, &["sheet", flag, folder, "a.txt", "b.txt"], None);
        assert_eq!(got, want(folder));
        assert_eq!(
            listing(&dir.join(folder)),
            [
                ".saywho-manifest",
                "ana-reyes.md",
                "index.md",
                "owen-marsh.md"
            ]
        );
    }
    let help = run(&dir, &["sheet", "--help"], None);
    assert!(help.starts_with("exit: 0\n"), "{help}");
    assert!(help.contains("-o, --out <DIR>"), "{help}");
    assert!(help.contains("[alias: --output]"), "{help}");
    let help = run(&dir, &["extract", "--help"], None);
    assert!(help.contains("-o, --output <FILE>"), "{help}");
}

#[test]
fn unknown_speaker_is_an_error_naming_the_closest_ids() {
    let dir = two_speakers("cli_unknown_speaker");
    let mut got = String::new();
    for args in [
        // One unknown id, to standard output.
        &["sheet", "--speaker", "ana-reyse", "a.txt", "b.txt"][..],
        // Several unknown ids, a repeat, one known: each unknown named once.
        &[
            "sheet",
            "--speaker",
            "owen-marsh",
            "--speaker",
            "reyes",
            "--speaker",
            "nobody",
            "--speaker",
            "reyes",
            "-o",
            "sheets",
            "a.txt",
            "b.txt",
        ][..],
    ] {
        got.push_str(&format!("$ saywho {}\n", args.join(" ")));
        got.push_str(&run(&dir, args, None));
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_unknown_speaker", got));
    // Nothing written: no folder, no temporary one.
    assert!(!dir.join("sheets").exists());
    assert!(temporaries(&dir).is_empty());
    // A known id alone is fine.
    let got = run(
        &dir,
        &[
            "sheet",
            "--speaker",
            "owen-marsh",
            "--format",
            "json",
            "a.txt",
            "b.txt",
        ],
        None,
    );
    assert!(got.starts_with("exit: 0\n"), "{got}");
    assert!(got.ends_with("--- stderr\n"), "{got}");
    assert!(
        got.contains("\"owen-marsh\"") && !got.contains("\"ana-reyes\""),
        "{got}"
    );
}

#[test]
fn empty_input_is_a_warning_for_every_command() {
    let dir = scratch("cli_empty_input");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(dir.join("unread")).unwrap();
    std::fs::write(dir.join("unread/notes.md"), "not an article").unwrap();
    std::fs::write(dir.join("unread/bad.txt"), b"\xff\xfe").unwrap();
    std::fs::create_dir_all(dir.join("skipped")).unwrap();
    std::fs::write(dir.join("skipped/notes.md"), "not an article").unwrap();
    let mut got = String::new();
    // `sheet` writes a folder, so that the snapshot does not hold the Markdown writer's
    // output.
    for command in [
        &["extract"][..],
        &["link"],
        &["speakers"],
        &["sheet", "-o", "out"],
    ] {
        for (paths, stdin) in [
            (&["empty"][..], None),
            (&["skipped"], None),
            (&["-"], Some("")),
            (&["-"], Some(" \n\n")),
            (&["unread", "empty"], None),
        ] {
            let args = [command, paths].concat();
            got.push_str(&format!(
                "$ saywho {}{}\n",
                args.join(" "),
                stdin.map_or(String::new(), |s| format!(" <<< {s:?}"))
            ));
            got.push_str(&run(&dir, &args, stdin));
        }
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_empty_input", got));
}

#[test]
fn sheet_folder_drops_stale_pages_and_keeps_other_files() {
    let dir = two_speakers("cli_sheet_stale");
    let got = run(&dir, &["sheet", "-o", "sheets", "a.txt", "b.txt"], None);
    assert_eq!(
        got,
        "exit: 0\n--- stdout\n--- stderr\nsaywho: wrote 2 sheets and an index to sheets\n"
    );
    let sheets = dir.join("sheets");
    assert_eq!(
        std::fs::read_to_string(sheets.join(".saywho-manifest")).unwrap(),
        "ana-reyes.md\nindex.md\nowen-marsh.md\n"
    );
    std::fs::write(sheets.join("notes.txt"), "my notes").unwrap();
    // A manifest line that is not a plain file name is ignored, never followed.
    std::fs::write(dir.join("outside.md"), "keep me").unwrap();
    let mut manifest = std::fs::read_to_string(sheets.join(".saywho-manifest")).unwrap();
    manifest.push_str("../outside.md\n..\n/etc/passwd\n\n");
    std::fs::write(sheets.join(".saywho-manifest"), manifest).unwrap();
    // The second run has only Ana Reyes: Owen Marsh's page goes, the notes stay.
    let got = run(&dir, &["sheet", "-o", "sheets", "a.txt"], None);
    assert_eq!(
        got,
        "exit: 0\n--- stdout\n--- stderr\nsaywho: wrote 1 sheet and an index to sheets\n"
    );
    assert_eq!(
        listing(&sheets),
        [".saywho-manifest", "ana-reyes.md", "index.md", "notes.txt"]
    );
    assert_eq!(
        std::fs::read_to_string(sheets.join(".saywho-manifest")).unwrap(),
        "ana-reyes.md\nindex.md\n"
    );
    assert_eq!(
        std::fs::read_to_string(sheets.join("notes.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("outside.md")).unwrap(),
        "keep me"
    );
    assert!(temporaries(&dir).is_empty());
    // A folder with no manifest (an older saywho's) keeps every file it holds.
    std::fs::remove_file(sheets.join(".saywho-manifest")).unwrap();
    std::fs::write(sheets.join("owen-marsh.md"), "an old page").unwrap();
    let got = run(&dir, &["sheet", "-o", "sheets", "a.txt"], None);
    assert!(got.starts_with("exit: 0\n"), "{got}");
    assert_eq!(
        listing(&sheets),
        [
            ".saywho-manifest",
            "ana-reyes.md",
            "index.md",
            "notes.txt",
            "owen-marsh.md"
        ]
    );
}

#[test]
fn output_of_the_wrong_kind_is_an_error_naming_it() {
    let dir = two_speakers("cli_out_kind");
    std::fs::write(dir.join("sheets.md"), "mine").unwrap();
    std::fs::create_dir_all(dir.join("folder")).unwrap();
    let mut got = String::new();
    // The input is not read: the missing file is not reported.
    for args in [
        &["sheet", "--out", "sheets.md", "a.txt", "missing.txt"][..],
        &["sheet", "-o", "sheets.md", "a.txt"][..],
        &["extract", "-o", "folder", "a.txt", "missing.txt"][..],
        &["link", "-o", "folder", "a.txt", "missing.txt"][..],
        &["speakers", "-o", "folder", "a.txt", "missing.txt"][..],
    ] {
        got.push_str(&format!("$ saywho {}\n", args.join(" ")));
        got.push_str(&run(&dir, args, None));
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_out_kind", got));
    assert_eq!(
        std::fs::read_to_string(dir.join("sheets.md")).unwrap(),
        "mine"
    );
    assert!(listing(&dir.join("folder")).is_empty());
    assert!(temporaries(&dir).is_empty());
}

#[test]
fn jsonl_errors_give_the_record_line_once() {
    let dir = scratch("cli_jsonl_errors");
    let records = "{\"id\":\"a\",\"text\":\"Fine.\"}\n{broken\n\n{\"id\":\"b\",\"text\":5}\n";
    std::fs::write(dir.join("d.jsonl"), records).unwrap();
    std::fs::write(dir.join("e.json"), records).unwrap();
    std::fs::write(dir.join("f.json"), "[{\"id\":\"c\",\"text\":[]},\n{oops]").unwrap();
    let mut got = String::new();
    for (args, stdin) in [
        (&["extract", "d.jsonl", "e.json", "f.json"][..], None),
        // Leading blank lines on standard input still count as lines.
        (&["extract", "-"][..], Some(format!("\n\n{records}"))),
    ] {
        got.push_str(&format!("$ saywho {}\n", args.join(" ")));
        got.push_str(&run(&dir, args, stdin.as_deref()));
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_jsonl_errors", got));
    assert!(!got.contains("line 1 column"), "{got}");
}

#[test]
fn stdin_reads_plain_text_unless_it_is_jsonl() {
    let dir = scratch("cli_stdin_text");
    let mut got = String::new();
    for input in [
        // Front matter, as in a .txt file.
        "---\noutlet: The Ledger\ndate: 2026-03-04\n---\nMayor Ana Reyes said: “We are ready.”\n",
        // A date prefix, after a byte-order mark.
        "\u{feff}date 2026-03-05 “Rain is coming,” said forecaster Lee Park.",
        // JSONL after white space.
        "\n  \n{\"id\":\"j\",\"text\":\"“Fine,” she said.\"}\n",
    ] {
        got.push_str(&format!("$ saywho extract - <<< {input:?}\n"));
        got.push_str(&run(&dir, &["extract", "-"], Some(input)));
    }
    // Not UTF-8: one error naming standard input.
    let (code, stderr) = run_shell(&dir, "printf 'Caf\\351 said' | \"$SAYWHO\" extract -");
    got.push_str(&format!(
        "$ printf 'Caf\\351 said' | saywho extract -\nexit: {code}\n{stderr}"
    ));
    snapshot_settings().bind(|| insta::assert_snapshot!("cli_stdin_text", got));
}
