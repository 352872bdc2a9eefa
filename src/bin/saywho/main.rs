//! The `saywho` command: a thin layer over the library.

mod output;
mod run;
mod table;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use saywho::input::{Decoding, Walk};
use saywho::{Extraction, Extractor, Linker, Roster};

use output::{
    check_file, check_folder, cleanup_on_signals, serialize, write_file, write_folder, Format,
    Output, Sink,
};
use run::{report, Outcome, Run};

/// mimalloc: per-thread heaps, so the workers do not contend on the allocator (see
/// docs/performance.md for the measurement behind the choice).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Who said what in news articles.
#[derive(Parser)]
#[command(name = "saywho", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    common: Common,
}

/// Options every command takes.
#[derive(Args)]
struct Common {
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', global = true, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Stop at the first file or record that cannot be read (exit 1) instead of reporting it
    /// and going on.
    #[arg(long, global = true)]
    strict: bool,
    /// Replace bytes that are not UTF-8 with U+FFFD instead of failing the file or record
    /// (spans then refer to the decoded text).
    #[arg(long, global = true)]
    lossy: bool,
    /// Follow symbolic links that point out of a directory given as input (by default only
    /// links inside it are followed).
    #[arg(long, global = true)]
    follow_links: bool,
    /// Progress bar on stderr: `auto` shows it when stderr is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = When::Auto)]
    progress: When,
}

/// Where a record-per-item command reads and writes.
#[derive(Args)]
struct Files {
    /// Write to this file (complete or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Files (.txt, .json, .jsonl), directories, or `-` for standard input (JSONL if its
    /// first character that is not white space is `{`, else one plain-text article).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum When {
    Auto,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quotes with speaker, role and cue: one JSON object per article, in input
    /// order, written as each batch of articles is done.
    Extract {
        /// Output format: one line per article (jsonl) or one pretty JSON array (json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        #[command(flatten)]
        files: Files,
    },
    /// Link the same statement across outlets: one JSON object per statement (singletons
    /// included), with each outlet's variant and how it differs.
    Link {
        /// Output format: one line per statement (jsonl) or one pretty JSON array (json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        #[command(flatten)]
        files: Files,
    },
    /// Quote sheets: per speaker, their roles and every statement with each outlet's
    /// rendering. One document on stdout, or with -o/--out one file per speaker plus an index.
    Sheet {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SheetFormat::Md)]
        format: SheetFormat,
        /// Write one file per speaker and an index into this folder (created if needed).
        /// Pages an earlier run wrote there and this one does not are removed (the folder's
        /// `.saywho-manifest` lists them); files saywho did not write are kept.
        #[arg(
            short = 'o',
            long = "out",
            visible_alias = "output",
            value_name = "DIR"
        )]
        out: Option<PathBuf>,
        /// Only these speakers (ids as `saywho speakers` lists them); repeatable. An id that
        /// names nobody is an error (exit 2) and nothing is written.
        #[arg(long = "speaker", value_name = "ID")]
        speakers: Vec<String>,
        /// Files (.txt, .json, .jsonl), directories, or `-` for standard input (JSONL if its
        /// first character that is not white space is `{`, else one plain-text article).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the speakers of a corpus: id, name, kind, roles, quotes and outlets, with the
    /// same person merged across articles.
    Speakers {
        /// Output format: an aligned table, one JSON line per speaker, or one JSON array.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(flatten)]
        files: Files,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SheetFormat {
    Md,
    Html,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Jsonl,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // clap uses 0 for --help/--version and 2 for usage errors.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Err(e) = cleanup_on_signals() {
        report(format_args!("cannot watch for signals: {e}"));
        return ExitCode::from(1);
    }
    if let Some(n) = cli.common.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
        {
            report(format_args!("cannot start {n} worker threads: {e}"));
            return ExitCode::from(1);
        }
    }
    let run = |paths: Vec<PathBuf>| Run {
        paths,
        strict: cli.common.strict,
        decoding: if cli.common.lossy {
            Decoding::Lossy
        } else {
            Decoding::Strict
        },
        progress: matches!(cli.common.progress, When::Auto)
            && std::io::IsTerminal::is_terminal(&io::stderr()),
        walk: Walk::default().follow_links(cli.common.follow_links),
    };
    let result = match cli.command {
        Command::Extract { format, files } => {
            extract(&run(files.paths), format, files.output.as_deref())
        }
        Command::Speakers { format, files } => {
            speakers(&run(files.paths), format, files.output.as_deref())
        }
        Command::Link { format, files } => link(&run(files.paths), format, files.output.as_deref()),
        Command::Sheet {
            format,
            out,
            speakers,
            paths,
        } => sheet(&run(paths), format, out.as_deref(), &speakers),
    };
    finish(result)
}

/// The exit code: 2 for bad usage (an unknown `--speaker`; clap's own usage errors exit 2
/// before this); 1 if writing failed (other than a closed pipe), if the output path is of
/// the wrong kind (`-o` on a folder, `sheet --out` on anything but a folder), if any input
/// failed, or if `--strict` stopped the run.
fn finish(result: io::Result<Outcome>) -> ExitCode {
    match result {
        Ok(outcome) if outcome.bad_usage => ExitCode::from(2),
        Ok(outcome) if outcome.failed => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            report(format_args!("cannot write output: {e}"));
            ExitCode::from(1)
        }
    }
}

/// Streams extractions to the output, serialised on the workers, in input order, flushed
/// after each batch.
fn extract(run: &Run, format: Format, output: Option<&Path>) -> io::Result<Outcome> {
    let extractor = Extractor::new();
    let mut sink = Sink::new(Output::open(output)?, format);
    let outcome = run.for_each(
        |a| serialize(&extractor.extract(&a), format),
        |bytes, batch_done| {
            sink.write_raw(&bytes)?;
            if batch_done {
                sink.out.flush()?;
            }
            Ok(())
        },
    )?;
    let out = sink.finish()?;
    if !outcome.stopped {
        out.commit()?;
    }
    Ok(outcome)
}

/// Every article of the run, extracted in parallel, in input order.
fn extract_all(run: &Run) -> io::Result<(Vec<Extraction>, Outcome)> {
    let extractor = Extractor::new();
    let mut all = Vec::new();
    let outcome = run.for_each(
        |a| extractor.extract(&a),
        |e, _| {
            all.push(e);
            Ok(())
        },
    )?;
    Ok((all, outcome))
}

fn speakers(run: &Run, format: ListFormat, output: Option<&Path>) -> io::Result<Outcome> {
    check_file(output)?;
    let (extractions, outcome) = extract_all(run)?;
    if outcome.stopped {
        return Ok(outcome);
    }
    let roster = Roster::build(&extractions);
    let mut out = Output::open(output)?;
    match format {
        ListFormat::Table => table::write_table(&mut out, roster.entries())?,
        ListFormat::Jsonl | ListFormat::Json => {
            let format = if let ListFormat::Json = format {
                Format::Json
            } else {
                Format::Jsonl
            };
            let mut sink = Sink::new(&mut out, format);
            for e in roster.entries() {
                sink.write(e)?;
            }
            sink.finish()?;
        }
    }
    out.commit()?;
    Ok(outcome)
}

fn link(run: &Run, format: Format, output: Option<&Path>) -> io::Result<Outcome> {
    check_file(output)?;
    let (extractions, outcome) = extract_all(run)?;
    if outcome.stopped {
        return Ok(outcome);
    }
    let statements = Linker::default().link(&extractions);
    let mut sink = Sink::new(Output::open(output)?, format);
    for s in &statements {
        sink.write(s)?;
    }
    sink.finish()?.commit()?;
    Ok(outcome)
}

/// Writes one page of the sheets in `format`.
fn write_page(
    w: &mut impl Write,
    sheets: &saywho::sheet::Sheets,
    format: SheetFormat,
    page: saywho::sheet::Page,
) -> io::Result<()> {
    use saywho::sheet::{write_html, write_json, write_markdown};
    match format {
        SheetFormat::Md => write_markdown(w, sheets, page),
        SheetFormat::Html => write_html(w, sheets, page),
        SheetFormat::Json => write_json(w, sheets, page),
    }
}

fn sheet(
    run: &Run,
    format: SheetFormat,
    out: Option<&Path>,
    speakers: &[String],
) -> io::Result<Outcome> {
    use saywho::sheet::{Page, Sheets};
    if let Some(dir) = out {
        check_folder(dir)?;
    }
    let (extractions, mut outcome) = extract_all(run)?;
    if outcome.stopped {
        return Ok(outcome);
    }
    let sheets = Sheets::build(&extractions);
    let known: Vec<&str> = sheets.index.iter().map(|e| e.id.as_str()).collect();
    let unknown = unknown_speakers(speakers, &known);
    if !unknown.is_empty() {
        for message in &unknown {
            report(format_args!("{message}"));
        }
        report(format_args!("nothing written"));
        outcome.bad_usage = true;
        return Ok(outcome);
    }
    let sheets = sheets.only(speakers);
    let ext = match format {
        SheetFormat::Md => "md",
        SheetFormat::Html => "html",
        SheetFormat::Json => "json",
    };
    match out {
        None => {
            let mut w = Output::open(None)?;
            write_page(&mut w, &sheets, format, Page::All)?;
            w.commit()?;
        }
        Some(dir) => {
            write_folder(dir, |tmp| {
                for (stem, page) in sheets.pages() {
                    write_file(&tmp.join(format!("{stem}.{ext}")), |w| {
                        write_page(w, &sheets, format, page)
                    })?;
                }
                Ok(())
            })?;
            let n = sheets.index.len();
            report(format_args!(
                "wrote {n} sheet{} and an index to {}",
                if n == 1 { "" } else { "s" },
                dir.display()
            ));
        }
    }
    Ok(outcome)
}

/// One message for each id of `asked` (once each, in the order given) that is not among
/// `known`, naming up to three of the closest known ids.
fn unknown_speakers(asked: &[String], known: &[&str]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    asked
        .iter()
        .filter(|id| !known.contains(&id.as_str()) && seen.insert(id.as_str()))
        .map(|id| {
            let close = closest(id, known);
            if close.is_empty() {
                let hint = if known.is_empty() {
                    "the input has no speakers"
                } else {
                    "no id is close; `saywho speakers` lists them"
                };
                format!("unknown --speaker {id:?} ({hint})")
            } else {
                let close: Vec<String> = close.iter().map(|c| format!("{c:?}")).collect();
                format!(
                    "unknown --speaker {id:?}; closest id{}: {}",
                    if close.len() == 1 { "" } else { "s" },
                    close.join(", ")
                )
            }
        })
        .collect()
}

/// Up to three ids of `known` close to `id` (ignoring case): within an edit distance of a
/// third of its length (at least 2), or holding it or held in it (three characters or more).
/// Closest first, then in id order.
fn closest<'a>(id: &str, known: &[&'a str]) -> Vec<&'a str> {
    let id = id.to_lowercase();
    let limit = (id.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|&k| {
            let lower = k.to_lowercase();
            let distance = strsim::levenshtein(&id, &lower);
            let shorter = id.chars().count().min(lower.chars().count());
            let within = shorter >= 3 && (lower.contains(&id) || id.contains(&lower));
            (distance <= limit || within).then_some((distance, k))
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_ids_by_distance_and_containment() {
        let known = ["ana-reyes", "ana-ruiz", "owen-marsh", "s1/coach"];
        assert_eq!(closest("ana-reyse", &known), ["ana-reyes"]);
        assert_eq!(closest("Ana-Reyes", &known), ["ana-reyes"]);
        assert_eq!(closest("reyes", &known), ["ana-reyes"]);
        assert_eq!(closest("ana", &known), ["ana-ruiz", "ana-reyes"]);
        assert!(closest("zz", &known).is_empty());
        assert!(closest("teresa-alvarez", &known).is_empty());
    }

    #[test]
    fn unknown_speakers_are_named_once_each() {
        let asked = ["ana-reyes", "x", "ana-reyse", "x"].map(String::from);
        let got = unknown_speakers(&asked, &["ana-reyes"]);
        assert_eq!(
            got,
            [
                "unknown --speaker \"x\" (no id is close; `saywho speakers` lists them)",
                "unknown --speaker \"ana-reyse\"; closest id: \"ana-reyes\""
            ]
        );
        assert_eq!(
            unknown_speakers(&asked[1..2], &[]),
            ["unknown --speaker \"x\" (the input has no speakers)"]
        );
    }
}
