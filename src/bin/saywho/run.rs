//! Reading every input of a run, in parallel and in order, with failures reported as they
//! come and an optional progress bar.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressStyle};
use saywho::input::{self, Decoding, UniqueIds, Walk};
use saywho::stream::{ordered, Budget};
use saywho::{Article, Error};

/// How a run reads its input.
pub struct Run {
    /// The inputs as given: files, directories, `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// `--strict`: stop at the first failure.
    pub strict: bool,
    /// `--lossy` or not.
    pub decoding: Decoding,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// How directories are walked (`--follow-links`).
    pub walk: Walk,
}

/// How reading went.
#[derive(Default)]
pub struct Outcome {
    /// Articles read (whatever their content: an empty `.txt` file is one).
    pub read: usize,
    /// Some file or record could not be read.
    pub failed: bool,
    /// `--strict` stopped the run at the first failure.
    pub stopped: bool,
    /// The command line asked for something the input cannot give (an unknown
    /// `--speaker`): exit 2, and nothing written.
    pub bad_usage: bool,
}

impl Run {
    /// Maps every article of the run with `map` (in parallel on the rayon pool, one bounded
    /// batch at a time) and hands the results to `each` in input order, with `true` for the
    /// last result of each batch (the moment to flush). A failure to read is reported on
    /// stderr and skipped, or with `strict` ends the run; an error from `each` (writing) ends
    /// it at once. A run that read no article at all says so on stderr (a warning: the exit
    /// code is not changed by it).
    ///
    /// The reading thread parses the next batch while the workers extract this one, and
    /// hands over whole batches through a channel that holds one: at most about four batches
    /// of input are alive at a time (being read, waiting, being extracted, being written),
    /// each within [`Budget::default`] (1,024 articles or 16 MiB, or one larger article).
    pub fn for_each<U: Send>(
        &self,
        map: impl Fn(Article) -> U + Sync + Send,
        mut each: impl FnMut(U, bool) -> io::Result<()>,
    ) -> io::Result<Outcome> {
        let bar = self.bar();
        let mut outcome = Outcome::default();
        std::thread::scope(|scope| {
            let budget = Budget::default();
            let size = |r: &Result<Article, Error>| r.as_ref().map_or(0, |a| a.text.len());
            // Reading and parsing run on their own thread, one batch ahead.
            let (tx, rx) = mpsc::sync_channel::<Vec<Result<Article, Error>>>(1);
            let reader_bar = bar.clone();
            scope.spawn(move || {
                let (mut batch, mut bytes) = (Vec::new(), 0);
                for item in self.articles(&reader_bar) {
                    bytes += size(&item);
                    batch.push(item);
                    if batch.len() >= budget.items || bytes >= budget.bytes {
                        if tx.send(std::mem::take(&mut batch)).is_err() {
                            return; // the consumer stopped
                        }
                        bytes = 0;
                    }
                }
                let _ = tx.send(batch);
            });
            let articles = rx.into_iter().flatten();
            let mut results = ordered(articles, budget, size, |r| r.map(&map));
            let result = (|| -> io::Result<()> {
                while let Some(r) = results.next() {
                    match r {
                        Ok(u) => {
                            outcome.read += 1;
                            each(u, results.ready() == 0)?
                        }
                        Err(e) => {
                            bar.suspend(|| report(format_args!("{e}")));
                            outcome.failed = true;
                            if self.strict {
                                outcome.stopped = true;
                                break;
                            }
                        }
                    }
                }
                Ok(())
            })();
            // Dropping the receiver ends the reader thread at its next send.
            drop(results);
            bar.finish_and_clear();
            result
        })?;
        if outcome.stopped {
            report(format_args!("stopped at the first failure (--strict)"));
        } else if outcome.read == 0 {
            report(format_args!(
                "warning: no articles read from {}",
                self.describe_inputs()
            ));
        }
        Ok(outcome)
    }

    /// The inputs as the user named them, for messages: `in, more.jsonl, standard input`.
    fn describe_inputs(&self) -> String {
        self.paths
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    "standard input".to_string()
                } else {
                    p.display().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every article of the run, in order, with ids made unique (a repeat is renamed and
    /// reported); reading errors in place. Bytes read advance `bar`.
    fn articles<'a>(
        &'a self,
        bar: &'a ProgressBar,
    ) -> impl Iterator<Item = Result<Article, Error>> + 'a {
        let decoding = self.decoding;
        let mut ids = UniqueIds::default();
        let read = self.paths.iter().flat_map(
            move |path| -> Box<dyn Iterator<Item = Result<Article, Error>> + 'a> {
                if path.as_os_str() == "-" {
                    // JSONL if it starts with `{`, else one plain-text article.
                    let stdin = Counted(io::stdin().lock(), bar);
                    return input::read_stdin_with(BufReader::new(stdin), decoding);
                }
                Box::new(self.walk.sources(path).into_iter().flat_map(
                    move |source| -> Box<dyn Iterator<Item = _> + 'a> {
                        let source = match source {
                            Ok(s) => s,
                            Err(e) => return Box::new(std::iter::once(Err(e))),
                        };
                        let f = source.path.clone();
                        if f.extension().is_some_and(|x| x == "jsonl") {
                            if let Ok(file) = File::open(&f) {
                                let lines = BufReader::new(Counted(file, bar));
                                return Box::new(
                                    input::read_jsonl_with(lines, decoding)
                                        .map(move |r| r.map_err(|e| e.with_path(&f))),
                                );
                            }
                        }
                        let len = std::fs::metadata(&f).map_or(0, |m| m.len());
                        bar.inc(len);
                        input::read_source(&source, decoding)
                    },
                ))
            },
        );
        read.map(move |r| {
            r.map(|mut a| {
                if let Some(was) = ids.admit(&mut a) {
                    bar.suspend(|| {
                        report(format_args!(
                            "warning: article id \"{was}\" is used twice; the later one is read as \"{}\"",
                            a.id
                        ))
                    });
                }
                a
            })
        })
    }

    /// A progress bar on stderr when it is a terminal and `--progress` is not `never`;
    /// hidden otherwise. Its length is the input size when every input is a file.
    fn bar(&self) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let total: Option<u64> = self
            .paths
            .iter()
            .map(|p| {
                (p.as_os_str() != "-").then(|| {
                    self.walk
                        .sources(p)
                        .iter()
                        .filter_map(|s| s.as_ref().ok())
                        .filter_map(|s| std::fs::metadata(&s.path).ok())
                        .map(|m| m.len())
                        .sum::<u64>()
                })
            })
            .sum();
        let bar = match total {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template(
                    "{spinner} {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
                .expect("a valid template"),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {bytes} read, {binary_bytes_per_sec}")
                    .expect("a valid template"),
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    }
}

/// Writes `saywho: <message>` on standard error. A failure to write there (a full disk, a
/// closed pipe) is ignored rather than a panic: there is nowhere left to report it, and the
/// exit code still says the run failed.
pub fn report(message: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "saywho: {message}");
}

/// A reader that advances the progress bar by the bytes it reads.
struct Counted<'a, R>(R, &'a ProgressBar);

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1.inc(n as u64);
        Ok(n)
    }
}
