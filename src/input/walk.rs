//! Finding the input files under a path: directories walked in sorted order, each file with
//! the id its article takes, links followed only inside the tree (unless asked), loops walked
//! once, and an unreadable folder reported without losing the rest.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, ErrorKind};

/// A file to read, found by [`Walk::sources`]: its path, and the id its article takes if it
/// is a `.txt` file (JSON records carry their own ids).
///
/// The id is the file's path relative to the directory that was named, without its
/// extension and with `/` between folders (`ledger/2026-03-04`), so two files of one name in
/// two folders never share an id; a file named on its own takes its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Source {
    /// Where the file is.
    pub path: PathBuf,
    /// The id of its article, for a `.txt` file.
    pub id: String,
}

impl Source {
    /// A file named on its own: its id is its stem.
    pub fn file(path: &Path) -> Source {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Source {
            path: path.to_path_buf(),
            id,
        }
    }
}

/// How directories are walked. By default, symbolic links are followed only where they
/// point inside the directory that was named; a folder reached twice (a link loop, or two
/// links to one folder) is walked once.
///
/// ```
/// use saywho::input::Walk;
/// let dir = std::env::temp_dir().join("saywho-doc-walk");
/// std::fs::create_dir_all(dir.join("ledger")).unwrap();
/// std::fs::write(dir.join("ledger/monday.txt"), "Rain fell.").unwrap();
/// let found: Vec<_> = Walk::default().sources(&dir).into_iter().map(|s| s.unwrap().id).collect();
/// assert_eq!(found, ["ledger/monday"]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Walk {
    follow_links: bool,
}

impl Walk {
    /// Also follow symbolic links that point out of the named directory. Default false.
    pub fn follow_links(mut self, follow: bool) -> Self {
        self.follow_links = follow;
        self
    }

    /// The input files named by `path`: the file itself, or every supported file below a
    /// directory (`.txt`, `.json`, `.jsonl`; others are skipped), sorted by path. A folder
    /// that cannot be read is one `Err` in its place and the rest is still found; a path that
    /// does not exist, or a file of another type, is a single `Err`.
    pub fn sources(&self, path: &Path) -> Vec<Result<Source, Error>> {
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return vec![Err(Error::from(e).with_path(path))],
        };
        if !meta.is_dir() {
            return vec![if is_supported(path) {
                Ok(Source::file(path))
            } else {
                Err(Error::new(ErrorKind::Unsupported).with_path(path))
            }];
        }
        let root = match fs::canonicalize(path) {
            Ok(r) => r,
            Err(e) => return vec![Err(Error::from(e).with_path(path))],
        };
        let mut walker = Walker {
            walk: *self,
            root: root.clone(),
            named: path.to_path_buf(),
            dirs: HashSet::new(),
            files: HashSet::new(),
            out: Vec::new(),
        };
        walker.dir(path, &root);
        walker.out.sort_by(|a, b| a.0.cmp(&b.0));
        walker.out.into_iter().map(|(_, r)| r).collect()
    }
}

/// The state of one walk.
struct Walker {
    walk: Walk,
    /// The named directory, resolved.
    root: PathBuf,
    /// The named directory, as named: ids are relative to it.
    named: PathBuf,
    /// Folders walked, resolved: each is walked once.
    dirs: HashSet<PathBuf>,
    /// Files found, resolved: a file reached through a link and by its own path is read once.
    files: HashSet<PathBuf>,
    /// What was found, with the path it sorts by.
    out: Vec<(PathBuf, Result<Source, Error>)>,
}

impl Walker {
    /// Walks `dir` (as reached), whose resolved path is `real`.
    fn dir(&mut self, dir: &Path, real: &Path) {
        if !self.dirs.insert(real.to_path_buf()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                let err = Error::from(e).with_path(dir);
                self.out.push((dir.to_path_buf(), Err(err)));
                return;
            }
        };
        // Sorted, so that where one folder or file is reached twice, which path is kept (and
        // so the id) does not depend on the order the file system lists them in.
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => listed.push(e),
                Err(e) => {
                    let err = Error::from(e).with_path(dir);
                    self.out.push((dir.to_path_buf(), Err(err)));
                    return;
                }
            }
        }
        listed.sort_by_key(|e| e.file_name());
        for entry in listed {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_symlink() {
                self.link(&path);
            } else if kind.is_dir() {
                self.dir(&path, &real.join(entry.file_name()));
            } else if is_supported(&path) {
                self.file(path, real.join(entry.file_name()));
            }
        }
    }

    /// A symbolic link: followed to a folder or a file when it resolves inside the tree (or
    /// links are to be followed anywhere). A broken link with a supported name is kept, so
    /// that reading it reports the problem.
    fn link(&mut self, path: &Path) {
        let Ok(target) = fs::canonicalize(path) else {
            if is_supported(path) {
                self.push(path.to_path_buf());
            }
            return;
        };
        if !self.walk.follow_links && !target.starts_with(&self.root) {
            return;
        }
        if target.is_dir() {
            self.dir(path, &target);
        } else if is_supported(path) {
            self.file(path.to_path_buf(), target);
        }
    }

    fn file(&mut self, path: PathBuf, real: PathBuf) {
        if self.files.insert(real) {
            self.push(path);
        }
    }

    fn push(&mut self, path: PathBuf) {
        let id = relative_id(&self.named, &path);
        self.out.push((path.clone(), Ok(Source { path, id })));
    }
}

/// `path` relative to `named`, without its extension, folders joined with `/`.
fn relative_id(named: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(named).unwrap_or(path).with_extension("");
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// Whether a file has a name saywho reads (`.txt`, `.json`, `.jsonl`).
pub(super) fn is_supported(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "json" | "jsonl")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_paths_without_extension() {
        let named = Path::new("in");
        assert_eq!(relative_id(named, Path::new("in/a.txt")), "a");
        assert_eq!(
            relative_id(named, Path::new("in/ledger/x.y.txt")),
            "ledger/x.y"
        );
    }
}
