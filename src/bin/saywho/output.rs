//! Where results go: standard output, or a file that appears only when it is complete.

use std::fs::File;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

/// Standard output, or a file written under a temporary name in the same folder and renamed
/// into place by [`Output::commit`]. Dropped without a commit, the temporary file is removed,
/// so a failed run never leaves a half-written file behind.
pub enum Output {
    Stdout(BufWriter<Stdout>),
    File {
        tmp: PathBuf,
        path: PathBuf,
        file: Option<BufWriter<File>>,
    },
}

impl Output {
    /// `path`, or standard output when `None`.
    pub fn open(path: Option<&Path>) -> io::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(path) => {
                let tmp = temporary_name(path);
                let file = File::create(&tmp)?;
                Ok(Output::File {
                    tmp,
                    path: path.to_path_buf(),
                    file: Some(BufWriter::with_capacity(1 << 16, file)),
                })
            }
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn commit(mut self) -> io::Result<()> {
        match &mut self {
            Output::Stdout(w) => w.flush(),
            Output::File { tmp, path, file } => {
                let w = file.take().expect("committed once");
                w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&*tmp, &*path)
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::File {
            tmp, file: Some(_), ..
        } = self
        {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { file, .. } => file.as_mut().expect("open").write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File { file, .. } => file.as_mut().expect("open").write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { file, .. } => file.as_mut().expect("open").flush(),
        }
    }
}

/// `.<name>.<pid>.saywho-tmp` beside `path`: same folder (so the rename is atomic), hidden,
/// and unique per process.
fn temporary_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.saywho-tmp", std::process::id()))
}

/// Writes `path` completely or not at all (see [`Output`]).
pub fn write_file(
    path: &Path,
    write: impl FnOnce(&mut Output) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = Output::open(Some(path))?;
    write(&mut out)?;
    out.commit()
}

/// The output formats of the record-per-item commands.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One pretty-printed JSON array.
    Json,
}

/// Writes records as JSONL or as one JSON array, as they come.
pub struct Sink<W: Write> {
    pub out: W,
    pub format: Format,
    pub written: usize,
}

impl<W: Write> Sink<W> {
    pub fn new(out: W, format: Format) -> Self {
        Sink {
            out,
            format,
            written: 0,
        }
    }

    /// One record, already serialised by [`serialize`].
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Format::Json = self.format {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        self.out.write_all(bytes)?;
        self.written += 1;
        Ok(())
    }

    pub fn write(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        let bytes = serialize(value, self.format);
        self.write_raw(&bytes)
    }

    /// Closes the array (for `json`) and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        if let Format::Json = self.format {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(self.out)
    }
}

/// One record in `format`: a JSON line with its newline, or a pretty object for an array.
pub fn serialize(value: &impl serde::Serialize, format: Format) -> Vec<u8> {
    match format {
        Format::Jsonl => {
            let mut v = serde_json::to_vec(value).expect("output types serialise");
            v.push(b'\n');
            v
        }
        Format::Json => serde_json::to_vec_pretty(value).expect("output types serialise"),
    }
}
