//! Where results go: standard output, or a file that appears only when it is complete.
//!
//! An output file is written under a temporary name beside it and renamed into place when
//! complete. A path that is not a regular file — a FIFO, a device such as `/dev/null`, a
//! socket — is written through instead: renaming over it would replace the special file with
//! a plain one. A symbolic link is followed: its target is replaced and the link stays.
//! Temporary files and folders are removed when the run fails, and on SIGINT, SIGTERM and
//! SIGHUP ([`cleanup_on_signals`]). A folder of files ([`write_folder`]) is swapped in as a
//! whole, with a manifest of what saywho wrote, so that stale pages of an earlier run go and
//! the user's own files stay.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files and folders of this process that a signal should remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn register(path: &Path) {
    pending().push(path.to_path_buf());
}

fn unregister(path: &Path) {
    pending().retain(|p| p != path);
}

/// Removes a temporary file or folder, whichever it is.
fn remove(path: &Path) {
    if std::fs::remove_file(path).is_err() {
        let _ = std::fs::remove_dir_all(path);
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove every pending temporary file and folder, then exit
/// with 128 + the signal's number, as a shell reports a command the signal killed.
pub fn cleanup_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            for path in pending().iter() {
                remove(path);
            }
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Standard output, a file written through, or a file written under a temporary name in the
/// same folder and renamed into place by [`Output::commit`]. Dropped without a commit, the
/// temporary file is removed, so a failed run never leaves a half-written file behind.
pub enum Output {
    Stdout(BufWriter<Stdout>),
    /// A FIFO, a device or a socket, written as it is.
    Through(BufWriter<File>),
    File {
        tmp: PathBuf,
        path: PathBuf,
        file: Option<BufWriter<File>>,
    },
}

impl Output {
    /// `path`, or standard output when `None`. Standard output that is closed is an error
    /// here rather than output silently lost.
    pub fn open(path: Option<&Path>) -> io::Result<Output> {
        let Some(path) = path else {
            check_stdout()?;
            return Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        let path = follow_link(path);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => Err(is_a_folder(&path)),
            Ok(m) if !m.is_file() => {
                let file = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|e| named(&path, e))?;
                Ok(Output::Through(BufWriter::with_capacity(1 << 16, file)))
            }
            _ => {
                let tmp = temporary_name(&path);
                register(&tmp);
                let file = File::create(&tmp).map_err(|e| {
                    unregister(&tmp);
                    named(&path, e)
                })?;
                Ok(Output::File {
                    tmp,
                    path,
                    file: Some(BufWriter::with_capacity(1 << 16, file)),
                })
            }
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn commit(mut self) -> io::Result<()> {
        match &mut self {
            Output::Stdout(w) => w.flush(),
            Output::Through(w) => w.flush(),
            Output::File { tmp, path, file } => {
                let w = file.take().expect("committed once");
                let done = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .and_then(|()| std::fs::rename(&*tmp, &*path));
                if done.is_err() {
                    remove(tmp);
                }
                unregister(tmp);
                done.map_err(|e| named(path, e))
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
            remove(tmp);
            unregister(tmp);
        }
    }
}

impl Output {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::Through(w) => w,
            Output::File { file, .. } => file.as_mut().expect("open"),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

/// Fails when `path` (the `-o` of a command that writes one file) is a folder, before any
/// input is read; [`Output::open`] fails the same way.
pub fn check_file(path: Option<&Path>) -> io::Result<()> {
    match path.map(follow_link) {
        Some(path) if path.is_dir() => Err(is_a_folder(&path)),
        _ => Ok(()),
    }
}

fn is_a_folder(path: &Path) -> io::Error {
    named(
        path,
        io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder, not a file (-o takes a file; only sheet -o writes a folder)",
        ),
    )
}

/// Fails when `dir` (the folder `sheet -o/--out` writes) exists and is not a folder, before
/// any input is read; [`write_folder`] fails the same way.
pub fn check_folder(dir: &Path) -> io::Result<()> {
    let dir = follow_link(dir);
    if dir.exists() && !dir.is_dir() {
        return Err(named(
            &dir,
            io::Error::new(
                io::ErrorKind::AlreadyExists,
                "exists and is not a folder (sheet -o/--out writes a folder of pages)",
            ),
        ));
    }
    Ok(())
}

/// An error that names the path it is about.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Fails when standard output was closed (`>&-`). The Rust runtime opens `/dev/null` in
/// place of a standard descriptor that is closed when the program starts, so what is written
/// would be lost and the run would end in success. That stand-in is told apart from a
/// `>/dev/null` the user asked for by its mode: the runtime opens it for reading and
/// writing, a shell's `>` for writing only.
fn check_stdout() -> io::Result<()> {
    if stdout_was_closed() {
        return Err(io::Error::new(
            io::ErrorKind::NotConnected,
            "standard output is closed; nothing would be written (use -o FILE)",
        ));
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    // SAFETY: fcntl and fstat on descriptor 1 only read its state; `st` is written by fstat.
    unsafe {
        let flags = libc::fcntl(1, libc::F_GETFL);
        if flags < 0 {
            return true;
        }
        if flags & libc::O_ACCMODE != libc::O_RDWR {
            return false;
        }
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(1, &mut st) == 0
            && st.st_mode & libc::S_IFMT == libc::S_IFCHR
            && st.st_rdev == libc::makedev(1, 3)
    }
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// `path` with every symbolic link of its last component followed, so that writing replaces
/// the link's target and keeps the link. A dangling link gives its target's path.
fn follow_link(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&path) {
            Ok(target) => {
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Err(_) => break,
        }
    }
    path
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

/// The file in a folder written by [`write_folder`] that lists the files saywho wrote there,
/// one name per line.
pub const MANIFEST: &str = ".saywho-manifest";

/// Writes a set of files into the folder `dir` as a whole: `write` fills a temporary folder
/// beside it, which then takes `dir`'s place in one step, so a run that fails or is killed
/// leaves the old set or the new one, never a mix.
///
/// The new folder gets a [`MANIFEST`] naming every file of the new set. Of the files already
/// in `dir` that the new set does not hold, those the old manifest names are stale pages of
/// an earlier run and are removed; the others are kept (saywho never deletes what it did not
/// write). The old versions of the files it rewrites are removed. A folder without a
/// manifest (written by an older saywho, or not at all) keeps every file.
pub fn write_folder(dir: &Path, write: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    check_folder(dir)?;
    let dir = follow_link(dir);
    let tmp = temporary_name(&dir);
    register(&tmp);
    let result = (|| {
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).map_err(|e| named(&tmp, e))?;
        write(&tmp)?;
        write_manifest(&tmp)?;
        if !dir.exists() {
            return std::fs::rename(&tmp, &dir).map_err(|e| named(&dir, e));
        }
        exchange(&tmp, &dir).map_err(|e| named(&dir, e))?;
        // `tmp` now holds the old set: carry over what the new one does not replace, unless
        // saywho wrote it.
        let stale = read_manifest(&tmp);
        for entry in std::fs::read_dir(&tmp)? {
            let entry = entry?;
            let name = entry.file_name();
            if name == MANIFEST || name.to_str().is_some_and(|n| stale.contains(n)) {
                continue;
            }
            let keep = dir.join(&name);
            if std::fs::symlink_metadata(&keep).is_err() {
                std::fs::rename(entry.path(), keep)?;
            }
        }
        Ok(())
    })();
    remove(&tmp);
    unregister(&tmp);
    result
}

/// Writes the [`MANIFEST`] of the files in `dir`, sorted.
fn write_manifest(dir: &Path) -> io::Result<()> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| named(dir, e))? {
        let name = entry.map_err(|e| named(dir, e))?.file_name();
        if let Some(name) = name.to_str().filter(|n| plain_name(n)) {
            names.push(name.to_string());
        }
    }
    names.sort();
    let mut text = String::new();
    for name in names {
        text.push_str(&name);
        text.push('\n');
    }
    let path = dir.join(MANIFEST);
    std::fs::write(&path, text).map_err(|e| named(&path, e))
}

/// The file names the [`MANIFEST`] in `dir` lists; none when there is no manifest or it
/// cannot be read. Lines that are not plain file names ([`plain_name`]) are ignored.
fn read_manifest(dir: &Path) -> std::collections::HashSet<String> {
    let text = std::fs::read(dir.join(MANIFEST)).unwrap_or_default();
    String::from_utf8_lossy(&text)
        .lines()
        .filter(|n| plain_name(n))
        .map(str::to_string)
        .collect()
}

/// A name of a file directly in a folder: not empty, not `.` or `..`, not the manifest, no
/// path separator, NUL or line break.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name != MANIFEST
        && !name.contains(['/', '\\', '\0', '\n', '\r'])
}

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`); elsewhere, or
/// where the file system cannot, in two renames.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let ca = CString::new(a.as_os_str().as_bytes())?;
        let cb = CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them as given.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
    }
    let old = a.with_extension("saywho-old");
    std::fs::rename(b, &old)?;
    std::fs::rename(a, b)?;
    std::fs::rename(old, a)
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
