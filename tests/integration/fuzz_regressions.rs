//! Every input under `tests/fuzz_regressions/` (crashes and slow units the fuzzers found, see
//! `scripts/fuzz`) replayed the way its fuzz target runs it: as one article, and split at 0x1E
//! into a small corpus that is linked.

use saywho::{Article, Extractor, Linker};

use crate::support::project_path;

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = project_path("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|x| x != "md"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    let extractor = Extractor::new();
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let article = Article::from_txt("fuzz", String::from_utf8_lossy(&data).into_owned());
        let e = extractor.extract(&article);
        if let Err(why) = saywho::test_support::invariants::extraction(&article, &e) {
            panic!("{name}: {why}");
        }
        let extractions: Vec<_> = saywho::test_support::invariants::fuzz_corpus(&data)
            .iter()
            .map(|a| extractor.extract(a))
            .collect();
        let statements = Linker::default().link(&extractions);
        if let Err(why) = saywho::test_support::invariants::statements(&extractions, &statements) {
            panic!("{name}: {why}");
        }
    }
}
