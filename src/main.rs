//! The `saywho` command: a thin layer over the library.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use saywho::{input, Article, Error, Extractor, Linker, Roster, SpeakerEntry, SpeakerKind};

/// Who said what in news articles.
#[derive(Parser)]
#[command(name = "saywho", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quotes with speaker, role and cue: one JSON object per article.
    Extract {
        /// Output format: one line per article (jsonl) or one pretty JSON array (json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Files (.txt, .json, .jsonl), directories, or `-` for JSONL on standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Link the same statement across outlets: one JSON object per statement (singletons
    /// included), with each outlet's variant and how it differs.
    Link {
        /// Output format: one line per statement (jsonl) or one pretty JSON array (json).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Files (.txt, .json, .jsonl), directories, or `-` for JSONL on standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Quote sheets: per speaker, their roles and every statement with each outlet's
    /// rendering. One document on stdout, or with --out one file per speaker plus an index.
    Sheet {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SheetFormat::Md)]
        format: SheetFormat,
        /// Write one file per speaker and an index into this folder (created if needed).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only these speakers (ids as `saywho speakers` lists them); repeatable.
        #[arg(long = "speaker")]
        speakers: Vec<String>,
        /// Files (.txt, .json, .jsonl), directories, or `-` for JSONL on standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the speakers of a corpus: id, name, kind, roles, quotes and outlets, with the
    /// same person merged across articles.
    Speakers {
        /// Output format: an aligned table, one JSON line per speaker, or one JSON array.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Files (.txt, .json, .jsonl), directories, or `-` for JSONL on standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
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
    match cli.command {
        Command::Extract { format, paths } => extract(format, &paths),
        Command::Speakers { format, paths } => speakers(format, &paths),
        Command::Link { format, paths } => link(format, &paths),
        Command::Sheet {
            format,
            out,
            speakers,
            paths,
        } => sheet(format, out.as_deref(), &speakers, &paths),
    }
}

/// Writes extractions as JSONL or as one JSON array, as they come.
struct Sink<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> Sink<W> {
    fn write(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, value)?;
                writeln!(self.out)?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, value)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if let Format::Json = self.format {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Every article named by `paths`, in order; errors are reported and skipped.
fn articles<'a>(paths: &'a [PathBuf], failed: &'a mut bool) -> impl Iterator<Item = Article> + 'a {
    paths
        .iter()
        .flat_map(|path| -> Box<dyn Iterator<Item = Result<Article, Error>>> {
            if path.as_os_str() == "-" {
                Box::new(input::read_jsonl(io::stdin().lock()))
            } else {
                match input::files(path) {
                    Ok(files) => Box::new(files.into_iter().flat_map(|f| input::read_file(&f))),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }
        })
        .filter_map(move |r| match r {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("saywho: {e}");
                *failed = true;
                None
            }
        })
}

fn extract(format: Format, paths: &[PathBuf]) -> ExitCode {
    let extractor = Extractor::new();
    let mut failed = false;
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        format,
        written: 0,
    };
    let result = (|| {
        for article in articles(paths, &mut failed) {
            sink.write(&extractor.extract(&article))?;
        }
        sink.finish()
    })();
    finish(result, failed)
}

/// Every article of `paths`, extracted; `failed` records unreadable input.
fn extract_all(paths: &[PathBuf], failed: &mut bool) -> Vec<saywho::Extraction> {
    let extractor = Extractor::new();
    articles(paths, failed)
        .map(|a| extractor.extract(&a))
        .collect()
}

fn speakers(format: ListFormat, paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    let extractions = extract_all(paths, &mut failed);
    let roster = Roster::build(&extractions);
    let mut out = BufWriter::new(io::stdout().lock());
    let result = match format {
        ListFormat::Table => write_table(&mut out, roster.entries()),
        ListFormat::Jsonl | ListFormat::Json => {
            let mut sink = Sink {
                out: &mut out,
                format: if let ListFormat::Json = format {
                    Format::Json
                } else {
                    Format::Jsonl
                },
                written: 0,
            };
            roster
                .entries()
                .iter()
                .try_for_each(|e| sink.write(e))
                .and_then(|()| sink.finish())
        }
    }
    .and_then(|()| out.flush());
    finish(result, failed)
}

/// The roster as an aligned plain-text table.
fn write_table(out: &mut impl Write, entries: &[SpeakerEntry]) -> io::Result<()> {
    let kind = |k: SpeakerKind| match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Anonymous => "anonymous",
        _ => "unknown",
    };
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|e| {
            let roles: Vec<String> = e
                .roles
                .iter()
                .map(|r| format!("{} ({})", r.role, r.quotes))
                .collect();
            [
                e.id.clone(),
                e.name.clone().unwrap_or_else(|| "—".into()),
                kind(e.kind).to_string(),
                format!("{} ({} reported)", e.quotes, e.reported),
                e.outlets.len().to_string(),
                roles.join("; "),
            ]
        })
        .collect();
    let header = ["ID", "NAME", "KIND", "QUOTES", "OUTLETS", "ROLES"].map(String::from);
    let width = |c: usize| {
        std::iter::once(&header)
            .chain(&rows)
            .map(|r| r[c].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..5).map(width).collect();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (c, w) in widths.iter().enumerate() {
            line.push_str(&format!("{:<w$}  ", row[c], w = *w));
        }
        line.push_str(&row[5]);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The exit code: 1 if writing failed (other than a closed pipe) or any input failed.
fn finish(result: io::Result<()>, failed: bool) -> ExitCode {
    if let Err(e) = result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("saywho: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn link(format: Format, paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    let extractions = extract_all(paths, &mut failed);
    let statements = Linker::default().link(&extractions);
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        format,
        written: 0,
    };
    let result = statements
        .iter()
        .try_for_each(|s| sink.write(s))
        .and_then(|()| sink.finish());
    finish(result, failed)
}

/// Writes one page of the sheets in `format`.
fn write_page(
    w: &mut impl Write,
    sheets: &saywho::sheet::Sheets,
    format: SheetFormat,
    page: saywho::sheet::Page,
) -> io::Result<()> {
    use saywho::sheet::{write_html, write_markdown, Page};
    match format {
        SheetFormat::Md => write_markdown(w, sheets, page),
        SheetFormat::Html => write_html(w, sheets, page),
        SheetFormat::Json => {
            match page {
                Page::All => serde_json::to_writer_pretty(&mut *w, sheets)?,
                Page::Index => serde_json::to_writer_pretty(&mut *w, &sheets.index)?,
                Page::Speaker(id) => serde_json::to_writer_pretty(
                    &mut *w,
                    &sheets.speakers.iter().find(|s| s.id == id),
                )?,
            }
            writeln!(w)
        }
    }
}

/// Writes `path` through a temporary file renamed into place, so no file is left half written.
fn write_file(
    path: &std::path::Path,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = path.with_extension("saywho-tmp");
    let mut f = BufWriter::new(std::fs::File::create(&tmp)?);
    write(&mut f)?;
    f.flush()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

fn sheet(
    format: SheetFormat,
    out: Option<&std::path::Path>,
    speakers: &[String],
    paths: &[PathBuf],
) -> ExitCode {
    use saywho::sheet::{Page, Sheets};
    let mut failed = false;
    let extractions = extract_all(paths, &mut failed);
    let sheets = Sheets::build(&extractions).only(speakers);
    let ext = match format {
        SheetFormat::Md => "md",
        SheetFormat::Html => "html",
        SheetFormat::Json => "json",
    };
    let result = match out {
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            write_page(&mut w, &sheets, format, Page::All).and_then(|()| w.flush())
        }
        Some(dir) => (|| {
            std::fs::create_dir_all(dir)?;
            write_file(&dir.join(format!("index.{ext}")), |w| {
                write_page(w, &sheets, format, Page::Index)
            })?;
            for e in &sheets.index {
                let path = dir.join(format!("{}.{ext}", e.file));
                write_file(&path, |w| {
                    write_page(w, &sheets, format, Page::Speaker(&e.id))
                })?;
            }
            eprintln!(
                "saywho: wrote {} sheets and an index to {}",
                sheets.index.len(),
                dir.display()
            );
            Ok(())
        })(),
    };
    finish(result, failed)
}
